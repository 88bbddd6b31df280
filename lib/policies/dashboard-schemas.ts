import { z } from 'zod';
import { AGE_BUCKETS, isDay, validatePeriod, type PeriodError } from '@/lib/insights/core';
import type { MessageKey } from '@/lib/i18n';

/** The zone staff dashboard (issue 13 §1): query, response and CSV, shared by the route handlers, the page and OpenAPI. */

export const PERIOD_ERROR_KEYS = {
  FROM_INVALID: 'zoneDashboard.errFromInvalid',
  TO_INVALID: 'zoneDashboard.errToInvalid',
  FROM_AFTER_TO: 'zoneDashboard.errFromAfterTo',
  TOO_LONG: 'zoneDashboard.errTooLong',
} as const satisfies Record<PeriodError, MessageKey>;

/** Which query field a period error belongs to. */
export const periodErrorField = (e: PeriodError): 'from' | 'to' => (e === 'TO_INVALID' ? 'to' : 'from');

export const zoneCodeSchema = z.string().regex(/^[a-z0-9_-]{1,32}$/);
export const dashboardParams = z.strictObject({ code: zoneCodeSchema });

/**
 * from / to: calendar days in Jingdezhen (YYYY-MM-DD), both included; default the last 90 days. Either may be left
 * out (from: 89 days before to; to: today). At most five years.
 */
export const dashboardQuery = z
  .strictObject({
    from: z.string().optional().describe('First day, YYYY-MM-DD (Asia/Shanghai); default 89 days before `to`'),
    to: z.string().optional().describe('Last day, YYYY-MM-DD (Asia/Shanghai), included; default today'),
  })
  .superRefine((q, ctx) => {
    if (q.from !== undefined && !isDay(q.from)) ctx.addIssue({ code: 'custom', path: ['from'], message: PERIOD_ERROR_KEYS.FROM_INVALID });
    if (q.to !== undefined && !isDay(q.to)) ctx.addIssue({ code: 'custom', path: ['to'], message: PERIOD_ERROR_KEYS.TO_INVALID });
    if (q.from !== undefined && q.to !== undefined && isDay(q.from) && isDay(q.to)) {
      const v = validatePeriod(q.from, q.to);
      if (!v.ok) ctx.addIssue({ code: 'custom', path: [periodErrorField(v.error)], message: PERIOD_ERROR_KEYS[v.error] });
    }
  });
export type DashboardQuery = z.infer<typeof dashboardQuery>;

const count = z.number().int();
const money = z.string().regex(/^-?\d+\.\d{2}$/).describe('元, exact decimal string');
const keyed = z.object({ key: z.string().describe("a code ('_unknown': not given)"), label: z.string() });
const timeSeries = z.object({
  keys: z.array(keyed).describe('series, largest first'),
  rows: z.array(z.object({ bucket: z.string(), total: count, counts: z.record(z.string(), count) })),
  totals: z.record(z.string(), count),
});
const policyRef = { policyCode: z.string(), title: z.string(), demoData: z.boolean().describe('the policy is not published fact: its figures are demo data') };

export const zoneDashboardDto = z.object({
  zone: z.object({ code: z.string(), name: z.string() }),
  zones: z.array(z.object({ code: z.string(), name: z.string() })).describe('zones the caller may open (the zone picker)'),
  from: z.string(),
  to: z.string(),
  today: z.string(),
  unit: z.enum(['day', 'week', 'month']).describe('bucket of the registration series: day (≤ 31 days), week from Monday (≤ 184), else month'),
  registrations: z
    .object({
      total: count,
      byCraft: timeSeries.describe('by primary craft (the first listed)'),
      byDistrict: timeSeries.describe('by residence district'),
    })
    .describe('talent profiles created in the period, in the zone, profile consent in force'),
  verification: z
    .object({
      total: count,
      oldestDays: count.nullable(),
      kinds: z.array(keyed),
      buckets: z.array(z.object({ bucket: z.enum(AGE_BUCKETS), total: count, counts: z.record(z.string(), count) })),
    })
    .describe('evidence waiting for verification now, by age since submission (not limited to the period)'),
  applications: z
    .object({
      total: count,
      policies: z.array(z.object({ ...policyRef, submitted: count, approved: count, rejected: count, withdrawn: count, total: count })),
    })
    .describe('applications submitted in the period, by their status now'),
  amounts: z
    .object({
      total: money,
      approved: count,
      financeCeilings: count.describe('approved loans / interest subsidies: a credit ceiling, not money paid — never summed'),
      unknownAmount: count.describe('cash benefits approved without an amount estimate'),
      nonCash: count.describe('benefits with no cash amount (service, qualification, in kind)'),
      demoData: z.boolean(),
      months: z.array(z.object({ month: z.string(), amount: money, approved: count, unknownAmount: count, financeCeilings: count, nonCash: count })),
    })
    .describe('applications approved in the period, by the Jingdezhen month of the decision'),
  uptake: z
    .object({
      evalDate: z.string(),
      talents: count.describe('talents of the zone evaluated'),
      ms: z.number().describe('time the evaluation took'),
      policies: z.array(
        z.object({
          ...policyRef,
          applied: count.describe('distinct talents who applied in the period (withdrawn excluded)'),
          eligibleNow: count,
          eligibleNotApplied: count,
          rate: z.number().nullable().describe('applied ÷ (applied + eligible today without an application), 0–1'),
        }),
      ),
    })
    .describe('per policy in force today'),
});
export type ZoneDashboardDto = z.infer<typeof zoneDashboardDto>;

export const UNKNOWN = '_unknown';
