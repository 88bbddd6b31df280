'use client';

import type { ReactNode } from 'react';
import { useLocale, useT } from '@/components/i18n/provider';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { FIELD_SPECS, type FieldName, type Op } from '@/lib/policy-matching/model';
import {
  FIELD_GROUPS,
  OTHER_FIELDS,
  defaultOpFor,
  filterKeys,
  mapNode,
  moveChild,
  newGroup,
  newLeaf,
  newUid,
  opsFor,
  removeNode,
  takesFilter,
  valueOptions,
  issuesAt,
  isGroupNode,
  type ELeaf,
  type ENode,
} from './editor-model';
import { CheckboxGroup, CheckboxInput, Issues, SelectInput, TextInput, type Option } from './fields';
import { anchorId, explainIssue, type Issue } from './issues';

type T = ReturnType<typeof useT>;

export interface TreeContext {
  root: ENode;
  setRoot: (fn: (root: ENode) => ENode) => void;
  issues: Issue[];
  policyOptions: Option[];
  materialCodes: string[];
}

/** The criteria tree: all / any / not groups and leaves, edited in place. `path` is the node's document path. */
export function CriteriaTree({ ctx, path }: { ctx: TreeContext; path: string }) {
  return <NodeEditor ctx={ctx} node={ctx.root} path={path} depth={0} />;
}

function NodeEditor({ ctx, node, path, depth, parent, index, count }: { ctx: TreeContext; node: ENode; path: string; depth: number; parent?: ENode; index?: number; count?: number }) {
  const t = useT();
  const locale = useLocale();
  const update = (fn: (n: ENode) => ENode) => ctx.setRoot((r) => mapNode(r, node.uid, fn));
  const own = issuesAt(ctx.issues, path).map((i) => explainIssue(i.message, t));
  const toolbar =
    parent && index !== undefined && count !== undefined ? (
      <div className="flex flex-wrap gap-1">
        <Button size="sm" variant="ghost" disabled={index === 0} onClick={() => ctx.setRoot((r) => moveChild(r, parent.uid, index, -1))} aria-label={t('policyStaff.moveUp')}>
          ↑
        </Button>
        <Button size="sm" variant="ghost" disabled={index === count - 1} onClick={() => ctx.setRoot((r) => moveChild(r, parent.uid, index, 1))} aria-label={t('policyStaff.moveDown')}>
          ↓
        </Button>
        {node.kind !== 'not' ? (
          <Button size="sm" variant="ghost" onClick={() => update((n) => ({ uid: newUid(), kind: 'not', id: '', label_zh: '', label_en: '', child: n }))}>
            {t('policyStaff.wrapNot')}
          </Button>
        ) : (
          <Button size="sm" variant="ghost" onClick={() => update((n) => (n.kind === 'not' ? n.child : n))}>
            {t('policyStaff.unwrapNot')}
          </Button>
        )}
        <Button size="sm" variant="ghost" className="text-red-700" onClick={() => ctx.setRoot((r) => removeNode(r, node.uid))} aria-label={t('policyStaff.removeNode')}>
          ✕ {t('policyStaff.remove')}
        </Button>
      </div>
    ) : null;

  const frame = cn('rounded-xl ring-1 ring-inset', node.kind === 'leaf' ? 'bg-white ring-ink-200' : node.kind === 'not' ? 'bg-amber-50/60 ring-amber-200' : depth % 2 === 0 ? 'bg-ink-50 ring-ink-200' : 'bg-white ring-ink-200');

  if (isGroupNode(node)) {
    return (
      <section id={anchorId(path)} data-testid={`node-${path}`} className={cn(frame, 'space-y-3 p-3 sm:p-4')} aria-label={t(node.kind === 'all' ? 'policyStaff.groupAll' : 'policyStaff.groupAny')} tabIndex={-1}>
        <div className="flex flex-wrap items-end justify-between gap-2">
          <SelectInput
            className="w-full sm:w-72"
            label={t('policyStaff.groupKind')}
            value={node.kind}
            onValue={(v) => update((n) => (isGroupNode(n) ? { ...n, kind: v as 'all' | 'any' } : n))}
            options={[
              { value: 'all', label: t('policyStaff.groupAll') },
              { value: 'any', label: t('policyStaff.groupAny') },
            ]}
          />
          {toolbar}
        </div>
        <Issues messages={own} />
        {node.children.length === 0 ? <p className="text-sm text-ink-600">{t('policyStaff.groupEmpty')}</p> : null}
        <ol className="space-y-3 border-l-2 border-brand-200 pl-2 sm:pl-4">
          {node.children.map((c, i) => (
            <li key={c.uid}>
              <NodeEditor ctx={ctx} node={c} path={`${path}.children[${i}]`} depth={depth + 1} parent={node} index={i} count={node.children.length} />
            </li>
          ))}
        </ol>
        <div className="flex flex-wrap gap-2" role="group" aria-label={t('policyStaff.addToGroup')}>
          <Button size="sm" variant="secondary" onClick={() => update((n) => (isGroupNode(n) ? { ...n, children: [...n.children, newLeaf()] } : n))}>
            ＋ {t('policyStaff.addLeaf')}
          </Button>
          <Button size="sm" variant="secondary" onClick={() => update((n) => (isGroupNode(n) ? { ...n, children: [...n.children, newGroup(n.kind === 'all' ? 'any' : 'all')] } : n))}>
            ＋ {t('policyStaff.addGroup')}
          </Button>
          <Button size="sm" variant="secondary" onClick={() => update((n) => (isGroupNode(n) ? { ...n, children: [...n.children, newLeaf('gate')] } : n))}>
            ＋ {t('policyStaff.addGate')}
          </Button>
          <Button size="sm" variant="secondary" onClick={() => update((n) => (isGroupNode(n) ? { ...n, children: [...n.children, { ...newLeaf('manual'), id: 'c_review' }] } : n))}>
            ＋ {t('policyStaff.addManual')}
          </Button>
        </div>
        <GroupLabels ctx={ctx} node={node} />
      </section>
    );
  }

  if (node.kind === 'not') {
    return (
      <section id={anchorId(path)} data-testid={`node-${path}`} className={cn(frame, 'space-y-3 p-3 sm:p-4')} aria-label={t('policyStaff.notTitle')} tabIndex={-1}>
        <div className="flex flex-wrap items-center justify-between gap-2">
          <p className="font-medium text-amber-900">{t('policyStaff.notTitle')}</p>
          {toolbar}
        </div>
        <Issues messages={own} />
        <div className="border-l-2 border-amber-300 pl-2 sm:pl-4">
          <NodeEditor ctx={ctx} node={node.child} path={`${path}.child`} depth={depth + 1} />
        </div>
      </section>
    );
  }

  return (
    <section id={anchorId(path)} data-testid={`node-${path}`} className={cn(frame, 'space-y-3 p-3 sm:p-4', own.length ? 'ring-2 ring-red-500' : '')} aria-label={leafTitle(node, t, locale)} tabIndex={-1}>
      <div className="flex flex-wrap items-end justify-between gap-2">
        <SelectInput
          className="w-full sm:w-56"
          label={t('policyStaff.leafKind')}
          value={node.leafKind}
          onValue={(v) => update((n) => ({ ...(n as ELeaf), leafKind: v as ELeaf['leafKind'] }))}
          options={[
            { value: 'field', label: t('policyStaff.leafField') },
            { value: 'gate', label: t('policyStaff.leafGate') },
            { value: 'manual', label: t('policyStaff.leafManual') },
          ]}
        />
        {toolbar}
      </div>
      <LeafBody ctx={ctx} leaf={node} path={path} update={(fn) => update((n) => fn(n as ELeaf))} issues={own} />
    </section>
  );
}

export function fieldLabel(f: FieldName, locale: string) {
  const spec = FIELD_SPECS[f];
  return locale === 'en' ? spec.label_en : spec.label_zh;
}

function leafTitle(l: ELeaf, t: T, locale: string): string {
  if (l.leafKind === 'gate') return `${t('policyStaff.leafGate')} ${l.gate}`;
  if (l.leafKind === 'manual') return t('policyStaff.leafManual');
  return `${fieldLabel(l.field, locale)} ${t(`policyStaff.op_${l.op}`)}`;
}

function GroupLabels({ ctx, node }: { ctx: TreeContext; node: ENode }) {
  const t = useT();
  const update = (k: 'label_zh' | 'label_en', v: string) => ctx.setRoot((r) => mapNode(r, node.uid, (n) => ({ ...n, [k]: v })));
  return (
    <details className="rounded-lg text-sm">
      <summary className="cursor-pointer py-1 text-ink-700">{t('policyStaff.groupLabels')}</summary>
      <div className="mt-2 grid gap-3 sm:grid-cols-2">
        <TextInput label={t('policyStaff.labelZh')} value={node.label_zh} onValue={(v) => update('label_zh', v)} />
        <TextInput label={t('policyStaff.labelEn')} value={node.label_en} onValue={(v) => update('label_en', v)} />
      </div>
    </details>
  );
}

function LeafBody({ ctx, leaf, path, update, issues }: { ctx: TreeContext; leaf: ELeaf; path: string; update: (fn: (l: ELeaf) => ELeaf) => void; issues: string[] }) {
  const t = useT();
  const locale = useLocale();
  const set = <K extends keyof ELeaf>(k: K, v: ELeaf[K]) => update((l) => ({ ...l, [k]: v }));
  const at = (sub: string) => ctx.issues.filter((i) => i.path === `${path}.${sub}` || i.path.startsWith(`${path}.${sub}.`)).map((i) => explainIssue(i.message, t));
  const general = ctx.issues.filter((i) => i.path === path).map((i) => explainIssue(i.message, t));

  let main: ReactNode;
  if (leaf.leafKind === 'gate') {
    main = (
      <SelectInput
        label={t('policyStaff.gatePolicy')}
        hint={t('policyStaff.gateHint')}
        value={leaf.gate}
        onValue={(v) => set('gate', v)}
        errors={at('gate')}
        options={[{ value: '', label: t('policyStaff.choose') }, ...ctx.policyOptions]}
      />
    );
  } else if (leaf.leafKind === 'manual') {
    main = <p className="rounded-lg bg-brand-50 px-3 py-2 text-sm text-brand-900">{t('policyStaff.manualHint')}</p>;
  } else {
    const spec = FIELD_SPECS[leaf.field];
    const ops = opsFor(spec);
    const groups = [
      ...FIELD_GROUPS.map((g) => ({ label: t(`policyStaff.${g.key}`), options: g.fields.map((f) => ({ value: f, label: fieldLabel(f, locale) })) })),
      ...(OTHER_FIELDS.length ? [{ label: t('policyStaff.groupOther'), options: OTHER_FIELDS.map((f) => ({ value: f, label: fieldLabel(f, locale) })) }] : []),
    ];
    main = (
      <div className="space-y-3">
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectInput
            label={t('policyStaff.field')}
            value={leaf.field}
            errors={at('field')}
            onValue={(v) =>
              update((l) => {
                const field = v as FieldName;
                const allowed = opsFor(FIELD_SPECS[field]);
                return { ...l, field, op: allowed.includes(l.op) ? l.op : defaultOpFor(field), value: '', values: [], low: '', high: '', filter: [] };
              })
            }
            groups={groups}
          />
          <SelectInput label={t('policyStaff.op')} value={leaf.op} errors={at('op')} onValue={(v) => set('op', v as Op)} options={ops.map((o) => ({ value: o, label: t(`policyStaff.op_${o}`) }))} />
        </div>
        <ValueEditor ctx={ctx} leaf={leaf} update={update} errors={at('value')} />
        {spec.type === 'list' && takesFilter(leaf.op) && spec.attrs ? <FilterEditor leaf={leaf} update={update} errors={at('filter')} /> : null}
        <div className="grid gap-3 sm:grid-cols-2">
          <SelectInput
            label={t('policyStaff.remediable')}
            hint={t('policyStaff.remediableHint')}
            value={leaf.remediable}
            onValue={(v) => set('remediable', v as ELeaf['remediable'])}
            options={[
              { value: 'default', label: t('policyStaff.remediableDefault') },
              { value: 'yes', label: t('policyStaff.remediableYes') },
              { value: 'no', label: t('policyStaff.remediableNo') },
            ]}
          />
          <div className="pt-1 sm:pt-7">
            <CheckboxInput label={t('policyStaff.timeBased')} hint={t('policyStaff.timeBasedHint')} checked={leaf.time_based} onChecked={(v) => set('time_based', v)} />
          </div>
        </div>
      </div>
    );
  }

  return (
    <div className="space-y-3">
      {main}
      <Issues messages={[...general, ...issues.filter((m) => !general.includes(m) && !at('value').includes(m) && !at('op').includes(m) && !at('field').includes(m) && !at('filter').includes(m) && !at('gate').includes(m))]} />
      <details className="rounded-lg text-sm" open={leaf.leafKind === 'manual' || undefined}>
        <summary className="cursor-pointer py-1 text-ink-700">{t('policyStaff.leafTexts')}</summary>
        <div className="mt-2 grid gap-3 sm:grid-cols-2">
          <TextInput label={t('policyStaff.labelZh')} value={leaf.label_zh} onValue={(v) => set('label_zh', v)} />
          <TextInput label={t('policyStaff.labelEn')} value={leaf.label_en} onValue={(v) => set('label_en', v)} />
          <TextInput label={t('policyStaff.explainPassZh')} value={leaf.explain_pass_zh} onValue={(v) => set('explain_pass_zh', v)} />
          <TextInput label={t('policyStaff.explainPassEn')} value={leaf.explain_pass_en} onValue={(v) => set('explain_pass_en', v)} />
          <TextInput label={t('policyStaff.explainFailZh')} value={leaf.explain_fail_zh} onValue={(v) => set('explain_fail_zh', v)} />
          <TextInput label={t('policyStaff.explainFailEn')} value={leaf.explain_fail_en} onValue={(v) => set('explain_fail_en', v)} />
          <TextInput label={t('policyStaff.hintZh')} value={leaf.hint_zh} onValue={(v) => set('hint_zh', v)} />
          <TextInput label={t('policyStaff.hintEn')} value={leaf.hint_en} onValue={(v) => set('hint_en', v)} />
          <TextInput label={t('policyStaff.criterionId')} hint={t('policyStaff.criterionIdHint')} value={leaf.id} onValue={(v) => set('id', v)} errors={at('id')} />
          <SelectInput
            label={t('policyStaff.evidence')}
            value={leaf.evidence}
            onValue={(v) => set('evidence', v)}
            options={[{ value: '', label: t('policyStaff.noEvidence') }, ...ctx.materialCodes.filter(Boolean).map((c) => ({ value: c, label: c }))]}
          />
        </div>
      </details>
    </div>
  );
}

function ValueEditor({ ctx, leaf, update, errors }: { ctx: TreeContext; leaf: ELeaf; update: (fn: (l: ELeaf) => ELeaf) => void; errors: string[] }) {
  const t = useT();
  const spec = FIELD_SPECS[leaf.field];
  const set = <K extends keyof ELeaf>(k: K, v: ELeaf[K]) => update((l) => ({ ...l, [k]: v }));
  const options = valueOptions(leaf.field, leaf.op, ctx.policyOptions.map((o) => o.value));
  const optLabel = (v: string | number) => (v === 'none' ? t('policyStaff.valueNone') : String(v));
  switch (leaf.op) {
    case 'exists':
      return <p className="text-sm text-ink-600">{t('policyStaff.existsHint')}</p>;
    case 'between':
      return (
        <div className="grid grid-cols-2 gap-3">
          <TextInput label={t('policyStaff.low')} type="number" inputMode="decimal" value={leaf.low} onValue={(v) => set('low', v)} errors={errors} />
          <TextInput label={t('policyStaff.high')} type="number" inputMode="decimal" value={leaf.high} onValue={(v) => set('high', v)} />
        </div>
      );
    case 'in':
    case 'not_in':
    case 'contains_any':
    case 'contains_all':
      return options ? (
        <CheckboxGroup legend={t('policyStaff.valuesMulti')} options={options.map((o) => ({ value: String(o), label: optLabel(o) }))} values={leaf.values} onValues={(v) => update((l) => ({ ...l, values: v, value: '' }))} errors={errors} />
      ) : (
        <TextInput label={t('policyStaff.valuesText')} hint={t('policyStaff.valuesTextHint')} value={leaf.value} onValue={(v) => update((l) => ({ ...l, value: v, values: [] }))} errors={errors} />
      );
    case 'count_gte':
      return <TextInput label={t('policyStaff.valueCount')} type="number" inputMode="numeric" min={0} step={1} value={leaf.value} onValue={(v) => set('value', v)} errors={errors} />;
    case 'within_months':
    case 'older_than_months':
      return <TextInput label={t('policyStaff.valueMonths')} type="number" inputMode="numeric" min={1} step={1} value={leaf.value} onValue={(v) => set('value', v)} errors={errors} />;
    case 'gte':
    case 'lte':
      if (!spec.enum) return <TextInput label={t('policyStaff.valueNumber')} type="number" inputMode="decimal" step="any" value={leaf.value} onValue={(v) => set('value', v)} errors={errors} />;
      break;
    default:
      break;
  }
  if (spec.type === 'boolean')
    return (
      <SelectInput
        label={t('policyStaff.value')}
        value={leaf.value}
        onValue={(v) => set('value', v)}
        errors={errors}
        options={[
          { value: '', label: t('policyStaff.choose') },
          { value: 'true', label: t('policyStaff.yes') },
          { value: 'false', label: t('policyStaff.no') },
        ]}
      />
    );
  if (options) return <SelectInput label={t('policyStaff.value')} value={leaf.value} onValue={(v) => set('value', v)} errors={errors} options={[{ value: '', label: t('policyStaff.choose') }, ...options.map((o) => ({ value: String(o), label: optLabel(o) }))]} />;
  if (spec.type === 'date') return <TextInput label={t('policyStaff.valueDate')} type="date" value={leaf.value} onValue={(v) => set('value', v)} errors={errors} />;
  if (spec.type === 'number') return <TextInput label={t('policyStaff.valueNumber')} type="number" inputMode="decimal" step="any" value={leaf.value} onValue={(v) => set('value', v)} errors={errors} />;
  return <TextInput label={t('policyStaff.value')} value={leaf.value} onValue={(v) => set('value', v)} errors={errors} />;
}

function FilterEditor({ leaf, update, errors }: { leaf: ELeaf; update: (fn: (l: ELeaf) => ELeaf) => void; errors: string[] }) {
  const t = useT();
  const keys = filterKeys(FIELD_SPECS[leaf.field]);
  const keyLabel = (k: string) => {
    if (k === 'within_months') return t('policyStaff.filterWithin');
    const m = /^(.*)_(gte|lte)$/.exec(k);
    const attr = (a: string) => t(`policyStaff.attr_${a}`);
    if (m) return `${attr(m[1]!)} ${m[2] === 'gte' ? '≥' : '≤'}`;
    return `${attr(k)} ${t('policyStaff.filterEquals')}`;
  };
  const setRows = (fn: (rows: ELeaf['filter']) => ELeaf['filter']) => update((l) => ({ ...l, filter: fn(l.filter) }));
  return (
    <fieldset className="space-y-2 rounded-lg bg-ink-50 p-3">
      <legend className="text-sm font-medium text-ink-800">{t('policyStaff.filter')}</legend>
      <p className="text-xs text-ink-600">{t('policyStaff.filterHint')}</p>
      {leaf.filter.map((r) => (
        <div key={r.uid} className="grid items-end gap-2 sm:grid-cols-[1fr_1fr_auto]">
          <SelectInput label={t('policyStaff.filterKey')} value={r.key} onValue={(v) => setRows((rows) => rows.map((x) => (x.uid === r.uid ? { ...x, key: v } : x)))} options={keys.map((k) => ({ value: k.key, label: keyLabel(k.key) }))} />
          <TextInput label={t('policyStaff.filterValue')} value={r.value} onValue={(v) => setRows((rows) => rows.map((x) => (x.uid === r.uid ? { ...x, value: v } : x)))} />
          <Button size="sm" variant="ghost" className="text-red-700" onClick={() => setRows((rows) => rows.filter((x) => x.uid !== r.uid))}>
            ✕ {t('policyStaff.remove')}
          </Button>
        </div>
      ))}
      <Issues messages={errors} />
      <Button size="sm" variant="secondary" onClick={() => setRows((rows) => [...rows, { uid: newUid(), key: keys[0]?.key ?? 'within_months', value: '' }])}>
        ＋ {t('policyStaff.addFilter')}
      </Button>
    </fieldset>
  );
}
