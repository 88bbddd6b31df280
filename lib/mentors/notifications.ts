import { z } from 'zod';
import { defineNotificationKinds, kind } from '@/lib/notifications/registry';

/**
 * The notifications of 师带徒 (registered through lib/mentors/manifest.ts): a new request to my mentor profile, and the
 * answer (or the end) of a mentorship for the other side.
 */
const requested = z.looseObject({ mentorshipId: z.string(), apprentice: z.string().optional() });
const answered = z.looseObject({ mentorshipId: z.string(), mentor: z.string().optional() });
const href = (p: { mentorshipId: string }) => `/my-mentorships#${encodeURIComponent(p.mentorshipId)}`;
const mentorLine = (p: { mentor?: string }) => p.mentor ?? null;

export const mentorNotificationKinds = defineNotificationKinds({
  'mentorship.requested': kind({
    label: { zh: '有人向你申请拜师', en: 'Someone asked to become your apprentice' },
    payload: requested,
    href,
    detail: (p) => p.apprentice ?? null,
  }),
  'mentorship.accepted': kind({ label: { zh: '导师接受了你的拜师申请', en: 'A mentor accepted your request' }, payload: answered, href, detail: mentorLine }),
  'mentorship.declined': kind({ label: { zh: '导师婉拒了你的拜师申请', en: 'A mentor declined your request' }, payload: answered, href, detail: mentorLine }),
  'mentorship.withdrawn': kind({ label: { zh: '一项拜师申请已撤回', en: 'An apprenticeship request was withdrawn' }, payload: answered, href, detail: mentorLine }),
  'mentorship.ended': kind({ label: { zh: '一段师徒关系已结束', en: 'An apprenticeship has ended' }, payload: answered, href, detail: mentorLine }),
});
