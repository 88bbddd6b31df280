import { z } from 'zod';
import { formatAmount } from '@/lib/i18n/format';
import { defineNotificationKinds, kind } from '@/lib/notifications/registry';

/**
 * The notifications the policy domain sends (registered through lib/policies/manifest.ts): a policy newly open to a
 * talent (proactive / 免申即享 push), a pending automatic grant, and the decision on an application.
 */

const title = z.object({ zh: z.string(), en: z.string() });
const policyPayload = z.looseObject({
  policyCode: z.string(),
  version: z.string().optional(),
  title: title.optional(),
  amountEstimate: z.number().nullish(),
  automatic: z.boolean().optional(),
});
const applicationPayload = z.looseObject({
  applicationId: z.string(),
  policyCode: z.string(),
  title: title.optional(),
  reason: z.string().optional(),
});

/** The policy's title in the reader's language (its code when the payload has none), and the estimated amount. */
function policyLine(p: { policyCode: string; title?: { zh: string; en: string }; amountEstimate?: number | null }, locale: 'zh-CN' | 'en'): string {
  const name = p.title ? (locale === 'en' ? p.title.en : p.title.zh) : p.policyCode;
  return p.amountEstimate ? `${name} · ${formatAmount(p.amountEstimate, locale)}` : name;
}
const reasonLine = (p: { reason?: string }, locale: 'zh-CN' | 'en') => (p.reason ? (locale === 'en' ? `Reason: ${p.reason}` : `原因：${p.reason}`) : null);
const applicationHref = (p: { applicationId: string }) => `/applications#${encodeURIComponent(p.applicationId)}`;

export const policyNotificationKinds = defineNotificationKinds({
  'policy.eligible': kind({
    label: { zh: '你有一项新政策可以申请', en: 'A new policy is open to you' },
    payload: policyPayload,
    href: (p) => `/my-policies#${encodeURIComponent(p.policyCode)}`,
    detail: policyLine,
  }),
  'policy.grant_pending': kind({
    label: { zh: '免申即享：待工作人员确认', en: 'Automatic benefit: awaiting staff confirmation' },
    payload: policyPayload,
    href: () => '/applications',
    detail: policyLine,
  }),
  'application.approved': kind({
    label: { zh: '你的申请已通过', en: 'Your application was approved' },
    payload: applicationPayload,
    href: applicationHref,
    detail: policyLine,
  }),
  'application.rejected': kind({
    label: { zh: '你的申请未通过', en: 'Your application was not approved' },
    payload: applicationPayload,
    href: applicationHref,
    detail: policyLine,
    alert: reasonLine,
  }),
});
