import { z } from 'zod';
import { kind } from '@/lib/notifications/registry';
import { ACTION_NAMES, RETURN_REASON_NAMES, STATE_NAMES, type ReturnReasonCode, type TransferAction, type TransferState } from './transfer-machine';

/**
 * The notifications a transfer sends (spread into lib/party/notifications.ts): the member hears of every step of
 * their case, the organisation now holding it that it waits on them; an expired letter and a re-route have their
 * own wording. The payload holds ids, states and the coded reason — never the member's name or ID number.
 */
const payload = z.looseObject({
  caseId: z.string(),
  action: z.string(),
  state: z.string(),
  reasonCode: z.string().nullish(),
  comment: z.string().nullish(),
});
type P = z.output<typeof payload>;

const pick = (b: { zh: string; en: string }, locale: 'zh-CN' | 'en') => (locale === 'en' ? b.en : b.zh);
const stepLine = (p: P, locale: 'zh-CN' | 'en') => {
  const action = ACTION_NAMES[p.action as TransferAction];
  const state = STATE_NAMES[p.state as TransferState];
  if (!action || !state) return null;
  return locale === 'en' ? `${pick(action, locale)} · now: ${pick(state, locale)}` : `${pick(action, locale)} · 当前：${pick(state, locale)}`;
};
const reasonLine = (p: P, locale: 'zh-CN' | 'en') => {
  const coded = p.reasonCode ? RETURN_REASON_NAMES[p.reasonCode as ReturnReasonCode] : undefined;
  const text = [coded ? pick(coded, locale) : null, p.comment ?? null].filter(Boolean).join('：');
  return text ? (locale === 'en' ? `Reason: ${text}` : `原因：${text}`) : null;
};
/** The case page (built on lib/party/transfers.ts; one page for every party, which shows what the reader may do). */
export const transferHref = (p: { caseId: string }) => `/party/transfers/${encodeURIComponent(p.caseId)}`;

export const transferNotificationKinds = {
  'party.transfer_step': kind({
    label: { zh: '你的组织关系转接有新进展', en: 'Your membership transfer has moved on' },
    payload,
    href: transferHref,
    detail: stepLine,
    alert: reasonLine,
  }),
  'party.transfer_todo': kind({
    label: { zh: '有一件组织关系转接待你办理', en: 'A membership transfer is waiting on you' },
    payload,
    href: transferHref,
    detail: stepLine,
    alert: reasonLine,
  }),
  'party.transfer_expired': kind({
    label: { zh: '组织关系介绍信已过有效期', en: 'A transfer letter has expired' },
    payload,
    href: transferHref,
    detail: (_p, locale) => (locale === 'en' ? 'The member stays at the sending branch; a new letter can be issued.' : '党员仍在原支部；可申请重新开具介绍信。'),
  }),
  'party.transfer_rerouted': kind({
    label: { zh: '党组织撤销，转接案件改由你办理', en: 'A transfer was re-routed to you after a dissolution' },
    payload,
    href: transferHref,
    detail: stepLine,
  }),
};
