import { z } from 'zod';
import { kind } from '@/lib/notifications/registry';
import { ACTION_NAMES, LAPSE_FLAG_NAMES, STATE_NAMES, type LapseFlag, type MobileAction, type MobileState } from './mobile-machine';

/**
 * The notifications a 流动党员 record sends (spread into lib/party/notifications.ts). Payloads hold ids, states, flags
 * and day counts — never a name, an ID number or a report's text. The member's links lead to 我的党组织; the
 * secretaries' to the record page.
 */
const payload = z.looseObject({
  recordId: z.string(),
  action: z.string().nullish(),
  state: z.string().nullish(),
  days: z.number().int().nullish(),
  flags: z.array(z.string()).nullish(),
  reason: z.string().nullish(),
});
type P = z.output<typeof payload>;
type L = 'zh-CN' | 'en';

const pick = (b: { zh: string; en: string }, locale: L) => (locale === 'en' ? b.en : b.zh);
const recordHref = (p: { recordId: string }) => `/party/mobile/${encodeURIComponent(p.recordId)}`;
const mineHref = () => '/my-party#mobile';
const stepLine = (p: P, locale: L) => {
  const action = p.action ? ACTION_NAMES[p.action as MobileAction] : undefined;
  const state = p.state ? STATE_NAMES[p.state as MobileState] : undefined;
  if (!action || !state) return null;
  return locale === 'en' ? `${pick(action, locale)} · now: ${pick(state, locale)}` : `${pick(action, locale)} · 当前：${pick(state, locale)}`;
};
const flagsLine = (p: P, locale: L) => {
  const names = (p.flags ?? []).map((f) => LAPSE_FLAG_NAMES[f as LapseFlag]).filter(Boolean);
  return names.length ? names.map((n) => pick(n, locale)).join(locale === 'en' ? ', ' : '、') : null;
};
const reasonLine = (p: P, locale: L) => (p.reason ? (locale === 'en' ? `Reason: ${p.reason}` : `原因：${p.reason}`) : null);

export const mobileNotificationKinds = {
  'party.mobile_reminder': kind({
    label: { zh: '请到珠山区党组织报到', en: 'Please report to a Party organisation in Zhushan' },
    payload,
    href: mineHref,
    detail: (p, locale) => (p.days == null ? null : locale === 'en' ? `${p.days} days since your arrival; report within 30 days.` : `已到达 ${p.days} 天，请在 30 天内报到。`),
  }),
  'party.mobile_step': kind({
    label: { zh: '你的流动党员报到有新进展', en: 'Your mobile member record has moved on' },
    payload,
    href: mineHref,
    detail: stepLine,
    alert: reasonLine,
  }),
  'party.mobile_todo': kind({
    label: { zh: '有流动党员报到待查验', en: 'A mobile member has reported and awaits verification' },
    payload,
    href: recordHref,
    detail: stepLine,
  }),
  'party.mobile_walk_in': kind({
    label: { zh: '有党员未经流出登记直接报到，请确认', en: 'A member reported without outflow registration: please confirm' },
    payload,
    href: recordHref,
    detail: stepLine,
  }),
  'party.mobile_lapse': kind({
    label: { zh: '流动党员出现预警', en: 'A mobile member has lapse flags' },
    payload,
    href: recordHref,
    detail: flagsLine,
    alert: (_p, locale) => (locale === 'en' ? 'Alerts only: 党籍 changes only with a recorded decision.' : '仅为提醒：党籍变化须有组织决定并记录。'),
  }),
  'party.mobile_lapse_own': kind({
    label: { zh: '你的流动党员记录有预警', en: 'Your mobile member record has a warning' },
    payload,
    href: mineHref,
    detail: flagsLine,
  }),
  'party.mobile_transfer_prompt': kind({
    label: { zh: '已在固定单位满 6 个月：请办理组织关系转接', en: 'Six months at a fixed employer: please transfer your membership' },
    payload,
    href: (p) => (p.action === 'own' ? '/my-party#mobile' : recordHref(p)),
    detail: (_p, locale) => (locale === 'en' ? '应转尽转 — a prompt only; nothing is transferred automatically.' : '应转尽转：仅为提示，不会自动转接。'),
  }),
  'party.mobile_lost_contact': kind({
    label: { zh: '流动党员失联，已移交流出地党组织', en: 'A mobile member lost contact; handed to the home branch' },
    payload,
    href: recordHref,
    detail: stepLine,
    alert: (_p, locale) =>
      locale === 'en' ? 'Any 党籍 change needs the branch meeting, the committee’s approval and county filing — recorded, not performed, by the portal.' : '停止党籍须经支部党员大会讨论、党委审批并报县级组织部备案；门户只记录，不执行。',
  }),
};
