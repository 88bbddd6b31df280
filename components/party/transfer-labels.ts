import type { Locale, MessageKey, Translator } from '@/lib/i18n';
import {
  ACTION_NAMES,
  ACTOR_KIND_NAMES,
  RETURN_REASON_NAMES,
  STATE_NAMES,
  type ActorKind,
  type ReturnReasonCode,
  type TransferAction,
  type TransferCategory,
  type TransferChannel,
  type TransferState,
} from '@/lib/party/transfer-machine';

/** Names of the transfer machine's states, actions, actor kinds and return reasons (§5.1), for server and client components. */
const pick = (v: { zh: string; en: string }, locale: Locale) => (locale === 'en' ? v.en : v.zh);
export const stateName = (s: TransferState, locale: Locale) => pick(STATE_NAMES[s], locale);
export const actionName = (a: TransferAction, locale: Locale) => pick(ACTION_NAMES[a], locale);
export const actorKindName = (k: string, locale: Locale) => (k in ACTOR_KIND_NAMES ? pick(ACTOR_KIND_NAMES[k as ActorKind], locale) : k);
export const returnReasonName = (r: ReturnReasonCode, locale: Locale) => pick(RETURN_REASON_NAMES[r], locale);
export const categoryLabel = (t: Translator, c: TransferCategory) => t(`partyTransfer.category_${c}` as MessageKey);
export const channelLabel = (t: Translator, c: TransferChannel) => t(`partyTransfer.channel_${c}` as MessageKey);

export type Tone = 'neutral' | 'success' | 'warning' | 'danger' | 'info';
export function stateTone(s: TransferState): Tone {
  switch (s) {
    case 'COMPLETED':
    case 'RECEIPT_SENT':
      return 'success';
    case 'RETURNED_FOR_EDIT':
    case 'ON_HOLD':
      return 'warning';
    case 'RETURNED_BY_RECEIVER':
    case 'EXPIRED':
    case 'VOIDED':
      return 'danger';
    case 'DRAFT':
    case 'WITHDRAWN':
      return 'neutral';
    default:
      return 'info';
  }
}

const JDZ_OFFSET_MS = 8 * 3_600_000;
const local = (iso: string) => new Date(Date.parse(iso) + JDZ_OFFSET_MS);
const pad = (n: number) => String(n).padStart(2, '0');

/** 2026年12月4日 / 4 Dec 2026, in Jingdezhen time. */
export function formatDay(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  const d = local(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (locale === 'en') return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

/** 2026-12-04 14:05 (Jingdezhen time; the same in both languages). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = local(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

/** The day a deadline falls on: a deadline at local midnight is the end of the previous day. */
export function formatDeadline(iso: string | null | undefined, locale: Locale): string {
  if (!iso) return '';
  return formatDay(new Date(Date.parse(iso) - 1).toISOString(), locale);
}
