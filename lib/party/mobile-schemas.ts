import { z } from 'zod';
import { END_REASONS, LAPSE_FLAGS, MOBILE_ACTIONS, MOBILE_ROLES, MOBILE_STATES } from './mobile-machine';

/**
 * 流动党员 (MobileRecord): the zod schemas shared by the API routes, the server actions and the forms (isomorphic). The
 * service (lib/party/mobile.ts) parses with them again; the state machine (mobile-machine.ts) decides the rest.
 */

const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();
const isoDate = z.iso.date('validation.dateInvalid');

export const OUTFLOW_REASONS = ['work', 'business', 'study', 'family', 'creative', 'other'] as const;
export const outflowReason = z.enum(OUTFLOW_REASONS);

/** POST /api/v1/party/mobile-records — M1 by the 流出地 (its secretary; 区委组织部 for a 流出地 outside the portal). */
export const createMobileInput = z.strictObject({
  memberId: z.uuid(),
  outflowOrgId: z.uuid(),
  outflowDate: isoDate,
  reason: outflowReason,
  destinationProvince: optionalText(40),
  destinationCity: optionalText(40),
  destinationCounty: optionalText(40),
  destinationAddress: optionalText(200),
  destinationUnit: optionalText(100),
  fixedEmployer: z.boolean().optional(),
  arrivalDate: isoDate.optional(),
  cardNo: optionalText(40),
  nationalFlowRef: optionalText(64),
});
export type CreateMobileInput = z.input<typeof createMobileInput>;

/** 报到 (M3) or walk-in (M1'): an organisation chosen, or the token of the poster scanned — exactly one. */
export const reportInput = z
  .strictObject({ orgId: z.uuid().optional(), qrToken: z.string().trim().min(1).max(128).optional() })
  .refine((v) => !!v.orgId !== !!v.qrToken, { message: 'partyMobile.errOrgOrToken', path: ['orgId'] });
export type ReportInput = z.input<typeof reportInput>;

export const redirectInput = z.strictObject({ reason: text(500), suggestedOrgId: z.uuid() });
export const acceptInput = z.strictObject({ branchId: z.uuid() });
export const searchAction = z.strictObject({ date: isoDate, method: text(100), result: text(300) });
export const lostContactInput = z.strictObject({ basisDate: isoDate, searchActions: z.array(searchAction).min(1, 'partyMobile.errSearchRequired').max(20) });
export const restoreInput = z.strictObject({ note: optionalText(500) });
export const endInput = z.strictObject({ reason: z.enum(END_REASONS), note: optionalText(500) });
export const cardReviewInput = z.strictObject({ note: optionalText(500) });
export const confirmOutflowInput = z.strictObject({ nationalFlowRef: optionalText(64), cardNo: optionalText(40) });

/** Every person-facing action's body, by URL slug (POST /api/v1/party/mobile-records/{id}/{slug}). */
export const MOBILE_ACTION_INPUTS = {
  report: reportInput,
  redirect: redirectInput,
  accept: acceptInput,
  'lost-contact': lostContactInput,
  restore: restoreInput,
  end: endInput,
  'card-review': cardReviewInput,
  'confirm-outflow': confirmOutflowInput,
} as const;
export type MobileSlug = keyof typeof MOBILE_ACTION_INPUTS;
export const MOBILE_SLUGS = Object.keys(MOBILE_ACTION_INPUTS) as MobileSlug[];
export type MobileActionBody = {
  orgId?: string;
  qrToken?: string;
  reason?: string;
  suggestedOrgId?: string;
  branchId?: string;
  basisDate?: string;
  searchActions?: { date: string; method: string; result: string }[];
  note?: string;
  nationalFlowRef?: string;
  cardNo?: string;
};

export const mobileListQuery = z.strictObject({
  state: z.enum(MOBILE_STATES).optional(),
  flag: z.enum(LAPSE_FLAGS).optional(),
  /** expected: records not yet reported (OUTFLOW_REGISTERED / AWAITING_REPORT) the caller's subtree may receive. */
  tab: z.enum(['submitted', 'expected', 'active', 'watch', 'lost', 'outflow', 'ended']).optional(),
});
export type MobileListQuery = z.input<typeof mobileListQuery>;

const orgRef = z.object({ id: z.uuid(), name: z.string() });

export const mobileEventDto = z.object({
  seq: z.number().int(),
  action: z.enum(MOBILE_ACTIONS),
  fromState: z.enum(MOBILE_STATES).nullable(),
  toState: z.enum(MOBILE_STATES),
  actorRole: z.string(),
  orgName: z.string().nullable(),
  comment: z.string().nullable(),
  at: z.string(),
});

export const mobileListItem = z.object({
  id: z.uuid(),
  memberId: z.uuid(),
  memberName: z.string(),
  membershipType: z.enum(['formal', 'probationary']),
  phoneMasked: z.string().nullable(),
  outflowOrg: orgRef.extend({ external: z.boolean() }),
  cardNo: z.string().nullable(),
  state: z.enum(MOBILE_STATES),
  storedState: z.enum(MOBILE_STATES),
  lapseFlags: z.array(z.enum(LAPSE_FLAGS)),
  inflowOrg: orgRef.nullable(),
  inflowBranch: orgRef.nullable(),
  arrivalDate: z.string().nullable(),
  reportDueAt: z.string().nullable(),
  reportSubmittedAt: z.string().nullable(),
  acceptedAt: z.string().nullable(),
  walkIn: z.boolean(),
});
export type MobileListItem = z.infer<typeof mobileListItem>;

export const mobileRecordDto = mobileListItem.extend({
  /** Only for the 流出地 and the 组织部 (masked); the 流入地 never sees the ID number. */
  idCardMasked: z.string().nullable(),
  outflowDate: z.string(),
  outflowReason: outflowReason,
  outflowConfirmed: z.boolean(),
  destination: z.object({ province: z.string().nullable(), city: z.string().nullable(), county: z.string().nullable(), unit: z.string().nullable(), address: z.string().nullable() }),
  fixedEmployer: z.boolean(),
  lastCardReviewAt: z.string().nullable(),
  reportMethod: z.enum(['qr', 'online']).nullable(),
  inflowContact: z.object({ person: z.string().nullable(), phone: z.string().nullable() }),
  redirectReason: z.string().nullable(),
  redirectToOrg: orgRef.nullable(),
  endAt: z.string().nullable(),
  endReason: z.string().nullable(),
  nationalFlowRef: z.string().nullable(),
  transferPromptedAt: z.string().nullable(),
  roles: z.array(z.enum(MOBILE_ROLES)),
  actions: z.array(z.enum(MOBILE_ACTIONS)),
  events: z.array(mobileEventDto),
});
export type MobileRecordDto = z.infer<typeof mobileRecordDto>;

export const mobileListDto = z.object({ items: z.array(mobileListItem), counts: z.record(z.string(), z.number().int()) });
export type MobileListDto = z.infer<typeof mobileListDto>;

/** The member's own view (我的党组织 section, the check-in page). */
export const myMobileDto = z.object({
  linked: z.boolean(),
  formalOrg: orgRef.extend({ external: z.boolean() }).nullable(),
  record: mobileRecordDto.nullable(),
  /** Organisations the member may report to (ACTIVE, in the portal). */
  orgs: z.array(orgRef.extend({ path: z.string(), depth: z.number().int() })),
  canWalkIn: z.boolean(),
});
export type MyMobileDto = z.infer<typeof myMobileDto>;

/** What the QR page shows before the member confirms. */
export const checkInTargetDto = z.object({
  org: orgRef.extend({ address: z.string().nullable(), contactPerson: z.string().nullable() }),
  /** report: confirm 报到 (open record not accepted); walk_in: no open record; accepted_here; accepted_elsewhere; submitted_here; none: not a member here. */
  situation: z.enum(['report', 'walk_in', 'accepted_here', 'accepted_elsewhere', 'submitted_here', 'submitted_elsewhere', 'not_mobile', 'not_linked']),
  record: mobileRecordDto.nullable(),
});
export type CheckInTargetDto = z.infer<typeof checkInTargetDto>;
