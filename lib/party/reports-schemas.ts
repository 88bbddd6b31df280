import { z } from 'zod';
import { PERIODIC_REPORT_TYPES } from '@/db/schema/party-mobile';

/** Periodic reports (§6 PeriodicReport; issue 10 §4) wire shapes. Content is S1: it leaves the service only to the member and the home branch. */

export { PERIODIC_REPORT_TYPES };
export type ReportType = (typeof PERIODIC_REPORT_TYPES)[number];

export const submitReportInput = z
  .strictObject({
    memberId: z.uuid(),
    type: z.enum(PERIODIC_REPORT_TYPES),
    /** 'YYYY' for the annual 情况汇报, 'YYYY-Qn' for a 思想汇报. */
    period: z.string().trim().max(7),
    content: z.string().trim().min(20, 'partyReports.errContentShort').max(20000, 'partyReports.errContentLong'),
    /** Optional; when given it must be the member's formal (流出地) organisation. */
    toOrgId: z.uuid().optional(),
  })
  .superRefine((v, ctx) => {
    const ok = v.type === 'annual' ? /^\d{4}$/.test(v.period) : /^\d{4}-Q[1-4]$/.test(v.period);
    if (!ok) ctx.addIssue({ code: 'custom', path: ['period'], message: v.type === 'annual' ? 'partyReports.errPeriodAnnual' : 'partyReports.errPeriodThought' });
  });
export type SubmitReportInput = z.infer<typeof submitReportInput>;

export const submitReportResult = z.object({ id: z.string(), toOrgId: z.string() });

export const reportReviewInput = z.strictObject({ note: z.string().trim().min(2, 'partyReports.errNote').max(2000, 'partyReports.errNote') });
export type ReportReviewInput = z.infer<typeof reportReviewInput>;

export const reportDto = z.object({
  id: z.string(),
  memberId: z.string(),
  memberName: z.string(),
  type: z.enum(PERIODIC_REPORT_TYPES),
  period: z.string(),
  toOrgId: z.string(),
  toOrgName: z.string(),
  /** The addressee is outside the portal (e.g. a Hangzhou 党工委): the 区委组织部 relays it. */
  toOrgExternal: z.boolean(),
  /** Sent while away (a mobile record was open). */
  whileMobile: z.boolean(),
  content: z.string(),
  submittedAt: z.string(),
  reviewedAt: z.string().nullable(),
  reviewNote: z.string().nullable(),
});
export type ReportDto = z.infer<typeof reportDto>;

export const reportInboxQuery = z.strictObject({
  orgId: z.uuid().optional(),
  status: z.enum(['pending', 'reviewed', 'all']).optional(),
});
export type ReportInboxQuery = z.infer<typeof reportInboxQuery>;

export const reportInboxDto = z.object({
  items: z.array(reportDto),
  /** Organisations whose inbox the caller may open. */
  orgs: z.array(z.object({ id: z.string(), name: z.string(), external: z.boolean() })),
});
export type ReportInboxDto = z.infer<typeof reportInboxDto>;

export const myReportsDto = z.object({
  memberId: z.string(),
  /** Where my reports go: my formal (流出地) organisation. */
  toOrgId: z.string(),
  toOrgName: z.string(),
  items: z.array(reportDto),
  /** The annual report of the current year is not yet sent. */
  annualDue: z.string().nullable(),
  currentQuarter: z.string(),
});
export type MyReportsDto = z.infer<typeof myReportsDto>;
