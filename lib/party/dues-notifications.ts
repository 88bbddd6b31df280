import { z } from 'zod';
import { kind } from '@/lib/notifications/registry';

/**
 * The dues lapse alerts (§2.7 art. 13, §7.1; spread into lib/party/notifications.ts). Alerts only: a 党籍 status
 * changes only with a recorded decision of the branch (党章第九条). The payload holds the member's id and months —
 * never a name or an amount.
 */
const payload = z.looseObject({
  memberId: z.string(),
  months: z.number().int(),
  paidThrough: z.string().nullable(),
  threshold: z.number().int(),
});
type P = z.output<typeof payload>;

const href = (p: { memberId: string }) => `/party/members/${encodeURIComponent(p.memberId)}#dues`;
const detail = (p: P, locale: 'zh-CN' | 'en') =>
  locale === 'en'
    ? `${p.months} consecutive months unpaid · paid through ${p.paidThrough ?? 'nothing yet'}`
    : `已连续 ${p.months} 个月未交纳党费 · 党费交至 ${p.paidThrough ?? '（尚无记录）'}`;

export const duesNotificationKinds = {
  'party.dues_arrears_3': kind({
    label: { zh: '有党员连续 3 个月未交纳党费', en: 'A member has not paid dues for 3 months' },
    payload,
    href,
    detail,
    alert: (_p, locale) => (locale === 'en' ? 'Remind the member and set a deadline (art. 13).' : '请提醒该党员并限期交纳（第十三条）。'),
  }),
  'party.dues_arrears_6': kind({
    label: { zh: '党员连续 6 个月未交纳党费（党章第九条）', en: 'Dues unpaid for 6 months (Party Constitution art. 9)' },
    payload,
    href,
    detail,
    alert: (_p, locale) =>
      locale === 'en'
        ? 'Art. 9 risk: only the branch general meeting decides, with a recorded decision; the portal changes nothing.'
        : '党章第九条风险提示：是否按自行脱党处理由支部党员大会决定并记录，门户不会自动变更党籍。',
  }),
};
