import type { Locale, Translator } from '@/lib/i18n';
import type { CriterionNode, FieldLeaf, LeafNode } from '@/lib/policy-matching/model';
import { fieldLabel } from './format';

/**
 * The criteria of a policy version in plain language, keeping the all / any nesting (满足以下全部 / 满足其一).
 * Leaves use their own label when the rule has one, else a sentence built from the field label and operator.
 */

function valText(v: unknown, locale: Locale): string {
  const zh = locale !== 'en';
  if (typeof v === 'boolean') return zh ? (v ? '是' : '否') : v ? 'yes' : 'no';
  if (Array.isArray(v)) return v.map((x) => valText(x, locale)).join(zh ? '、' : ', ');
  if (v === 'none') return zh ? '无' : 'none';
  return String(v);
}

const UNIT: Record<string, { zh: string; en: string }> = {
  age: { zh: ' 周岁', en: ' years old' },
  months_in_jdz: { zh: ' 个月', en: ' months' },
  months_since_graduation: { zh: ' 个月', en: ' months' },
  practice_years: { zh: ' 年', en: ' years' },
  business_operating_months: { zh: ' 个月', en: ' months' },
  years_since_title: { zh: ' 年', en: ' years' },
  social_insurance_months_jdz: { zh: ' 个月', en: ' months' },
};

export function leafSentence(l: FieldLeaf, locale: Locale): string {
  const zh = locale !== 'en';
  const own = zh ? l.label_zh : l.label_en;
  if (own) return own;
  const L = fieldLabel(l.field, locale);
  const v = l.value;
  const vs = valText(v, locale);
  const u = UNIT[l.field] ? (zh ? UNIT[l.field]!.zh : UNIT[l.field]!.en) : '';
  const pair = Array.isArray(v) ? v : [];
  switch (l.op) {
    case 'eq':
      return typeof v === 'boolean' ? (zh ? `${L}：${vs}` : `${L}: ${vs}`) : zh ? `${L}为${vs}` : `${L} is ${vs}`;
    case 'ne':
      return zh ? `${L}不是${vs}` : `${L} is not ${vs}`;
    case 'in':
      return zh ? `${L}是 ${vs} 之一` : `${L} is one of ${vs}`;
    case 'not_in':
      return zh ? `${L}不是 ${vs}` : `${L} is none of ${vs}`;
    case 'gte':
      return zh ? `${L}至少 ${vs}${u}` : `${L} at least ${vs}${u}`;
    case 'lte':
      return zh ? `${L}不超过 ${vs}${u}` : `${L} at most ${vs}${u}`;
    case 'between':
      return zh ? `${L}在 ${pair[0]}–${pair[1]}${u} 之间` : `${L} between ${pair[0]} and ${pair[1]}${u}`;
    case 'exists':
      return zh ? `有${L}` : `has ${L}`;
    case 'contains_any':
      return zh ? `${L}包括 ${vs} 之一` : `${L} include one of ${vs}`;
    case 'contains_all':
      return zh ? `${L}包括全部 ${vs}` : `${L} include all of ${vs}`;
    case 'count_gte':
      return zh ? `${L}至少 ${vs} 项` : `at least ${vs} ${L}`;
    case 'within_months':
      return zh ? `${L}在最近 ${vs} 个月内` : `${L} within the last ${vs} months`;
    case 'older_than_months':
      return zh ? `${L}在 ${vs} 个月以前` : `${L} more than ${vs} months ago`;
    default:
      return L;
  }
}

export function CriteriaTree({ node, t, locale, titles, depth = 0 }: { node: CriterionNode; t: Translator; locale: Locale; titles: Map<string, string>; depth?: number }) {
  const zh = locale !== 'en';
  if (node.kind === 'all' || node.kind === 'any') {
    const label = (zh ? node.label_zh : node.label_en) ?? (node.kind === 'all' ? t('policyUi.allOf') : t('policyUi.anyOf'));
    return (
      <div className={depth ? 'rounded-xl bg-ink-50 p-3 ring-1 ring-inset ring-ink-200' : ''} data-kind={node.kind}>
        <p className="mb-2 text-sm font-semibold text-ink-800">
          {node.kind === 'any' && depth ? <span aria-hidden className="mr-1 text-brand-700">⋁</span> : null}
          {label}
          {(zh ? node.label_zh : node.label_en) ? <span className="font-normal text-ink-600">（{node.kind === 'all' ? t('policyUi.allOf') : t('policyUi.anyOf')}）</span> : null}
        </p>
        <ul className="space-y-2">
          {node.children.map((c, i) => (
            <li key={c.id ?? i} className="flex gap-2">
              {c.kind === 'leaf' || c.kind === 'not' ? (
                <span aria-hidden className="mt-2 size-1.5 shrink-0 rounded-full bg-brand-700" />
              ) : null}
              <div className="min-w-0 flex-1">
                <CriteriaTree node={c} t={t} locale={locale} titles={titles} depth={depth + 1} />
              </div>
            </li>
          ))}
        </ul>
      </div>
    );
  }
  if (node.kind === 'not') {
    return (
      <div>
        <p className="mb-1 text-sm font-semibold text-ink-800">{(zh ? node.label_zh : node.label_en) ?? t('policyUi.notOf')}</p>
        <CriteriaTree node={node.child} t={t} locale={locale} titles={titles} depth={depth + 1} />
      </div>
    );
  }
  const leaf = node as LeafNode;
  let text: string;
  if (leaf.manual) text = (zh ? leaf.label_zh : leaf.label_en) ?? t('policyUi.manualLeaf');
  else if (leaf.gate) text = (zh ? leaf.label_zh : leaf.label_en) ?? t('policyUi.gateLeaf', { title: titles.get(leaf.gate) ?? leaf.gate });
  else text = leafSentence(leaf as FieldLeaf, locale);
  const hint = zh ? leaf.hint_zh : leaf.hint_en;
  return (
    <p className="text-sm text-ink-800">
      {text}
      {hint ? <span className="block text-xs text-ink-600">{hint}</span> : null}
    </p>
  );
}
