import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { users } from './auth';
import { partyMembers, partyOrgs } from './party';

/**
 * 流动党员 (issue 10; domain-party.md §5.2 MobileRecord, §2.6 organisational life, §2.7 dues, §6 data model).
 * S1 content (thought reports, dues amounts, search actions) is stored encrypted (lib/crypto/fields.ts); the rest is
 * S2 and readable only through the services' org-scoped checks (§4.2).
 */

/** §5.2 states. LAPSE_WATCH is stored as a flag set on INFLOW_ACTIVE (and AWAITING_REPORT), reported as a state. */
export const MOBILE_STATES = [
  'OUTFLOW_REGISTERED',
  'AWAITING_REPORT',
  'REPORT_SUBMITTED',
  'REDIRECTED',
  'INFLOW_ACTIVE',
  'LAPSE_WATCH',
  'LOST_CONTACT',
  'ENDED_RETURNED',
  'ENDED_TRANSFERRED',
  'ENDED_MOVED_ON',
] as const;
export type MobileState = (typeof MOBILE_STATES)[number];
export const ENDED_MOBILE_STATES = ['ENDED_RETURNED', 'ENDED_TRANSFERRED', 'ENDED_MOVED_ON'] as const satisfies readonly MobileState[];

export const OUTFLOW_REASONS = ['work', 'business', 'study', 'family', 'creative', 'other'] as const; // 务工 经商 就学 随迁 创作/自由职业 其他
export const LAPSE_FLAGS = ['REPORT', 'DUES', 'ORG_LIFE', 'ANNUAL_REPORT', 'CARD_REVIEW'] as const;
export type LapseFlag = (typeof LAPSE_FLAGS)[number];

export const MOBILE_ACTIONS = [
  'register_outflow', // M1 (流出地 branch)
  'confirm_outflow', // M1' confirmed by the 流出地 afterwards
  'walk_in', // M1'
  'arrive', // M2
  'report', // M3
  'accept', // M4
  'redirect', // M5
  'card_review', // M9
  'flag', // M10 / M11 (lapse flags changed by the system)
  'lost_contact', // M12
  'restore', // M13
  'end', // M15
  'transferred', // M14
  'prompt_transfer', // M16
] as const;
export type MobileAction = (typeof MOBILE_ACTIONS)[number];

/** §6 MobileRecord: one per stay; at most one open record per member (partial unique index). */
export const partyMobileRecords = pgTable(
  'party_mobile_records',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => partyMembers.id),
    state: text('state', { enum: MOBILE_STATES }).notNull(),
    /** 流出地支部: the member's formal branch when the stay began (often an organisation outside the portal). */
    outflowOrgId: uuid('outflow_org_id')
      .notNull()
      .references(() => partyOrgs.id),
    outflowCommitteeId: uuid('outflow_committee_id').references(() => partyOrgs.id),
    outflowDate: date('outflow_date').notNull(),
    outflowReason: text('outflow_reason', { enum: OUTFLOW_REASONS }).notNull(),
    /** When the 流出地 confirmed a walk-in (M1'), or registered the outflow itself (M1). */
    outflowConfirmedAt: timestamp('outflow_confirmed_at', { withTimezone: true }),
    walkIn: boolean('walk_in').notNull().default(false),
    destinationProvince: text('destination_province'),
    destinationCity: text('destination_city'),
    destinationCounty: text('destination_county'),
    /** S2: encrypted, shown masked. */
    destinationAddressEnc: text('destination_address_enc'),
    destinationUnit: text('destination_unit'),
    destinationUnitNature: text('destination_unit_nature'),
    /** The destination unit is a fixed employer (M16: after 6 months, prompt a formal transfer). */
    fixedEmployer: boolean('fixed_employer').notNull().default(false),
    expectedDuration: text('expected_duration'),
    /** Expected arrival in 珠山区 (M2 starts the report clock then; defaults to the outflow date). */
    arrivalDate: date('arrival_date'),
    /** ⚙ REPORT_DUE_AFTER_ARRIVAL (30 d): overdue after this. */
    reportDueAt: timestamp('report_due_at', { withTimezone: true }),
    hasActivityCard: boolean('has_activity_card').notNull().default(false),
    cardNo: text('card_no'),
    cardIssuerOrgId: uuid('card_issuer_org_id').references(() => partyOrgs.id),
    cardIssuedAt: date('card_issued_at'),
    lastCardReviewAt: date('last_card_review_at'),
    /** The 珠山区 organisation the member reported to (M3, M1'); cleared on redirect. */
    inflowOrgId: uuid('inflow_org_id').references(() => partyOrgs.id),
    /** The branch (or 党小组) the member was placed in on acceptance (M4). */
    inflowBranchId: uuid('inflow_branch_id').references(() => partyOrgs.id),
    reportMethod: text('report_method', { enum: ['qr', 'online'] }),
    reportSubmittedAt: timestamp('report_submitted_at', { withTimezone: true }),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    inflowContactPerson: text('inflow_contact_person'),
    inflowContactPhone: text('inflow_contact_phone'),
    redirectReason: text('redirect_reason'),
    redirectToOrgId: uuid('redirect_to_org_id').references(() => partyOrgs.id),
    /** Composite lapse flags (M10/M11), kept by the sweep; every flag is also derived on read. */
    lapseFlags: text('lapse_flags').array().notNull().default(sql`'{}'::text[]`),
    /** State before LOST_CONTACT (M13 restores to INFLOW_ACTIVE, or AWAITING_REPORT if never accepted). */
    lostFromState: text('lost_from_state', { enum: MOBILE_STATES }),
    /** M16: when the member and both branches were prompted to open a TransferCase (once per record). */
    transferPromptedAt: timestamp('transfer_prompted_at', { withTimezone: true }),
    endAt: timestamp('end_at', { withTimezone: true }),
    endReason: text('end_reason'),
    /** 全国党员管理信息系统 流出/流入登记 reference, when the national system recorded it (I4). */
    nationalFlowRef: text('national_flow_ref'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // ENDED_MOBILE_STATES spelled out (an index predicate takes no parameters); a DB test compares them.
    uniqueIndex('party_mobile_records_one_open_uq')
      .on(t.memberId)
      .where(sql`${t.state} not in ('ENDED_RETURNED', 'ENDED_TRANSFERRED', 'ENDED_MOVED_ON')`),
    index('party_mobile_records_inflow_idx').on(t.inflowOrgId, t.state),
    index('party_mobile_records_branch_idx').on(t.inflowBranchId, t.state),
    index('party_mobile_records_outflow_idx').on(t.outflowOrgId, t.state),
    index('party_mobile_records_member_idx').on(t.memberId),
    check('party_mobile_records_ended_ck', sql`(${t.state} in ('ENDED_RETURNED', 'ENDED_TRANSFERRED', 'ENDED_MOVED_ON')) = (${t.endAt} is not null)`),
    check('party_mobile_records_accepted_ck', sql`${t.state} not in ('INFLOW_ACTIVE', 'LAPSE_WATCH') or (${t.acceptedAt} is not null and ${t.inflowBranchId} is not null)`),
    check('party_mobile_records_redirect_ck', sql`${t.redirectToOrgId} is null or ${t.redirectReason} is not null`),
  ],
);

/**
 * Append-only history of a MobileRecord (a trigger refuses UPDATE and DELETE, like transfer_events). At most one
 * `accept` per record: a unique partial index, so two secretaries accepting at once cannot both succeed.
 */
export const partyMobileEvents = pgTable(
  'party_mobile_events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recordId: uuid('record_id')
      .notNull()
      .references(() => partyMobileRecords.id),
    seq: integer('seq').notNull(),
    action: text('action', { enum: MOBILE_ACTIONS }).notNull(),
    fromState: text('from_state', { enum: MOBILE_STATES }),
    toState: text('to_state', { enum: MOBILE_STATES }).notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** member | outflow | inflow | orgdept | system */
    actorRole: text('actor_role').notNull(),
    actorOrgId: uuid('actor_org_id').references(() => partyOrgs.id),
    comment: text('comment'),
    /** Non-sensitive details (e.g. { orgId, suggestedOrgId, flags }). */
    data: jsonb('data'),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('party_mobile_events_record_seq_uq').on(t.recordId, t.seq),
    uniqueIndex('party_mobile_events_one_accept_uq').on(t.recordId).where(sql`${t.action} = 'accept'`),
  ],
);

/** §6 LostContactCase: handed to the 流出地; 党籍 changes only with the recorded decisions (§5.2). */
export const partyLostContactCases = pgTable(
  'party_lost_contact_cases',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    recordId: uuid('record_id').references(() => partyMobileRecords.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => partyMembers.id),
    /** The 流出地 (formal) organisation the case is handed to. */
    homeOrgId: uuid('home_org_id')
      .notNull()
      .references(() => partyOrgs.id),
    lastContactBasisDate: date('last_contact_basis_date').notNull(),
    /** S1: encrypted JSON [{ date, method, result }]. */
    searchActionsEnc: text('search_actions_enc').notNull(),
    situationCode: text('situation_code'),
    orgCategoryCode: text('org_category_code'),
    proposal: text('proposal', { enum: ['stop_membership', 'cancel_probation'] }),
    branchMeetingDate: date('branch_meeting_date'),
    committeeApprovalDate: date('committee_approval_date'),
    countyFilingDate: date('county_filing_date'),
    restoredAt: timestamp('restored_at', { withTimezone: true }),
    restoreApprovalRef: text('restore_approval_ref'),
    openedBy: uuid('opened_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('party_lost_contact_member_idx').on(t.memberId),
    uniqueIndex('party_lost_contact_one_open_uq').on(t.memberId).where(sql`${t.restoredAt} is null`),
  ],
);

/** §2.6 / §6 OrgLifeActivity types: 支部党员大会 支委会 党小组会 党课 主题党日 组织生活会 民主评议 谈心谈话. */
export const ACTIVITY_TYPES = ['branch_congress', 'committee_meeting', 'group_meeting', 'party_lecture', 'theme_day', 'org_life_meeting', 'democratic_review', 'heart_talk'] as const;
export const ATTENDANCE_METHODS = ['on_site', 'qr', 'online'] as const; // 现场登记 扫码 线上

export const partyActivities = pgTable(
  'party_activities',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    orgId: uuid('org_id')
      .notNull()
      .references(() => partyOrgs.id),
    type: text('type', { enum: ACTIVITY_TYPES }).notNull(),
    date: date('date').notNull(),
    topic: text('topic').notNull(),
    /** Whether items are put to a vote (then the quorum of voting members matters). */
    votingItems: boolean('voting_items').notNull().default(false),
    location: text('location'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('party_activities_org_date_idx').on(t.orgId, t.date)],
);

/**
 * Attendance. `counts_for_quorum` = relation FORMAL; `may_vote` = FORMAL and a full (正式) member: mobile attendees
 * attend and it counts for them, but they never vote and never count toward the quorum (checks below).
 */
export const partyAttendance = pgTable(
  'party_attendance',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    activityId: uuid('activity_id')
      .notNull()
      .references(() => partyActivities.id),
    memberId: uuid('member_id')
      .notNull()
      .references(() => partyMembers.id),
    relation: text('relation', { enum: ['FORMAL', 'MOBILE'] }).notNull(),
    countsForQuorum: boolean('counts_for_quorum').notNull(),
    mayVote: boolean('may_vote').notNull(),
    method: text('method', { enum: ATTENDANCE_METHODS }).notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull(),
    confirmedBy: uuid('confirmed_by').references(() => users.id, { onDelete: 'set null' }),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('party_attendance_activity_member_uq').on(t.activityId, t.memberId),
    index('party_attendance_member_idx').on(t.memberId),
    check('party_attendance_quorum_ck', sql`${t.countsForQuorum} = (${t.relation} = 'FORMAL')`),
    check('party_attendance_vote_ck', sql`not ${t.mayVote} or ${t.relation} = 'FORMAL'`),
  ],
);

/**
 * §2.7 dues ledger: one row per (member, month) across both ends (第九条: pay at the formal branch or, while away, at
 * the 流入地), so a month paid at one end shows as paid at the other and cannot be paid twice. Amounts are S1
 * (they reveal income): exact decimal strings, encrypted. The portal records payments; it never holds the money.
 */
export const partyDuesPayments = pgTable(
  'party_dues_payments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => partyMembers.id),
    /** YYYY-MM */
    month: text('month').notNull(),
    collectingOrgId: uuid('collecting_org_id')
      .notNull()
      .references(() => partyOrgs.id),
    baseType: text('base_type').notNull(),
    /** Encrypted decimal strings (S1). */
    baseAmountEnc: text('base_amount_enc'),
    amountDueEnc: text('amount_due_enc').notNull(),
    amountPaidEnc: text('amount_paid_enc').notNull(),
    /** Rate as a decimal string ('0.005', '0.01', …) or null for the fixed amounts (farmers, students …). */
    rate: text('rate'),
    channel: text('channel', { enum: ['cash', 'bank', 'online'] }).notNull().default('bank'),
    receiptNo: text('receipt_no'),
    /** Paid after its month (补交, at most 6 months back). */
    backpay: boolean('backpay').notNull().default(false),
    reductionApprovalRef: text('reduction_approval_ref'),
    paidAt: timestamp('paid_at', { withTimezone: true }).notNull(),
    recordedBy: uuid('recorded_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('party_dues_member_month_uq').on(t.memberId, t.month),
    index('party_dues_org_month_idx').on(t.collectingOrgId, t.month),
    check('party_dues_month_ck', sql`${t.month} ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'`),
  ],
);

/** §6 PeriodicReport: routed to the 流出地 (formal) branch; content is S1 (encrypted). */
export const PERIODIC_REPORT_TYPES = ['annual', 'thought'] as const;
export const partyReports = pgTable(
  'party_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    memberId: uuid('member_id')
      .notNull()
      .references(() => partyMembers.id),
    type: text('type', { enum: PERIODIC_REPORT_TYPES }).notNull(),
    /** 'YYYY' for annual reports, 'YYYY-Qn' for thought reports. */
    period: text('period').notNull(),
    toOrgId: uuid('to_org_id')
      .notNull()
      .references(() => partyOrgs.id),
    recordId: uuid('record_id').references(() => partyMobileRecords.id),
    contentEnc: text('content_enc').notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull(),
    reviewedBy: uuid('reviewed_by').references(() => users.id, { onDelete: 'set null' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
    reviewNoteEnc: text('review_note_enc'),
  },
  (t) => [
    index('party_reports_to_org_idx').on(t.toOrgId, t.submittedAt),
    index('party_reports_member_idx').on(t.memberId),
    uniqueIndex('party_reports_annual_uq').on(t.memberId, t.period).where(sql`${t.type} = 'annual'`),
    check('party_reports_period_ck', sql`(${t.type} = 'annual' and ${t.period} ~ '^[0-9]{4}$') or (${t.type} = 'thought' and ${t.period} ~ '^[0-9]{4}-Q[1-4]$')`),
  ],
);
