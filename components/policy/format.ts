import { isMessageKey, type Locale, type MessageKey, type Translator } from '@/lib/i18n';
import { FIELD_SPECS, isAmountCeiling, type ApplicationMode, type Status } from '@/lib/policy-matching/model';

/** Pure helpers shared by the policy pages (server and client). */

export const STATUS_ORDER: readonly Status[] = ['ELIGIBLE', 'NEAR_MISS', 'NEEDS_INFO', 'NEEDS_REVIEW', 'ALREADY_RECEIVING', 'EXCLUDED', 'INELIGIBLE', 'NOT_IN_FORCE'];

export const STATUS_STYLE: Record<Status, { cls: string; icon: string }> = {
  ELIGIBLE: { cls: 'bg-emerald-100 text-emerald-900 ring-emerald-300', icon: '✓' },
  NEAR_MISS: { cls: 'bg-amber-100 text-amber-900 ring-amber-300', icon: '◐' },
  NEEDS_INFO: { cls: 'bg-brand-50 text-brand-900 ring-brand-200', icon: '?' },
  NEEDS_REVIEW: { cls: 'bg-violet-100 text-violet-900 ring-violet-300', icon: '⚖' },
  ALREADY_RECEIVING: { cls: 'bg-teal-100 text-teal-900 ring-teal-300', icon: '●' },
  EXCLUDED: { cls: 'bg-ink-100 text-ink-800 ring-ink-300', icon: '⊘' },
  INELIGIBLE: { cls: 'bg-ink-100 text-ink-800 ring-ink-300', icon: '✕' },
  NOT_IN_FORCE: { cls: 'bg-ink-100 text-ink-700 ring-ink-300', icon: '–' },
};

export const statusKey = (s: Status) => `policy.status_${s}` as MessageKey;

const MODE_KEY: Record<ApplicationMode, MessageKey> = {
  免申即享: 'policyUi.modeAuto',
  快申快享: 'policyUi.modeFast',
  申请: 'policyUi.modeApply',
  认定: 'policyUi.modeCertify',
  预约: 'policyUi.modeBook',
  服务: 'policyUi.modeService',
};
export function modeLabel(mode: string | null | undefined, t: Translator): string | null {
  if (!mode) return null;
  const k = (MODE_KEY as Record<string, MessageKey | undefined>)[mode];
  return k ? t(k) : mode;
}

/** 2026年11月27日 / 27 Nov 2026 (ISO dates are calendar dates: formatted in UTC so no day shifts). */
export function formatDate(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const d = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (locale === 'en') return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: iso.length === 10 ? 'UTC' : 'Asia/Shanghai' });
  const local = iso.length === 10 ? d : new Date(d.getTime() + 8 * 3600_000);
  return `${local.getUTCFullYear()}年${local.getUTCMonth() + 1}月${local.getUTCDate()}日`;
}

/** 5,000 元 / CNY 5,000 (lib/i18n/format.ts, shared with the notification kinds). */
import { formatAmount } from '@/lib/i18n/format';
export { formatAmount };

/** The plain question for a raw §6.2 field, else its label. */
export function questionText(field: string, t: Translator, locale: Locale): string {
  const key = `policyUi.q_${field.replace('.', '_')}`;
  if (isMessageKey(key)) return t(key);
  return fieldLabel(field, locale);
}

export function fieldLabel(field: string, locale: Locale): string {
  const spec = (FIELD_SPECS as Record<string, { label_zh: string; label_en: string } | undefined>)[field];
  return spec ? (locale === 'en' ? spec.label_en : spec.label_zh) : field;
}

/** A loan or an interest subsidy states a ceiling, not money received (issue 13 §5). */
export function isCeiling(r: { category: string; benefitKind?: string | null }): boolean {
  return isAmountCeiling(r.category, r.benefitKind);
}

/**
 * The estimated total a talent may receive: ELIGIBLE policies only, and not the finance ones — a loan or an interest
 * subsidy states a ceiling, not money received (shown beside the policy, never summed). Used by 我的政策 and the home.
 */
export function estimatedTotal(results: readonly { status: Status; amountEstimate: number | null; category: string; benefitKind?: string | null }[]): number {
  return results.reduce((s, r) => (r.status === 'ELIGIBLE' && !isCeiling(r) ? s + (r.amountEstimate ?? 0) : s), 0);
}

/** 300 万元 / CNY 3,000,000: a large round figure the way a Chinese reader says it. */
export function formatRoundAmount(amount: number, locale: Locale): string {
  if (locale !== 'en' && amount >= 10_000 && amount % 10_000 === 0) return `${new Intl.NumberFormat('zh-CN').format(amount / 10_000)} 万元`;
  return formatAmount(amount, locale);
}

/**
 * How a card states its amount: money ("5,000 元"), or a ceiling for finance — "贷款额度最高 300 万元 / Loan up to
 * CNY 3,000,000", "贴息最高 … / Interest subsidy up to …" — never like money received. Null without an amount.
 */
export function amountLabel(r: { amountEstimate: number | null; category: string; benefitKind?: string | null }, t: Translator, locale: Locale): { text: string; ceiling: boolean } | null {
  if (r.amountEstimate === null || r.amountEstimate === undefined) return null;
  if (!isCeiling(r)) return { text: formatAmount(r.amountEstimate, locale), ceiling: false };
  const key: MessageKey = r.benefitKind === 'interest_subsidy' ? 'policyUi.subsidyUpTo' : r.benefitKind === 'loan' ? 'policyUi.loanUpTo' : 'policyUi.financeUpTo';
  return { text: t(key, { amount: formatRoundAmount(r.amountEstimate, locale) }), ceiling: true };
}

export const bi = (v: { zh: string; en: string } | null | undefined, locale: Locale) => (v ? (locale === 'en' ? v.en : v.zh) : '');

/**
 * The same text with only the reader's language kept (the other side emptied), for props sent to the browser: `bi`
 * reads it exactly as it read the original, and a page of ~50 policy cards ships half the text.
 */
export function onlyLocale<T extends { zh: string; en: string } | null | undefined>(v: T, locale: Locale): T {
  if (!v) return v;
  return (locale === 'en' ? { zh: '', en: v.en } : { zh: v.zh, en: '' }) as T;
}
