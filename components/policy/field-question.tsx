'use client';

import Link from 'next/link';
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { useLocale, useT } from '@/components/i18n/provider';
import { CraftOptions } from '@/components/talent/craft-options';
import {
  BUSINESS_FORM_LABEL,
  COUNTRIES,
  EDUCATION_LABEL,
  EMPLOYMENT_LABEL,
  HONOUR_LABEL,
  ICH_LABEL,
  RECORD_LEVEL_LABEL,
  SECTOR_LABEL,
  SKILL_LABEL,
  TITLE_LABEL,
  districtLabel,
} from '@/components/talent/labels';
import { Button } from '@/components/ui/button';
import { cn } from '@/components/ui/cn';
import { Input, Select } from '@/components/ui/input';
import type { MessageKey } from '@/lib/i18n';
import { FIELD_SPECS } from '@/lib/policy-matching/model';
import { HONOUR_TYPES, RECORD_LEVELS } from '@/lib/talent/profile-schema';
import { JDZ_DISTRICT_OPTIONS } from '@/lib/talent/zones';
import { questionText } from './format';

/**
 * One question for one raw §6.2 field, with the right input: choices for enumerations, 是/否 for yes-no, a date or
 * a number, a district list for places, and an "add one / I have none" widget for lists (honours, awards …).
 * `onAnswer` receives the canonical value of that field (e.g. 'business.registered_district' → '珠山区').
 */

const ENUM_LABELS: Record<string, Record<string, MessageKey>> = {
  education: EDUCATION_LABEL,
  sector: SECTOR_LABEL,
  employment: EMPLOYMENT_LABEL,
  'business.form': BUSINESS_FORM_LABEL,
  'title.level': TITLE_LABEL,
  skill_level: SKILL_LABEL,
  'ich.level': ICH_LABEL,
};
const DISTRICT_FIELDS = new Set(['residence_district', 'employer_district', 'business.registered_district', 'studio.district']);
/** Fields the profile form cannot save (derived from other data): answered elsewhere. */
export const NOT_IN_PROFILE: Record<string, { href: string; label: MessageKey }> = {
  portfolio_count: { href: '/portfolio', label: 'policyUi.goPortfolio' },
  receiving: { href: '/profile', label: 'policyUi.goProfile' },
  received: { href: '/profile', label: 'policyUi.goProfile' },
};

type Kind = 'enum' | 'district' | 'country' | 'boolean' | 'date' | 'number' | 'text' | 'crafts' | 'honours' | 'records' | 'apprentices' | 'policyList';

export function fieldKind(field: string): Kind {
  if (ENUM_LABELS[field]) return 'enum';
  if (DISTRICT_FIELDS.has(field)) return 'district';
  if (field === 'nationality') return 'country';
  if (field === 'crafts') return 'crafts';
  if (field === 'honours') return 'honours';
  if (field === 'awards' || field === 'exhibitions') return 'records';
  if (field === 'apprentices') return 'apprentices';
  if (field === 'receiving' || field === 'received') return 'policyList';
  const spec = (FIELD_SPECS as Record<string, { type: string } | undefined>)[field];
  switch (spec?.type) {
    case 'boolean':
      return 'boolean';
    case 'date':
      return 'date';
    case 'number':
      return 'number';
    default:
      return 'text';
  }
}

type ListItem = Record<string, string | number | null>;

export function FieldQuestion({
  field,
  onAnswer,
  onSkip,
  affects,
  pending = false,
  error,
  submitLabel,
  inProfile = false,
  headingLevel = 'h3',
}: {
  field: string;
  onAnswer: (value: unknown) => void;
  onSkip?: () => void;
  /** How many policies wait for this answer (the "why we ask" line). */
  affects?: number;
  pending?: boolean;
  error?: string | null;
  submitLabel?: string;
  /** In 我的政策: fields the profile cannot take link to where they are entered. */
  inProfile?: boolean;
  headingLevel?: 'h2' | 'h3';
}) {
  const t = useT();
  const locale = useLocale();
  const id = useId();
  const kind = fieldKind(field);
  const [value, setValue] = useState('');
  const [items, setItems] = useState<ListItem[]>([]);
  const [draft, setDraft] = useState<ListItem>({});
  const [localError, setLocalError] = useState<string | null>(null);
  const Heading = headingLevel;
  const question = questionText(field, t, locale);
  const why = affects && affects > 1 ? t('policyUi.whyAsk', { n: affects }) : t('policyUi.whyAskOne');
  const elsewhere = inProfile ? NOT_IN_PROFILE[field] : undefined;

  const scalar = (): unknown => {
    if (value === '') return undefined;
    switch (kind) {
      case 'boolean':
        return value === 'true';
      case 'number':
        return Number(value);
      case 'enum':
        return field === 'skill_level' && value !== 'none' ? Number(value) : value;
      case 'crafts':
        return [value];
      default:
        return value.trim() || undefined;
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setLocalError(null);
    if (kind === 'honours' || kind === 'records' || kind === 'apprentices') {
      const all = draftComplete() ? [...items, clean(draft)] : items;
      if (!all.length) return setLocalError(t('policyUi.answerRequired'));
      return onAnswer(all);
    }
    const v = scalar();
    if (v === undefined || (typeof v === 'number' && Number.isNaN(v))) return setLocalError(t('policyUi.answerRequired'));
    onAnswer(v);
  };

  const clean = (d: ListItem): ListItem => Object.fromEntries(Object.entries(d).filter(([, v]) => v !== '' && v !== null && v !== undefined));
  const draftComplete = () => (kind === 'honours' ? !!draft.type : kind === 'records' ? !!draft.level : kind === 'apprentices' ? draft.age !== undefined && draft.age !== '' : false);
  const addDraft = () => {
    if (!draftComplete()) return setLocalError(t('policyUi.answerRequired'));
    setLocalError(null);
    setItems((xs) => [...xs, clean(draft)]);
    setDraft({});
  };
  const setNum = (k: string) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value === '' ? '' : Number(e.target.value) }));

  const message = localError ?? error ?? null;
  const inputId = `${id}-input`;
  const describedBy = `${id}-why${message ? ` ${id}-err` : ''}`;

  let input: ReactNode;
  if (elsewhere) {
    input = (
      <p className="text-sm text-ink-700">
        {t('policyUi.cannotEditHere')}{' '}
        <Link href={elsewhere.href} className="font-medium text-brand-700 underline">
          {t(elsewhere.label)}
        </Link>
      </p>
    );
  } else if (kind === 'enum' || kind === 'boolean') {
    const options =
      kind === 'boolean'
        ? [
            { value: 'true', label: t('policyUi.yes') },
            { value: 'false', label: t('policyUi.no') },
          ]
        : Object.entries(ENUM_LABELS[field]!).map(([v, k]) => ({ value: v, label: t(k) }));
    input = (
      <div role="radiogroup" aria-labelledby={`${id}-q`} aria-describedby={describedBy} className="grid grid-cols-2 gap-2 sm:grid-cols-3">
        {options.map((o) => (
          <label
            key={o.value}
            className={cn(
              'flex min-h-11 cursor-pointer items-center gap-2 rounded-lg bg-white px-3 py-2 text-sm ring-1 ring-inset ring-ink-300 has-[:checked]:bg-brand-50 has-[:checked]:ring-2 has-[:checked]:ring-brand-700 has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-brand-700',
            )}
          >
            <input type="radio" name={`${id}-r`} value={o.value} checked={value === o.value} onChange={() => setValue(o.value)} className="size-4 accent-brand-700" />
            {o.label}
          </label>
        ))}
      </div>
    );
  } else if (kind === 'district' || kind === 'country' || kind === 'crafts') {
    input = (
      <Select id={inputId} value={value} onChange={(e) => setValue(e.target.value)} aria-describedby={describedBy}>
        <option value="">{t('policyUi.chooseOption')}</option>
        {kind === 'district' ? (
          <>
            {JDZ_DISTRICT_OPTIONS.map((d) => (
              <option key={d} value={d}>
                {districtLabel(d, locale)}
              </option>
            ))}
            <option value="景德镇以外">{t('policyUi.outsideJdz')}</option>
          </>
        ) : kind === 'country' ? (
          COUNTRIES.map((c) => (
            <option key={c.code} value={c.code}>
              {locale === 'en' ? c.en : c.zh}
            </option>
          ))
        ) : (
          <CraftOptions locale={locale} />
        )}
      </Select>
    );
  } else if (kind === 'honours' || kind === 'records' || kind === 'apprentices') {
    input = (
      <div className="space-y-3" aria-describedby={describedBy}>
        {items.length ? (
          <ul className="space-y-1 text-sm" aria-label={t('policyUi.addedCount', { n: items.length })}>
            {items.map((it, i) => (
              <li key={i} className="flex items-center justify-between gap-2 rounded-lg bg-ink-50 px-3 py-1.5 ring-1 ring-ink-200">
                <span>
                  {kind === 'honours' ? t(HONOUR_LABEL[it.type as keyof typeof HONOUR_LABEL]) : kind === 'records' ? t(RECORD_LEVEL_LABEL[it.level as keyof typeof RECORD_LEVEL_LABEL]) : `${it.age}`}
                  {it.year ? ` · ${it.year}` : ''}
                  {it.agreement_months ? ` · ${t('policyUi.months', { n: it.agreement_months })}` : ''}
                </span>
                <Button size="sm" variant="ghost" onClick={() => setItems((xs) => xs.filter((_, j) => j !== i))}>
                  {t('policyUi.removeItem')}
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="grid grid-cols-2 gap-2">
          {kind === 'apprentices' ? (
            <>
              <label className="text-sm">
                <span className="mb-1 block text-ink-700">{t('policyUi.apprenticeAge')}</span>
                <Input type="number" inputMode="numeric" min={10} max={100} value={String(draft.age ?? '')} onChange={setNum('age')} />
              </label>
              <label className="text-sm">
                <span className="mb-1 block text-ink-700">{t('policyUi.agreementMonths')}</span>
                <Input type="number" inputMode="numeric" min={0} max={600} value={String(draft.agreement_months ?? '')} onChange={setNum('agreement_months')} />
              </label>
            </>
          ) : (
            <>
              <label className="text-sm">
                <span className="mb-1 block text-ink-700">{kind === 'honours' ? t('policyUi.honourType') : t('policyUi.level')}</span>
                <Select
                  value={String((kind === 'honours' ? draft.type : draft.level) ?? '')}
                  onChange={(e) => setDraft((d) => ({ ...d, [kind === 'honours' ? 'type' : 'level']: e.target.value }))}
                >
                  <option value="">{t('policyUi.chooseOption')}</option>
                  {(kind === 'honours' ? HONOUR_TYPES : RECORD_LEVELS).map((v) => (
                    <option key={v} value={v}>
                      {kind === 'honours' ? t(HONOUR_LABEL[v as keyof typeof HONOUR_LABEL]) : t(RECORD_LEVEL_LABEL[v as keyof typeof RECORD_LEVEL_LABEL])}
                    </option>
                  ))}
                </Select>
              </label>
              <label className="text-sm">
                <span className="mb-1 block text-ink-700">{t('policyUi.year')}</span>
                <Input type="number" inputMode="numeric" min={1950} max={2100} value={String(draft.year ?? '')} onChange={setNum('year')} />
              </label>
            </>
          )}
        </div>
        <Button size="sm" variant="secondary" onClick={addDraft}>
          + {t('policyUi.addOne')}
        </Button>
      </div>
    );
  } else if (kind === 'policyList') {
    input = null;
  } else {
    input = (
      <Input
        id={inputId}
        type={kind === 'date' ? 'date' : kind === 'number' ? 'number' : 'text'}
        inputMode={kind === 'number' ? 'numeric' : undefined}
        min={kind === 'number' ? 0 : undefined}
        max={kind === 'date' ? '2100-12-31' : undefined}
        list={field === 'hukou_city' ? `${id}-cities` : undefined}
        value={value}
        onChange={(e) => setValue(e.target.value)}
        aria-describedby={describedBy}
        aria-invalid={message ? true : undefined}
      />
    );
  }

  const hasNone = kind === 'honours' || kind === 'records' || kind === 'apprentices' || kind === 'policyList';
  return (
    <form onSubmit={submit} noValidate className="space-y-3" data-testid="field-question" data-field={field} aria-labelledby={`${id}-q`}>
      <Heading id={`${id}-q`} className="text-lg font-semibold text-ink-900">
        {kind === 'enum' || kind === 'boolean' || hasNone ? question : <label htmlFor={inputId}>{question}</label>}
      </Heading>
      <p id={`${id}-why`} className="text-sm text-ink-600">
        {why}
      </p>
      {input}
      {field === 'hukou_city' ? (
        <datalist id={`${id}-cities`}>
          <option value="景德镇" />
        </datalist>
      ) : null}
      {message ? (
        <p id={`${id}-err`} role="alert" className="text-sm text-red-700">
          {message}
        </p>
      ) : null}
      <div className="flex flex-wrap gap-2">
        {elsewhere || kind === 'policyList' ? null : (
          <Button type="submit" disabled={pending} aria-busy={pending}>
            {submitLabel ?? t('policyUi.answerNext')}
          </Button>
        )}
        {hasNone && !elsewhere ? (
          <Button variant="secondary" disabled={pending} onClick={() => onAnswer([])}>
            {t('policyUi.none')}
          </Button>
        ) : null}
        {onSkip ? (
          <Button variant="ghost" disabled={pending} onClick={onSkip}>
            {t('policyUi.skip')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

/** Merges one answer into a (partial) canonical profile: nested fields keep their siblings, lists append. */
export function patchFor(field: string, value: unknown, current: Record<string, unknown> = {}): Record<string, unknown> {
  const dot = field.indexOf('.');
  if (dot > 0) {
    const obj = field.slice(0, dot);
    const sub = field.slice(dot + 1);
    const prev = (current[obj] as Record<string, unknown> | null | undefined) ?? {};
    return { [obj]: { ...prev, [sub]: value } };
  }
  if (Array.isArray(value) && value.length && Array.isArray(current[field])) return { [field]: [...(current[field] as unknown[]), ...value] };
  return { [field]: value };
}
