import { z } from 'zod';
import { LAPSE_FLAGS, MOBILE_STATES } from './mobile-machine';
import { isStatsMonth, MAX_PERIOD_MONTHS, monthsBetween } from './stats-core';

/** 流动党员 statistics (issue 10 §6): the secretary's dashboard and the 区委组织部's district view. */

const month = z.string().refine(isStatsMonth, { message: 'YYYY-MM' });
const money = z.string().regex(/^\d+\.\d{2}$/);
/** Percentage with one decimal ("83.3"), or null when nothing was due. */
const rate = z.string().regex(/^\d+\.\d$/).nullable();

export const overviewQuery = z.strictObject({
  /** The organisation (its subtree) to show; default: the secretary's own; the 组织部 may pass any in the district. */
  orgId: z.uuid().optional(),
});
export type OverviewQuery = z.infer<typeof overviewQuery>;

export const lapseFlag = z.enum(LAPSE_FLAGS);
const orgRef = z.object({ id: z.string(), name: z.string() });

export const awaitingItemDto = z.object({
  recordId: z.string(),
  memberName: z.string(),
  state: z.enum(MOBILE_STATES),
  /** inflow: reported to / expected at an organisation here; outflow: one of our members who has not yet reported elsewhere. */
  side: z.enum(['inflow', 'outflow']),
  orgName: z.string().nullable(),
  reportedAt: z.string().nullable(),
  reportDueAt: z.string().nullable(),
  overdue: z.boolean(),
});
export const lapseItemDto = z.object({
  recordId: z.string(),
  memberName: z.string(),
  branchName: z.string().nullable(),
  flags: z.array(lapseFlag),
});

export const overviewDto = z.object({
  orgId: z.string(),
  orgName: z.string(),
  today: z.string(),
  month: z.string(),
  /** Organisations the caller may switch to (their subtree; the whole district for the 组织部). */
  orgs: z.array(orgRef),
  mobile: z.object({
    /** Open records concerning this subtree as 流入地 (reported, accepted, lapse watch, lost contact). */
    active: z.number().int(),
    accepted: z.number().int(),
    lostContact: z.number().int(),
  }),
  awaiting: z.object({
    total: z.number().int(),
    /** REPORT_SUBMITTED: reported here, to be verified and accepted. */
    toVerify: z.number().int(),
    /** AWAITING_REPORT / OUTFLOW_REGISTERED expected here (redirected here) or our own members not yet reported. */
    expected: z.number().int(),
    /** REPORT flag: 30 days past arrival without a report. */
    overdue: z.number().int(),
    items: z.array(awaitingItemDto),
  }),
  lapse: z.object({
    total: z.number().int(),
    byFlag: z.record(lapseFlag, z.number().int()),
    items: z.array(lapseItemDto),
  }),
  attendance: z.object({
    month: z.string(),
    /** Activities dated this month up to today. */
    activitiesHeld: z.number().int(),
    /** Σ over those activities of the organisation's members (NORMAL 党籍) whose formal organisation it is (应到). */
    formalExpected: z.number().int(),
    /** Σ confirmed FORMAL attendance rows (实到). */
    formalPresent: z.number().int(),
    formalRate: rate,
    /** Confirmed MOBILE attendance rows (流动党员参加, never in the quorum). */
    mobileAttendees: z.number().int(),
  }),
  dues: z.object({
    month: z.string(),
    /** Formal members (NORMAL / STOPPED) of the subtree and mobile members accepted into it. */
    members: z.number().int(),
    paid: z.number().int(),
    unpaid: z.number().int(),
    /** Exact sum (0.01 元) of this month's payments collected by organisations of the subtree, added in decimal. */
    totalCollected: money,
  }),
});
export type OverviewDto = z.infer<typeof overviewDto>;

export const districtQuery = z
  .strictObject({
    from: month.optional(),
    to: month.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from ≤ to', path: ['from'] })
  .refine((q) => !q.from || !q.to || monthsBetween(q.from, q.to).length <= MAX_PERIOD_MONTHS, { message: `at most ${MAX_PERIOD_MONTHS} months`, path: ['from'] });
export type DistrictQuery = z.infer<typeof districtQuery>;

export const districtDto = z.object({
  from: z.string(),
  to: z.string(),
  currentMonth: z.string(),
  totals: z.object({
    open: z.number().int(),
    accepted: z.number().int(),
    awaitingReport: z.number().int(),
    lapseWatch: z.number().int(),
    lostContact: z.number().int(),
  }),
  /** Open records by the province of the 流出地 organisation. */
  byProvince: z.array(z.object({ code: z.string(), name: z.string(), count: z.number().int() })),
  /** Open records by the 珠山区 organisation that has them (placement branch, else the organisation reported to). */
  byBranch: z.array(
    z.object({
      orgId: z.string().nullable(),
      name: z.string(),
      total: z.number().int(),
      accepted: z.number().int(),
      toVerify: z.number().int(),
      lapseWatch: z.number().int(),
      lostContact: z.number().int(),
    }),
  ),
  /** 报到率: of the records registered in the month, how many have been accepted (so far). */
  reportRate: z.object({
    registered: z.number().int(),
    accepted: z.number().int(),
    rate,
    byMonth: z.array(z.object({ month: z.string(), registered: z.number().int(), accepted: z.number().int(), rate })),
  }),
  /** Records on lapse watch at each month's end (the current month: as derived now), and by flag. */
  lapseByMonth: z.array(z.object({ month: z.string(), total: z.number().int(), byFlag: z.record(lapseFlag, z.number().int()) })),
  lostContact: z.object({
    current: z.number().int(),
    /** LostContactCases opened in the period. */
    openedInPeriod: z.number().int(),
    byMonth: z.array(z.object({ month: z.string(), opened: z.number().int() })),
  }),
});
export type DistrictDto = z.infer<typeof districtDto>;

export const DISTRICT_SERIES = ['province', 'branch', 'report-rate', 'lapse', 'lost-contact'] as const;
export type DistrictSeries = (typeof DISTRICT_SERIES)[number];
export const districtCsvQuery = z
  .strictObject({
    series: z.enum(DISTRICT_SERIES),
    from: month.optional(),
    to: month.optional(),
  })
  .refine((q) => !q.from || !q.to || q.from <= q.to, { message: 'from ≤ to', path: ['from'] })
  .refine((q) => !q.from || !q.to || monthsBetween(q.from, q.to).length <= MAX_PERIOD_MONTHS, { message: `at most ${MAX_PERIOD_MONTHS} months`, path: ['from'] });
export type DistrictCsvQuery = z.infer<typeof districtCsvQuery>;
