/**
 * 流动党员 MobileRecord as a pure state machine: domain-party.md §5.2 (M1–M16) and the §7.1 defaults.
 *
 * Pure on purpose (ADR 010, PURE_CORES): no Next, database or Node imports. The service (lib/party/mobile.ts) loads the
 * record, the member and the organisations involved, works out in which roles the actor stands to the record
 * (`mobileRoles`), asks `decideMobile()` what may happen and writes the result in one transaction. `deriveLapseFlags`
 * computes the composite lapse flags (M10/M11) from the facts on read, so a stopped worker delays a notification but
 * never hides an overdue member; the daily sweep stores the same set.
 *
 * Roles (who stands where):
 * - `member`: the member's own portal account (talent);
 * - `outflow`: the 流出地 — the secretary of the member's formal branch (outflow_org_id), or the 区委组织部 (org_admin)
 *   acting for a 流出地 outside the portal (the national 流出登记 reference is recorded then);
 * - `inflow`: the 流入地 — a secretary whose organisation is the reported organisation, the placement branch, or an
 *   ancestor of either (the parent committee);
 * - `orgdept`: 区委组织部 (org_admin), district-wide;
 * - `system`: timers and event consumers.
 */
import { localDate, localDateStart } from './transfer-machine';
import { addMonths, monthsOverdue } from './dues-calculator';

// --- states, actions, parameters ------------------------------------------------------------------------------

/** Same list as db/schema/party-mobile.ts MOBILE_STATES (a unit test keeps them equal; the core may not import db/). */
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
/** States stored in the database (REDIRECTED is passed through on the way back to AWAITING_REPORT; LAPSE_WATCH is INFLOW_ACTIVE with flags). */
export const STORED_STATES = ['OUTFLOW_REGISTERED', 'AWAITING_REPORT', 'REPORT_SUBMITTED', 'INFLOW_ACTIVE', 'LOST_CONTACT', 'ENDED_RETURNED', 'ENDED_TRANSFERRED', 'ENDED_MOVED_ON'] as const satisfies readonly MobileState[];
export type StoredMobileState = (typeof STORED_STATES)[number];
export const ENDED_STATES = ['ENDED_RETURNED', 'ENDED_TRANSFERRED', 'ENDED_MOVED_ON'] as const satisfies readonly MobileState[];
export const OPEN_STATES = ['OUTFLOW_REGISTERED', 'AWAITING_REPORT', 'REPORT_SUBMITTED', 'INFLOW_ACTIVE', 'LOST_CONTACT'] as const satisfies readonly StoredMobileState[];
export const isEnded = (s: MobileState): boolean => (ENDED_STATES as readonly MobileState[]).includes(s);
export const isOpen = (s: MobileState): boolean => !isEnded(s);

export const STATE_NAMES: Record<MobileState, { zh: string; en: string }> = {
  OUTFLOW_REGISTERED: { zh: '流出登记', en: 'Outflow registered' },
  AWAITING_REPORT: { zh: '待报到', en: 'Awaiting report' },
  REPORT_SUBMITTED: { zh: '已报到·待查验', en: 'Reported, to be verified' },
  REDIRECTED: { zh: '报到组织不符·已转引', en: 'Redirected' },
  INFLOW_ACTIVE: { zh: '流入地纳入管理', en: 'Under inflow management' },
  LAPSE_WATCH: { zh: '预警', en: 'Lapse watch' },
  LOST_CONTACT: { zh: '失联', en: 'Lost contact' },
  ENDED_RETURNED: { zh: '返回流出地', en: 'Returned home' },
  ENDED_TRANSFERRED: { zh: '已转正式组织关系', en: 'Formal relationship transferred' },
  ENDED_MOVED_ON: { zh: '流向变化', en: 'Moved on' },
};

/** Same list as db/schema/party-mobile.ts MOBILE_ACTIONS. */
export const MOBILE_ACTIONS = [
  'register_outflow',
  'confirm_outflow',
  'walk_in',
  'arrive',
  'report',
  'accept',
  'redirect',
  'card_review',
  'flag',
  'lost_contact',
  'restore',
  'end',
  'transferred',
  'prompt_transfer',
] as const;
export type MobileAction = (typeof MOBILE_ACTIONS)[number];
/** The actions a person fires on an existing record (POST /api/v1/party/mobile-records/{id}/{action}; URL slug → action). */
export const RECORD_ACTION_SLUGS = {
  report: 'report',
  redirect: 'redirect',
  accept: 'accept',
  'lost-contact': 'lost_contact',
  restore: 'restore',
  end: 'end',
  'card-review': 'card_review',
  'confirm-outflow': 'confirm_outflow',
} as const satisfies Record<string, MobileAction>;
export type RecordActionSlug = keyof typeof RECORD_ACTION_SLUGS;

export const ACTION_NAMES: Record<MobileAction, { zh: string; en: string }> = {
  register_outflow: { zh: '流出登记', en: 'Outflow registered' },
  confirm_outflow: { zh: '流出地确认', en: 'Confirmed by home branch' },
  walk_in: { zh: '直接报到（未经流出登记）', en: 'Walk-in report' },
  arrive: { zh: '到达流入地', en: 'Arrived' },
  report: { zh: '报到', en: 'Reported' },
  accept: { zh: '查验纳入', en: 'Accepted' },
  redirect: { zh: '转引至其他组织', en: 'Redirected' },
  card_review: { zh: '活动证年审', en: 'Card reviewed' },
  flag: { zh: '预警变化', en: 'Lapse flags changed' },
  lost_contact: { zh: '失联移交流出地', en: 'Lost contact' },
  restore: { zh: '恢复联系', en: 'Contact restored' },
  end: { zh: '结束流动', en: 'Ended' },
  transferred: { zh: '转入正式组织关系', en: 'Transferred' },
  prompt_transfer: { zh: '提示转接组织关系', en: 'Transfer prompted' },
};

export const MOBILE_ROLES = ['member', 'outflow', 'inflow', 'orgdept', 'system'] as const;
export type MobileRole = (typeof MOBILE_ROLES)[number];
export const ROLE_NAMES: Record<MobileRole, { zh: string; en: string }> = {
  member: { zh: '党员本人', en: 'Member' },
  outflow: { zh: '流出地党组织', en: 'Home (outflow) branch' },
  inflow: { zh: '流入地党组织', en: 'Inflow organisation' },
  orgdept: { zh: '区委组织部', en: 'Organisation department' },
  system: { zh: '系统', en: 'System' },
};

export const LAPSE_FLAGS = ['REPORT', 'DUES', 'ORG_LIFE', 'ANNUAL_REPORT', 'CARD_REVIEW'] as const;
export type LapseFlag = (typeof LAPSE_FLAGS)[number];
export const LAPSE_FLAG_NAMES: Record<LapseFlag, { zh: string; en: string }> = {
  REPORT: { zh: '逾期未报到', en: 'Report overdue' },
  DUES: { zh: '党费欠交', en: 'Dues unpaid' },
  ORG_LIFE: { zh: '未参加组织生活', en: 'No organisational life' },
  ANNUAL_REPORT: { zh: '未作年度汇报', en: 'Annual report missing' },
  CARD_REVIEW: { zh: '活动证待年审', en: 'Card review due' },
};

export const END_REASONS = ['returned', 'moved_on'] as const;
export type EndReason = (typeof END_REASONS)[number];

/** §7.1 defaults (⚙ configurable; no national number exists). */
export const REPORT_DUE_DAYS = 30;
export const REPORT_REMINDER_DAYS = [7, 21] as const;
export const DUES_ALERT_MONTHS = 3;
export const ORG_LIFE_ALERT_MONTHS = 3;
export const CARD_REVIEW_MONTHS = 12;
/** §5.2 M12: ≥ 6 months since the last org life / dues / contact. */
export const LOST_CONTACT_MONTHS = 6;
/** §1.1 MOBILE_THRESHOLD, M16: six months at a fixed employer → prompt a formal transfer. */
export const TRANSFER_PROMPT_MONTHS = 6;

export type MobileRefusalCode = 'TRANSITION_NOT_ALLOWED' | 'NOT_ALLOWED' | 'WRONG_ORG' | 'ORG_DISSOLVED' | 'OPEN_RECORD_EXISTS' | 'ALREADY_ACCEPTED' | 'VALIDATION_FAILED';

export const REFUSAL_REASONS = [
  'state',
  'actor',
  'member_status',
  'open_record',
  'formal_org_here',
  'target_required',
  'target_inactive',
  'target_external',
  'already_accepted',
  'branch_required',
  'branch_inactive',
  'not_a_branch',
  'branch_outside',
  'reason_required',
  'suggested_required',
  'suggested_same',
  'too_early',
  'search_required',
  'end_reason_required',
  'not_walk_in',
  'already_confirmed',
  'no_fixed_employer',
  'already_prompted',
  'not_long_enough',
  'no_card',
] as const;
export type MobileRefusalReason = (typeof REFUSAL_REASONS)[number];

// --- time -------------------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

/** YYYY-MM-DD + n days (calendar arithmetic, no time zone involved). */
export function addDays(ymd: string, n: number): string {
  return new Date(Date.parse(`${ymd}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
}

/** YYYY-MM-DD + n calendar months, clamped to the month's last day (2026-08-31 + 6 → 2027-02-28). */
export function addMonthsToDate(ymd: string, n: number): string {
  const ym = addMonths(ymd.slice(0, 7), n);
  const [y, m] = ym.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return `${ym}-${String(Math.min(Number(ymd.slice(8, 10)), last)).padStart(2, '0')}`;
}

/** M2: the report is due at the start of the local day 30 days after arrival (overdue from then on). */
export const reportDueAt = (arrivalDate: string): Date => localDateStart(addDays(arrivalDate, REPORT_DUE_DAYS));
/** The local instants of the +7 / +21 reminders. */
export const reminderAt = (arrivalDate: string, days: number): Date => localDateStart(addDays(arrivalDate, days));
/** M2 happens on the arrival date (immediately when it is today or past). */
export const hasArrived = (arrivalDate: string, now: Date): boolean => arrivalDate <= localDate(now);

// --- lapse flags (M10 / M11) ----------------------------------------------------------------------------------------

export interface LapseFacts {
  /** The stored state (LAPSE_WATCH is accepted and read as INFLOW_ACTIVE). */
  state: MobileState;
  /** M2's report deadline; when null, arrival (or outflow) + 30 d. */
  reportDueAt?: Date | null;
  arrivalDate?: string | null;
  outflowDate?: string | null;
  /** YYYY-MM-DD of the acceptance (the clock for organisational life starts there at the latest). */
  acceptedOn?: string | null;
  /** Dues paid through (YYYY-MM), from the ledger (paidThroughMonths). */
  duesPaidThrough?: string | null;
  /** The member's join date (YYYY-MM-DD): a member who never paid counts from the month of joining. */
  joinDate?: string | null;
  lastOrgLifeDate?: string | null;
  /** The latest calendar year with an annual report to the 流出地. */
  lastAnnualReportYear?: number | null;
  /** Whether the member carries a 流动党员活动证 (card_no); no card, no 年审. */
  hasCard?: boolean;
  lastCardReviewAt?: string | null;
  cardIssuedAt?: string | null;
}

const PRE_REPORT: readonly MobileState[] = ['OUTFLOW_REGISTERED', 'AWAITING_REPORT'];
const MANAGED: readonly MobileState[] = ['INFLOW_ACTIVE', 'LAPSE_WATCH'];

/**
 * The composite lapse flags of a record at `today`, from the facts alone (§7.1):
 * - REPORT: not yet reported and 30 days past arrival;
 * - DUES: ≥ 3 whole months overdue (the dues ledger's convention, lib/party/dues-calculator.ts monthsOverdue);
 * - ORG_LIFE: no organisational life for 3 months (counted from the acceptance when there was none since);
 * - ANNUAL_REPORT: the previous calendar year's report (due 31 Dec) is missing, for a stay that covered that year;
 * - CARD_REVIEW: an activity card whose last 年审 (or issue) is more than 12 months ago.
 * Only a managed record (INFLOW_ACTIVE) carries DUES / ORG_LIFE / ANNUAL_REPORT / CARD_REVIEW; only a record not yet
 * reported carries REPORT. Flags are returned in LAPSE_FLAGS order.
 */
export function deriveLapseFlags(f: LapseFacts, today: Date): LapseFlag[] {
  const flags = new Set<LapseFlag>();
  const day = localDate(today);
  if (PRE_REPORT.includes(f.state)) {
    const arrival = f.arrivalDate ?? f.outflowDate ?? null;
    const due = f.reportDueAt ?? (arrival ? reportDueAt(arrival) : null);
    if (due && today.getTime() >= due.getTime()) flags.add('REPORT');
  }
  if (MANAGED.includes(f.state)) {
    const month = day.slice(0, 7);
    if (f.joinDate && monthsOverdue(f.duesPaidThrough ?? null, f.joinDate, month) >= DUES_ALERT_MONTHS) flags.add('DUES');
    const orgLifeBasis = [f.lastOrgLifeDate, f.acceptedOn].filter((x): x is string => !!x).sort().pop() ?? null;
    if (orgLifeBasis && addMonthsToDate(orgLifeBasis, ORG_LIFE_ALERT_MONTHS) <= day) flags.add('ORG_LIFE');
    const previousYear = Number(day.slice(0, 4)) - 1;
    const stayStart = f.outflowDate ?? f.arrivalDate ?? f.acceptedOn ?? null;
    if (stayStart && Number(stayStart.slice(0, 4)) <= previousYear && (f.lastAnnualReportYear ?? 0) < previousYear) flags.add('ANNUAL_REPORT');
    const cardBasis = f.lastCardReviewAt ?? f.cardIssuedAt ?? null;
    if (f.hasCard && cardBasis && addMonthsToDate(cardBasis, CARD_REVIEW_MONTHS) < day) flags.add('CARD_REVIEW');
  }
  return LAPSE_FLAGS.filter((x) => flags.has(x));
}

/** The state reported to readers: INFLOW_ACTIVE with flags is LAPSE_WATCH. */
export function reportedState(stored: MobileState, flags: readonly LapseFlag[]): MobileState {
  return stored === 'INFLOW_ACTIVE' && flags.length > 0 ? 'LAPSE_WATCH' : stored;
}

/** Flags raised since the last stored set (the sweep notifies on these once). */
export const newlyRaised = (before: readonly string[], after: readonly LapseFlag[]): LapseFlag[] => after.filter((f) => !before.includes(f));

// --- actors -------------------------------------------------------------------------------------------------------

export interface MobileOrgNode {
  id: string;
  /** "/<id>/<id>/" from the root. */
  path: string;
  orgType: string;
  status: 'ACTIVE' | 'DISSOLVED';
  isExternal: boolean;
}

export interface RecordFacts {
  /** null: the record does not exist yet (M1, M1'). */
  state: StoredMobileState | MobileState | null;
  memberUserId: string | null;
  /** 流出地: the member's formal organisation (for M1/M1', the member's formal_org_id). */
  outflowOrg: MobileOrgNode | null;
  /** The organisation reported to (M3, M1'), cleared on redirect. */
  inflowOrg: MobileOrgNode | null;
  /** The placement branch (M4). */
  inflowBranch: MobileOrgNode | null;
  walkIn?: boolean;
  outflowConfirmedAt?: Date | null;
  acceptedAt?: Date | null;
  /** An `accept` event exists for the record (one acceptance only). */
  accepted?: boolean;
  fixedEmployer?: boolean;
  transferPromptedAt?: Date | null;
  hasCard?: boolean;
}

export interface MobileActorFacts {
  /** lib/auth role, or 'system'. */
  role: 'talent' | 'zone_staff' | 'branch_secretary' | 'org_admin' | 'sysadmin' | 'system';
  userId: string | null;
  /** branch_secretary: their organisation. */
  org?: MobileOrgNode | null;
}

const within = (node: MobileOrgNode | null | undefined, root: MobileOrgNode | null | undefined): boolean => !!node && !!root && node.path.startsWith(root.path);

/** The roles in which an actor stands to a record (possibly several, e.g. a secretary whose branch is both ends). */
export function mobileRoles(r: RecordFacts, a: MobileActorFacts): MobileRole[] {
  if (a.role === 'system') return ['system'];
  const roles = new Set<MobileRole>();
  if (a.role === 'talent' && a.userId && a.userId === r.memberUserId) roles.add('member');
  if (a.role === 'org_admin') {
    roles.add('orgdept');
    // A 流出地 outside the portal has no secretary here: the 组织部 records for it (national 流出登记 reference).
    if (r.outflowOrg?.isExternal) roles.add('outflow');
  }
  if (a.role === 'branch_secretary' && a.org) {
    if (r.outflowOrg && a.org.id === r.outflowOrg.id) roles.add('outflow');
    if (within(r.inflowOrg, a.org) || within(r.inflowBranch, a.org)) roles.add('inflow');
  }
  return MOBILE_ROLES.filter((x) => roles.has(x));
}

/** Roles that belong to an organisation: refusing one of them to a secretary is WRONG_ORG, not NOT_ALLOWED. */
const ORG_ROLES: readonly MobileRole[] = ['outflow', 'inflow', 'orgdept'];

// --- the transition table -----------------------------------------------------------------------------------------

export type MobileTransitionId = `M${number}` | "M1'";

export interface MobileTransitionDef {
  id: MobileTransitionId;
  action: MobileAction;
  from: readonly (MobileState | null)[];
  roles: readonly MobileRole[];
  /** 'same': the state does not change; 'end': ENDED_RETURNED or ENDED_MOVED_ON by the reason; 'restore': back to where it was. */
  to: StoredMobileState | 'same' | 'end' | 'restore';
  summary: string;
}

const MANAGED_FROM: readonly MobileState[] = ['INFLOW_ACTIVE', 'LAPSE_WATCH'];
const NOT_ACCEPTED: readonly MobileState[] = ['OUTFLOW_REGISTERED', 'AWAITING_REPORT', 'REPORT_SUBMITTED'];

/** §5.2, one row per (transition, from-states, roles). */
export const MOBILE_TRANSITIONS: readonly MobileTransitionDef[] = [
  { id: 'M1', action: 'register_outflow', from: [null], roles: ['outflow', 'orgdept'], to: 'OUTFLOW_REGISTERED', summary: '流出地党组织流出登记' },
  { id: "M1'", action: 'walk_in', from: [null], roles: ['member'], to: 'REPORT_SUBMITTED', summary: '未经流出登记直接报到，通知流出地确认' },
  { id: "M1'", action: 'confirm_outflow', from: OPEN_STATES, roles: ['outflow'], to: 'same', summary: '流出地确认直接报到' },
  { id: 'M2', action: 'arrive', from: ['OUTFLOW_REGISTERED'], roles: ['system'], to: 'AWAITING_REPORT', summary: '到达日：开始报到计时（+7、+21 提醒，+30 逾期）' },
  // A member who comes before the expected arrival date may report at once (the arrival is then).
  { id: 'M3', action: 'report', from: ['OUTFLOW_REGISTERED', 'AWAITING_REPORT'], roles: ['member'], to: 'REPORT_SUBMITTED', summary: '扫码或选择组织报到' },
  { id: 'M4', action: 'accept', from: ['REPORT_SUBMITTED'], roles: ['inflow'], to: 'INFLOW_ACTIVE', summary: '查验并编入支部（无表决权）' },
  { id: 'M5', action: 'redirect', from: ['REPORT_SUBMITTED'], roles: ['inflow'], to: 'AWAITING_REPORT', summary: '报到组织不符：说明理由并建议组织' },
  { id: 'M9', action: 'card_review', from: MANAGED_FROM, roles: ['outflow', 'inflow'], to: 'same', summary: '活动证年审' },
  { id: 'M10', action: 'flag', from: ['OUTFLOW_REGISTERED', 'AWAITING_REPORT', ...MANAGED_FROM], roles: ['system'], to: 'same', summary: '预警标记变化（M10/M11）' },
  { id: 'M12', action: 'lost_contact', from: ['AWAITING_REPORT', ...MANAGED_FROM], roles: ['outflow', 'inflow'], to: 'LOST_CONTACT', summary: '查找未果：失联移交流出地' },
  { id: 'M13', action: 'restore', from: ['LOST_CONTACT'], roles: ['outflow', 'orgdept'], to: 'restore', summary: '恢复联系（记录分类）' },
  { id: 'M14', action: 'transferred', from: OPEN_STATES, roles: ['system'], to: 'ENDED_TRANSFERRED', summary: '组织关系转接完成' },
  { id: 'M15', action: 'end', from: MANAGED_FROM, roles: ['member', 'inflow', 'outflow', 'orgdept'], to: 'end', summary: '返回流出地或流向变化' },
  // A stay that never began here (the member never came, or went elsewhere): the 流出地 closes it.
  { id: 'M15', action: 'end', from: NOT_ACCEPTED, roles: ['outflow', 'orgdept'], to: 'end', summary: '未到或流向变化：流出地结束' },
  // 党籍 stopped or struck off (a recorded decision): the record is closed.
  { id: 'M15', action: 'end', from: OPEN_STATES, roles: ['system'], to: 'end', summary: '党籍变化：记录关闭' },
  { id: 'M16', action: 'prompt_transfer', from: MANAGED_FROM, roles: ['system'], to: 'same', summary: '固定单位满 6 个月：提示转接（不自动转接）' },
];

// --- the decision -------------------------------------------------------------------------------------------------

export interface MobileGuardFacts {
  /** M1/M1': the member. */
  member?: { partyStatus: string };
  /** M1/M1': another open record of the member exists. */
  openRecord?: boolean;
  /** M1': the member's formal organisation is in the portal's own tree (walk-in of a local member makes no sense). */
  formalOrgLocal?: boolean;
  /** M3/M1': the organisation reported to. */
  target?: MobileOrgNode | null;
  /** M4: the placement branch, and the accepting secretary's organisation (the branch must be in its subtree). */
  branch?: MobileOrgNode | null;
  actorOrg?: MobileOrgNode | null;
  /** M5: the suggested organisation. */
  suggested?: MobileOrgNode | null;
  /** M12: the last org life / dues / contact date (YYYY-MM-DD). */
  basisDate?: string | null;
}

export interface MobileParams {
  reason?: string | null;
  searchActionCount?: number;
  endReason?: string | null;
}

export type MobileDecision =
  | { ok: true; transition: MobileTransitionDef; role: MobileRole; next: StoredMobileState | 'same' }
  | { ok: false; code: MobileRefusalCode; reason: MobileRefusalReason; field?: string };

const refuse = (code: MobileRefusalCode, reason: MobileRefusalReason, field?: string): MobileDecision => ({ ok: false, code, reason, ...(field ? { field } : {}) });

/** A placement may be a branch of any kind or a 党小组 — not a committee. */
export const PLACEMENT_TYPES = ['branch', 'joint_branch', 'general_branch', 'mobile_branch', 'temporary_branch', 'party_group'] as const;

/** An organisation a member may report to: in the portal and active. */
export function reportableOrg(o: MobileOrgNode | null | undefined): MobileRefusalReason | null {
  if (!o) return 'target_required';
  if (o.isExternal) return 'target_external';
  if (o.status !== 'ACTIVE') return 'target_inactive';
  return null;
}

function targetRefusal(o: MobileOrgNode | null | undefined, field: string): MobileDecision | null {
  const r = reportableOrg(o);
  if (!r) return null;
  return refuse(r === 'target_inactive' ? 'ORG_DISSOLVED' : r === 'target_external' ? 'WRONG_ORG' : 'VALIDATION_FAILED', r, field);
}

/**
 * Decides one action. Order: an already accepted record refuses a second acceptance (ALREADY_ACCEPTED) → the state
 * allows the action (else TRANSITION_NOT_ALLOWED) → the actor stands to the record in a role the transition accepts
 * (else WRONG_ORG for an organisation's account in the wrong place, NOT_ALLOWED otherwise) → the guards.
 */
export function decideMobile(action: MobileAction, r: RecordFacts, actor: MobileActorFacts, now: Date, facts: MobileGuardFacts = {}, params: MobileParams = {}): MobileDecision {
  if (action === 'accept' && (r.accepted || (r.state && MANAGED_FROM.includes(r.state)))) return refuse('ALREADY_ACCEPTED', 'already_accepted');
  const state = r.state === 'LAPSE_WATCH' ? 'INFLOW_ACTIVE' : r.state;
  if ((action === 'register_outflow' || action === 'walk_in') && state !== null && isOpen(state)) return refuse('OPEN_RECORD_EXISTS', 'open_record');
  const rows = MOBILE_TRANSITIONS.filter((t) => t.action === action && t.from.includes(state));
  if (!rows.length) return refuse('TRANSITION_NOT_ALLOWED', 'state');
  const roles = mobileRoles(r, actor);
  const row = rows.find((t) => t.roles.some((k) => roles.includes(k)));
  if (!row) {
    const orgAccount = actor.role === 'branch_secretary' || actor.role === 'org_admin';
    const wanted = rows.flatMap((t) => t.roles);
    return refuse(orgAccount && wanted.some((k) => ORG_ROLES.includes(k)) ? 'WRONG_ORG' : 'NOT_ALLOWED', 'actor');
  }
  const role = row.roles.find((k) => roles.includes(k))!;
  const guard = checkGuards(row, r, now, facts, params);
  if (guard) return guard;
  const next: StoredMobileState | 'same' =
    row.to === 'end'
      ? params.endReason === 'moved_on'
        ? 'ENDED_MOVED_ON'
        : 'ENDED_RETURNED'
      : row.to === 'restore'
        ? r.acceptedAt || r.accepted
          ? 'INFLOW_ACTIVE'
          : 'AWAITING_REPORT'
        : row.to;
  return { ok: true, transition: row, role, next };
}

function memberGuards(facts: MobileGuardFacts): MobileDecision | null {
  if (facts.member && facts.member.partyStatus !== 'NORMAL') return refuse('NOT_ALLOWED', 'member_status');
  if (facts.openRecord) return refuse('OPEN_RECORD_EXISTS', 'open_record');
  return null;
}

function checkGuards(row: MobileTransitionDef, r: RecordFacts, now: Date, facts: MobileGuardFacts, params: MobileParams): MobileDecision | null {
  switch (row.action) {
    case 'register_outflow':
      return memberGuards(facts);
    case 'walk_in':
      return memberGuards(facts) ?? (facts.formalOrgLocal ? refuse('NOT_ALLOWED', 'formal_org_here') : null) ?? targetRefusal(facts.target, 'orgId');
    case 'confirm_outflow':
      if (!r.walkIn) return refuse('TRANSITION_NOT_ALLOWED', 'not_walk_in');
      return r.outflowConfirmedAt ? refuse('TRANSITION_NOT_ALLOWED', 'already_confirmed') : null;
    case 'report':
      return targetRefusal(facts.target, 'orgId');
    case 'accept': {
      const b = facts.branch;
      if (!b) return refuse('VALIDATION_FAILED', 'branch_required', 'branchId');
      if (b.status !== 'ACTIVE') return refuse('ORG_DISSOLVED', 'branch_inactive', 'branchId');
      if (!(PLACEMENT_TYPES as readonly string[]).includes(b.orgType) || b.isExternal) return refuse('WRONG_ORG', 'not_a_branch', 'branchId');
      if (facts.actorOrg && !within(b, facts.actorOrg)) return refuse('WRONG_ORG', 'branch_outside', 'branchId');
      return null;
    }
    case 'redirect': {
      if (!params.reason?.trim()) return refuse('VALIDATION_FAILED', 'reason_required', 'reason');
      if (!facts.suggested) return refuse('VALIDATION_FAILED', 'suggested_required', 'suggestedOrgId');
      if (r.inflowOrg && facts.suggested.id === r.inflowOrg.id) return refuse('VALIDATION_FAILED', 'suggested_same', 'suggestedOrgId');
      return targetRefusal(facts.suggested, 'suggestedOrgId');
    }
    case 'card_review':
      return r.hasCard === false ? refuse('TRANSITION_NOT_ALLOWED', 'no_card') : null;
    case 'lost_contact':
      if (!params.searchActionCount) return refuse('VALIDATION_FAILED', 'search_required', 'searchActions');
      if (!facts.basisDate || addMonthsToDate(facts.basisDate, LOST_CONTACT_MONTHS) > localDate(now)) return refuse('VALIDATION_FAILED', 'too_early', 'basisDate');
      return null;
    case 'end':
      if (row.roles.includes('system')) return null;
      return (END_REASONS as readonly string[]).includes(params.endReason ?? '') ? null : refuse('VALIDATION_FAILED', 'end_reason_required', 'reason');
    case 'prompt_transfer':
      if (!r.fixedEmployer) return refuse('TRANSITION_NOT_ALLOWED', 'no_fixed_employer');
      if (r.transferPromptedAt) return refuse('TRANSITION_NOT_ALLOWED', 'already_prompted');
      if (!r.acceptedAt || addMonthsToDate(localDate(r.acceptedAt), TRANSFER_PROMPT_MONTHS) > localDate(now)) return refuse('TRANSITION_NOT_ALLOWED', 'not_long_enough');
      return null;
    default:
      return null;
  }
}

/** The person-facing actions an actor may take now (the buttons a page shows); guards needing input are not checked. */
export function availableActions(r: RecordFacts, actor: MobileActorFacts): MobileAction[] {
  const state = r.state === 'LAPSE_WATCH' ? 'INFLOW_ACTIVE' : r.state;
  const roles = mobileRoles(r, actor);
  const out = new Set<MobileAction>();
  for (const t of MOBILE_TRANSITIONS) {
    if (t.roles.includes('system') || !t.from.includes(state) || !t.roles.some((k) => roles.includes(k))) continue;
    if (t.action === 'accept' && r.accepted) continue;
    if (t.action === 'confirm_outflow' && (!r.walkIn || r.outflowConfirmedAt)) continue;
    if (t.action === 'card_review' && r.hasCard === false) continue;
    out.add(t.action);
  }
  return MOBILE_ACTIONS.filter((x) => out.has(x));
}
