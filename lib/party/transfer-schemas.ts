import { z } from 'zod';
import { ACTOR_KINDS, CASE_ACTIONS, RETURN_REASON_CODES, TRANSFER_ACTIONS, TRANSFER_CATEGORIES, TRANSFER_CHANNELS, TRANSFER_STATES, VALIDITY_MAX } from './transfer-machine';

/**
 * 组织关系转接: the zod schemas shared by the API routes, the server actions and the forms (isomorphic). The service
 * (lib/party/transfers.ts) parses with them again; the state machine (transfer-machine.ts) decides the rest.
 */

const text = (max: number) => z.string().trim().min(1, 'validation.required').max(max);
const optionalText = (max: number) => z.string().trim().max(max).optional();
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'validation.dateInvalid');
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'validation.monthInvalid');
/** Whole days 1..90; a longer validity is VALIDITY_TOO_LONG from the machine (a stable code), not a schema error. */
const validityDays = z.number().int().min(1).max(10_000);

export const transferCategory = z.enum(TRANSFER_CATEGORIES);
export const transferChannel = z.enum(TRANSFER_CHANNELS);
export const returnReasonCode = z.enum(RETURN_REASON_CODES);
export const caseAction = z.enum(CASE_ACTIONS);

/** POST /api/v1/party/transfers: a target in the directory (toOrgId) or a free-text 抬头 + 去向 (toOrgText). */
export const createTransferInput = z
  .strictObject({
    memberId: z.uuid(),
    toOrgId: z.uuid().optional(),
    toOrgText: optionalText(200),
    category: transferCategory,
    channel: transferChannel,
    reason: text(500),
  })
  .refine((v) => !!v.toOrgId !== !!v.toOrgText, { message: 'partyTransfer.errTargetOne', path: ['toOrgId'] });
export type CreateTransferInput = z.input<typeof createTransferInput>;

/** Bodies of POST /api/v1/party/transfers/{id}/{action}. */
export const commentInput = z.strictObject({ comment: optionalText(500) });
export const returnInput = z.strictObject({ comment: optionalText(500), reasonCode: returnReasonCode.optional() });
export const issueInput = z.strictObject({ validityDays: validityDays.optional(), nationalFlowNo: optionalText(64), comment: optionalText(500) });
export const holdInput = z.strictObject({ comment: text(500) });
export const completeInput = z.strictObject({ branchId: z.uuid(), comment: optionalText(500) });
/** `receivedOn`: for a letter that left the portal, the date of receipt written on the paper 回执 (YYYY-MM-DD). */
export const receiptInput = z.strictObject({ comment: optionalText(500), nationalFlowNo: optionalText(64), receivedOn: z.iso.date().optional() });
export const voidInput = z.strictObject({ reason: text(500) });
export const reissueInput = z
  .strictObject({ comment: optionalText(500), toOrgId: z.uuid().optional(), toOrgText: optionalText(200) })
  .refine((v) => !(v.toOrgId && v.toOrgText), { message: 'partyTransfer.errTargetOne', path: ['toOrgId'] });

/**
 * T2 after a return (T4): the applicant resubmits with corrections — another target (directory or free text), category,
 * channel or reason. Only while the application is a draft or returned for changes.
 */
export const submitChanges = z
  .strictObject({ toOrgId: z.uuid().optional(), toOrgText: optionalText(200), category: transferCategory.optional(), channel: transferChannel.optional(), reason: text(500).optional() })
  .refine((v) => !(v.toOrgId && v.toOrgText), { message: 'partyTransfer.errTargetOne', path: ['toOrgId'] });
export type SubmitChanges = z.output<typeof submitChanges>;
export const submitInput = z.strictObject({ comment: optionalText(500), changes: submitChanges.optional() });

/** Every action's body (the server action takes { id, action, ...body }). */
export const ACTION_INPUTS = {
  submit: submitInput,
  approve: commentInput,
  return: returnInput,
  withdraw: commentInput,
  escalate: commentInput,
  issue: issueInput,
  open: commentInput,
  hold: holdInput,
  resume: commentInput,
  accept: commentInput,
  complete: completeInput,
  receipt: receiptInput,
  void: voidInput,
  reissue: reissueInput,
} as const satisfies Record<(typeof CASE_ACTIONS)[number], z.ZodType>;
export type ActionBody = { comment?: string; reasonCode?: z.infer<typeof returnReasonCode>; validityDays?: number; nationalFlowNo?: string; branchId?: string; reason?: string; toOrgId?: string; toOrgText?: string; receivedOn?: string; changes?: SubmitChanges };

/** A member arriving with a letter from outside the portal and not yet in the register. */
export const incomingMemberInput = z.strictObject({
  name: text(50),
  idCardNo: z.string().trim().min(15).max(20),
  phone: optionalText(20),
  membershipType: z.enum(['formal', 'probationary']),
  probationEndDate: isoDate.optional(),
  joinDate: isoDate,
  lastDuesMonth: month.optional(),
  duesBaseType: z.enum(['salary', 'annual_salary', 'self_employed', 'retired', 'farmer', 'student_unemployed']).default('self_employed'),
});

/** POST /api/v1/party/transfers/incoming. */
export const incomingTransferInput = z
  .strictObject({
    memberId: z.uuid().optional(),
    member: incomingMemberInput.optional(),
    fromOrgText: text(200),
    letterNo: text(64),
    issuedAt: z.union([isoDate, z.iso.datetime({ offset: true })]),
    validityDays,
    toOrgId: z.uuid(),
    channel: transferChannel,
    category: transferCategory.default('cross_province'),
    reason: optionalText(500),
    nationalFlowNo: optionalText(64),
  })
  .refine((v) => !!v.memberId !== !!v.member, { message: 'partyTransfer.errMemberOne', path: ['memberId'] })
  .refine((v) => v.member?.membershipType !== 'probationary' || !!v.member.probationEndDate, { message: 'validation.required', path: ['member', 'probationEndDate'] });
export type IncomingTransferInput = z.input<typeof incomingTransferInput>;

export const transferListQuery = z.strictObject({ queue: z.enum(['mine', 'all']).default('mine') });

// --- what the API answers ------------------------------------------------------------------------------------------

const state = z.enum(TRANSFER_STATES);
export const transferEventDto = z.object({
  seq: z.number().int(),
  action: z.enum(TRANSFER_ACTIONS),
  fromState: state.nullable(),
  toState: state,
  /** The actor kind: member | from_branch | issuer | orgdept | receiver | system. */
  actorRole: z.string(),
  actorOrgId: z.uuid().nullable(),
  actorOrgName: z.string().nullable(),
  comment: z.string().nullable(),
  at: z.string(),
});

export const transferDto = z.object({
  id: z.uuid(),
  /** The state now: EXPIRED as soon as expires_at passes, even before the expiry job records it. */
  state,
  /** The state last recorded by a transition. */
  recordedState: state,
  stateName: z.string(),
  memberId: z.uuid(),
  memberName: z.string(),
  category: transferCategory,
  channel: transferChannel,
  reason: z.string(),
  fromOrgId: z.uuid().nullable(),
  fromOrgName: z.string().nullable(),
  fromOrgText: z.string().nullable(),
  toOrgId: z.uuid().nullable(),
  toOrgName: z.string().nullable(),
  toOrgText: z.string().nullable(),
  toBranchId: z.uuid().nullable(),
  currentHandlerOrgId: z.uuid().nullable(),
  currentHandlerOrgName: z.string().nullable(),
  issuingHops: z.array(z.uuid()),
  letterNo: z.string().nullable(),
  issuedAt: z.string().nullable(),
  validityDays: z.number().int().nullable(),
  expiresAt: z.string().nullable(),
  openedAt: z.string().nullable(),
  stepDeadline: z.string().nullable(),
  overdue: z.boolean(),
  duesPaidThrough: z.string().nullable(),
  returnReasonCode: returnReasonCode.nullable(),
  returnReasonText: z.string().nullable(),
  holdReason: z.string().nullable(),
  voidedReason: z.string().nullable(),
  /** 全国党员管理信息系统 flow number: the national system performed that step, the portal only records it (I4). */
  nationalFlowNo: z.string().nullable(),
  incoming: z.boolean(),
  predecessorId: z.uuid().nullable(),
  successorId: z.uuid().nullable(),
  /** Only for the parties of the case (member, branches and committees on it, 区委组织部). */
  verifyCode: z.string().nullable(),
  completedAt: z.string().nullable(),
  receiptAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  /** How the caller stands to the case, and what they may try now (pages show these buttons). */
  myRoles: z.array(z.enum(ACTOR_KINDS)),
  availableActions: z.array(caseAction),
  events: z.array(transferEventDto),
});
export type TransferDto = z.infer<typeof transferDto>;

export const transferListItem = z.object({
  id: z.uuid(),
  state,
  stateName: z.string(),
  memberId: z.uuid(),
  memberName: z.string(),
  fromOrgName: z.string().nullable(),
  toOrgName: z.string().nullable(),
  currentHandlerOrgId: z.uuid().nullable(),
  letterNo: z.string().nullable(),
  expiresAt: z.string().nullable(),
  stepDeadline: z.string().nullable(),
  overdue: z.boolean(),
  incoming: z.boolean(),
  updatedAt: z.string(),
});
export type TransferListItem = z.infer<typeof transferListItem>;

/** GET /api/v1/verify/letter/{code}: validity, state, masked name and issuing organisation — nothing more. */
export const letterVerificationDto = z.object({
  valid: z.boolean(),
  state,
  stateName: z.string(),
  maskedName: z.string(),
  issuingOrganisation: z.string(),
  issuedAt: z.string().nullable(),
  validityDays: z.number().int().nullable(),
  expiresAt: z.string().nullable(),
});
export type LetterVerificationDto = z.infer<typeof letterVerificationDto>;

export const validityMax = VALIDITY_MAX;
