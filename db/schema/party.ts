import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { users } from './auth';

/**
 * Party organisations (domain-party.md §6 PartyOrg). The materialised `path` ("/<id>/<id>/") lets a secretary read the
 * subtree under their own organisation with one prefix comparison; `party_orgs_path_prefix_idx` (text_pattern_ops)
 * is the index such a LIKE 'prefix%' can use. `kind` is the coarse kind older code reads; `org_type` the §6 type.
 */
export const PARTY_ORG_TYPES = [
  'district_committee', // 区委 (its 组织部 acts for it)
  'primary_committee', // 基层党委
  'working_committee', // 街道/园区 党工委
  'general_branch', // 党总支
  'branch', // 党支部
  'joint_branch', // 联合党支部
  'temporary_branch', // 临时党支部
  'mobile_branch', // 流动党员党支部
  'party_group', // 党小组
] as const;
export type PartyOrgType = (typeof PARTY_ORG_TYPES)[number];

export const partyOrgs = pgTable(
  'party_orgs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind', { enum: ['committee', 'general_branch', 'branch'] }).notNull(),
    orgType: text('org_type', { enum: PARTY_ORG_TYPES }).notNull().default('branch'),
    parentId: uuid('parent_id').references((): AnyPgColumn => partyOrgs.id),
    path: text('path').notNull(),
    /** 全国党员管理信息系统 编码 (12 digits seen in practice), when known. */
    nationalCode: text('national_code'),
    /** May issue a 介绍信 (基层党委 with 预备党员审批权, 县级以上组织部). */
    mayIssue: boolean('may_issue').notNull().default(false),
    /** May receive incoming transfers (a 基层党委 or 党工委 that accepts letters). */
    mayReceive: boolean('may_receive').notNull().default(false),
    /** 预备党员审批权. */
    hasProbationaryApproval: boolean('has_probationary_approval').notNull().default(false),
    /** 临时党支部: no dues, no admission or discipline. */
    isTemporary: boolean('is_temporary').notNull().default(false),
    /** An organisation outside the portal (another province), kept so incoming letters can name it. */
    isExternal: boolean('is_external').notNull().default(false),
    status: text('status', { enum: ['ACTIVE', 'DISSOLVED'] }).notNull().default('ACTIVE'),
    dissolvedAt: timestamp('dissolved_at', { withTimezone: true }),
    dissolutionApprovalRef: text('dissolution_approval_ref'),
    successorOrgId: uuid('successor_org_id').references((): AnyPgColumn => partyOrgs.id),
    contactPerson: text('contact_person'),
    contactPhone: text('contact_phone'),
    address: text('address'),
    postalCode: text('postal_code'),
    /** Rotatable QR check-in token (printed on the branch's poster); unguessable. */
    qrToken: text('qr_token'),
    qrRotatedAt: timestamp('qr_rotated_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('party_orgs_code_uq').on(t.code),
    index('party_orgs_parent_idx').on(t.parentId),
    index('party_orgs_path_idx').on(t.path),
    index('party_orgs_path_prefix_idx').on(t.path.op('text_pattern_ops')),
    uniqueIndex('party_orgs_qr_token_uq').on(t.qrToken),
    check('party_orgs_dissolution_ck', sql`${t.status} = 'ACTIVE' or (${t.dissolvedAt} is not null and ${t.dissolutionApprovalRef} is not null)`),
  ],
);

export const MEMBERSHIP_TYPES = ['formal', 'probationary'] as const;
export const PARTY_STATUSES = ['NORMAL', 'STOPPED', 'STRUCK_OFF', 'EXPELLED', 'DECEASED'] as const;
export const DUES_BASE_TYPES = ['salary', 'annual_salary', 'self_employed', 'retired', 'farmer', 'student_unemployed'] as const;

/**
 * Party members (§6 Member). S1/S2 fields are encrypted (lib/crypto/fields.ts) and stored beside a display mask;
 * the ID number has a keyed blind index for uniqueness. `formal_org_id` is the single formal branch (I1): a trigger
 * (migration 0011) lets it change only in the transaction that completes a TransferCase into that branch.
 */
export const partyMembers = pgTable(
  'party_members',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id').references(() => users.id, { onDelete: 'set null' }),
    name: text('name').notNull(),
    gender: text('gender', { enum: ['male', 'female'] }),
    /** 民族 (printed on the 介绍信), e.g. 汉族. */
    ethnicity: text('ethnicity'),
    idCardEnc: text('id_card_enc').notNull(),
    idCardBlind: text('id_card_blind').notNull(),
    idCardMasked: text('id_card_masked').notNull(),
    phoneEnc: text('phone_enc'),
    phoneMasked: text('phone_masked'),
    membershipType: text('membership_type', { enum: MEMBERSHIP_TYPES }).notNull(),
    joinDate: date('join_date').notNull(),
    probationEndDate: date('probation_end_date'),
    regularDate: date('regular_date'),
    formalOrgId: uuid('formal_org_id')
      .notNull()
      .references(() => partyOrgs.id),
    partyStatus: text('party_status', { enum: PARTY_STATUSES }).notNull().default('NORMAL'),
    /** Encrypted JSON list of status decisions { status, decidedBy, ref, date } (S1). */
    statusDecisionsEnc: text('status_decisions_enc'),
    lostContact: boolean('lost_contact').notNull().default(false),
    lastOrgLifeDate: date('last_org_life_date'),
    /** YYYY-MM: dues paid up to and including this month. */
    lastDuesMonth: text('last_dues_month'),
    duesBaseType: text('dues_base_type', { enum: DUES_BASE_TYPES }).notNull(),
    /** Exact decimal as text, encrypted (S1: reveals income). */
    duesBaseAmountEnc: text('dues_base_amount_enc'),
    /** §2.7 art. 7: an approved reduction (the monthly amount after it, encrypted decimal) and its approval reference. */
    duesReductionAmountEnc: text('dues_reduction_amount_enc'),
    duesReductionRef: text('dues_reduction_ref'),
    /** Set when the member's relationship left the portal (a completed transfer to an organisation outside it). */
    transferredOutAt: timestamp('transferred_out_at', { withTimezone: true }),
    createdFrom: text('created_from', { enum: ['register', 'incoming_letter', 'self'] }).notNull().default('register'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('party_members_id_card_uq').on(t.idCardBlind),
    uniqueIndex('party_members_user_uq').on(t.userId),
    index('party_members_formal_org_idx').on(t.formalOrgId),
    check('party_members_dues_month_ck', sql`${t.lastDuesMonth} is null or ${t.lastDuesMonth} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
    check('party_members_probation_ck', sql`${t.membershipType} = 'formal' or ${t.probationEndDate} is not null`),
  ],
);

export const TRANSFER_STATES = [
  'DRAFT',
  'BRANCH_REVIEW',
  'ISSUER_REVIEW',
  'ORGDEPT_REVIEW',
  'ISSUED',
  'RECEIVER_REVIEW',
  'ON_HOLD',
  'ACCEPTED',
  'COMPLETED',
  'RECEIPT_SENT',
  'RETURNED_FOR_EDIT',
  'RETURNED_BY_RECEIVER',
  'WITHDRAWN',
  'EXPIRED',
  'VOIDED',
] as const;
export type TransferState = (typeof TRANSFER_STATES)[number];
/** States in which a case is open (I2: at most one per member). COMPLETED still awaits its 回执 but the move is done. */
export const OPEN_TRANSFER_STATES = [
  'DRAFT',
  'BRANCH_REVIEW',
  'ISSUER_REVIEW',
  'ORGDEPT_REVIEW',
  'ISSUED',
  'RECEIVER_REVIEW',
  'ON_HOLD',
  'ACCEPTED',
  'RETURNED_FOR_EDIT',
  'RETURNED_BY_RECEIVER',
] as const satisfies readonly TransferState[];

export const TRANSFER_CATEGORIES = ['in_district', 'in_city', 'in_province', 'cross_province'] as const;
export const TRANSFER_CHANNELS = ['ONLINE_NATIONAL', 'PROVINCIAL', 'PAPER', 'BOTH'] as const;
export const RETURN_REASON_CODES = ['WRONG_TARGET', 'LETTER_INVALID', 'ISSUER_NO_AUTHORITY', 'PROBATION_EXPIRED', 'FILE_DEFECT', 'OTHER'] as const;

/** §6 TransferCase. */
export const transferCases = pgTable(
  'transfer_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => partyMembers.id),
    state: text('state', { enum: TRANSFER_STATES }).notNull(),
    category: text('category', { enum: TRANSFER_CATEGORIES }).notNull(),
    channel: text('channel', { enum: TRANSFER_CHANNELS }).notNull(),
    /** The member's formal branch when the case was opened (null for an incoming letter from outside the portal). */
    fromOrgId: uuid('from_org_id').references(() => partyOrgs.id),
    /** Issuing organisation outside the portal (incoming paper letters). */
    fromOrgText: text('from_org_text'),
    /** Ordered issuing organisations that handled the case (intermediate hops included). */
    issuingHops: uuid('issuing_hops').array().notNull().default(sql`'{}'::uuid[]`),
    toOrgId: uuid('to_org_id').references(() => partyOrgs.id),
    toOrgText: text('to_org_text'),
    toBranchId: uuid('to_branch_id').references(() => partyOrgs.id),
    currentHandlerOrgId: uuid('current_handler_org_id').references(() => partyOrgs.id),
    reason: text('reason').notNull(),
    duesPaidThrough: text('dues_paid_through'),
    letterNo: text('letter_no'),
    issuedAt: timestamp('issued_at', { withTimezone: true }),
    validityDays: integer('validity_days'),
    expiresAt: timestamp('expires_at', { withTimezone: true }),
    /** When the receiver opened the letter (T8): the expiry clock stops here. */
    openedAt: timestamp('opened_at', { withTimezone: true }),
    /** Unguessable code for /verify/letter/{code}. */
    verifyCode: text('verify_code'),
    stepDeadline: timestamp('step_deadline', { withTimezone: true }),
    returnReasonCode: text('return_reason_code', { enum: RETURN_REASON_CODES }),
    returnReasonText: text('return_reason_text'),
    holdReason: text('hold_reason'),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    /** txid_current() of the completing transaction: the member-branch trigger checks it (I1). */
    completedTx: text('completed_tx'),
    receiptDueAt: timestamp('receipt_due_at', { withTimezone: true }),
    receiptAt: timestamp('receipt_at', { withTimezone: true }),
    receiptHandler: text('receipt_handler'),
    nationalFlowNo: text('national_flow_no'),
    predecessorId: uuid('predecessor_id').references((): AnyPgColumn => transferCases.id),
    voidedReason: text('voided_reason'),
    /** Registered by the receiving side from a paper letter issued outside the portal. */
    incoming: boolean('incoming').notNull().default(false),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The OPEN_TRANSFER_STATES list, spelled out (an index predicate takes no parameters); a DB test compares them.
    uniqueIndex('transfer_cases_one_open_uq')
      .on(t.memberId)
      .where(sql`${t.state} in ('DRAFT', 'BRANCH_REVIEW', 'ISSUER_REVIEW', 'ORGDEPT_REVIEW', 'ISSUED', 'RECEIVER_REVIEW', 'ON_HOLD', 'ACCEPTED', 'RETURNED_FOR_EDIT', 'RETURNED_BY_RECEIVER')`),
    uniqueIndex('transfer_cases_letter_no_uq').on(t.letterNo),
    uniqueIndex('transfer_cases_verify_code_uq').on(t.verifyCode),
    index('transfer_cases_handler_idx').on(t.currentHandlerOrgId, t.state),
    index('transfer_cases_member_idx').on(t.memberId),
    index('transfer_cases_expiry_idx').on(t.expiresAt).where(sql`${t.state} in ('ISSUED', 'RETURNED_BY_RECEIVER')`),
    check('transfer_cases_validity_ck', sql`${t.validityDays} is null or (${t.validityDays} between 1 and 90)`),
    check('transfer_cases_target_ck', sql`${t.toOrgId} is not null or ${t.toOrgText} is not null`),
    check('transfer_cases_issued_ck', sql`${t.issuedAt} is null or (${t.letterNo} is not null and ${t.expiresAt} is not null and ${t.verifyCode} is not null)`),
  ],
);

export const TRANSFER_ACTIONS = [
  'create',
  'submit',
  'approve',
  'return',
  'withdraw',
  'escalate',
  'issue',
  'open',
  'hold',
  'resume',
  'accept',
  'complete',
  'receipt',
  'expire',
  'void',
  'reissue',
  'reroute',
  'register_incoming',
] as const;
export type TransferAction = (typeof TRANSFER_ACTIONS)[number];

/** §6 TransferEvent: append-only (a trigger refuses UPDATE and DELETE), one per transition (I3). */
export const transferEvents = pgTable(
  'transfer_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    caseId: uuid('case_id')
      .notNull()
      .references(() => transferCases.id),
    seq: integer('seq').notNull(),
    action: text('action', { enum: TRANSFER_ACTIONS }).notNull(),
    fromState: text('from_state', { enum: TRANSFER_STATES }),
    toState: text('to_state', { enum: TRANSFER_STATES }).notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** member | from_branch | issuer | orgdept | receiver | system */
    actorRole: text('actor_role').notNull(),
    actorOrgId: uuid('actor_org_id').references(() => partyOrgs.id),
    comment: text('comment'),
    at: timestamp('at', { withTimezone: true }).notNull(),
    clientIp: text('client_ip'),
  },
  (t) => [uniqueIndex('transfer_events_case_seq_uq').on(t.caseId, t.seq)],
);

/** 介绍信 numbers restart each calendar year (Jingdezhen time): 珠组转〔2027〕0001号 follows 珠组转〔2026〕0412号. */
export const transferLetterCounters = pgTable('transfer_letter_counters', {
  year: integer('year').primaryKey(),
  last: integer('last').notNull(),
});
