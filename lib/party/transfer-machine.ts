/**
 * 组织关系转接 (TransferCase) as a pure state machine: domain-party.md §5.1, transitions T1–T19 and invariants I1–I5.
 *
 * Pure on purpose (ADR 010, PURE_CORES): no Next, database or Node imports. The service (lib/party/transfers.ts) loads
 * the case, the member and the organisations involved, asks `decide()` what may happen, and writes the result in one
 * transaction; the same rules serve the pages (what buttons to show) and the dense unit tests beside this file.
 *
 * Vocabulary:
 * - actor kinds: `member` (the member's own portal account), `from_branch` (secretary of the member's 转出 branch),
 *   `issuer` (the issuing committee currently handling the case, or the last one that issued), `orgdept` (区委组织部:
 *   org_admin, or the district committee's own account while it holds the case at ORGDEPT_REVIEW), `receiver` (the
 *   receiving committee holding the case), `system` (timers, dissolution);
 * - the effective state: a letter whose `expires_at` has passed is EXPIRED whether or not the expiry job ran
 *   (T16 only records it); registration by the receiver (T8) freezes the clock (`opened_at`).
 */
import type { Role } from '@/lib/auth/permissions';

// --- states, actions, parameters ------------------------------------------------------------------------------

/** Same list as db/schema/party.ts TRANSFER_STATES (a unit test keeps them equal; the core may not import db/). */
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

/** §5.1 state names. */
export const STATE_NAMES: Record<TransferState, { zh: string; en: string }> = {
  DRAFT: { zh: '草稿', en: 'Draft' },
  BRANCH_REVIEW: { zh: '待转出支部审核', en: 'Awaiting branch review' },
  ISSUER_REVIEW: { zh: '待转出基层党委审批', en: 'Awaiting issuing committee' },
  ORGDEPT_REVIEW: { zh: '待组织部审批/换信', en: 'Awaiting organisation department' },
  ISSUED: { zh: '已开具·待接收', en: 'Letter issued, awaiting receipt' },
  RECEIVER_REVIEW: { zh: '接收方审核中', en: 'Under review by receiver' },
  ON_HOLD: { zh: '暂缓办理', en: 'On hold' },
  ACCEPTED: { zh: '已接收·待编入', en: 'Accepted, branch to be assigned' },
  COMPLETED: { zh: '已编入支部', en: 'Assigned to branch' },
  RECEIPT_SENT: { zh: '回执已反馈', en: 'Receipt returned' },
  RETURNED_FOR_EDIT: { zh: '退回修改', en: 'Returned for changes' },
  RETURNED_BY_RECEIVER: { zh: '接收方退回', en: 'Returned by receiver' },
  WITHDRAWN: { zh: '本人撤回', en: 'Withdrawn' },
  EXPIRED: { zh: '介绍信过期', en: 'Letter expired' },
  VOIDED: { zh: '作废/撤销', en: 'Voided' },
};

/** I2: a member has at most one case in these states (the partial unique index in migration 0011 uses the same list). */
export const OPEN_STATES = [
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
export const TERMINAL_STATES = ['RECEIPT_SENT', 'WITHDRAWN', 'EXPIRED', 'VOIDED'] as const satisfies readonly TransferState[];
export const isOpenState = (s: TransferState): boolean => (OPEN_STATES as readonly TransferState[]).includes(s);

/** Same list as db/schema/party.ts TRANSFER_ACTIONS. */
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
/** The actions a person fires on an existing case (POST /api/v1/party/transfers/{id}/{action}). */
export const CASE_ACTIONS = ['submit', 'approve', 'return', 'withdraw', 'escalate', 'issue', 'open', 'hold', 'resume', 'accept', 'complete', 'receipt', 'void', 'reissue'] as const satisfies readonly TransferAction[];
export type CaseAction = (typeof CASE_ACTIONS)[number];

export const ACTION_NAMES: Record<TransferAction, { zh: string; en: string }> = {
  create: { zh: '发起申请', en: 'Created' },
  submit: { zh: '提交', en: 'Submitted' },
  approve: { zh: '支部审核通过', en: 'Approved by branch' },
  return: { zh: '退回', en: 'Returned' },
  withdraw: { zh: '撤回', en: 'Withdrawn' },
  escalate: { zh: '报组织部', en: 'Escalated' },
  issue: { zh: '开具介绍信', en: 'Letter issued' },
  open: { zh: '登记接收', en: 'Registered by receiver' },
  hold: { zh: '暂缓办理', en: 'Put on hold' },
  resume: { zh: '恢复办理', en: 'Resumed' },
  accept: { zh: '同意接收', en: 'Accepted' },
  complete: { zh: '编入支部', en: 'Assigned to branch' },
  receipt: { zh: '回执', en: 'Receipt recorded' },
  expire: { zh: '介绍信过期', en: 'Expired' },
  void: { zh: '作废', en: 'Voided' },
  reissue: { zh: '重新开具', en: 'Re-issued' },
  reroute: { zh: '改由上级党组织办理', en: 'Re-routed' },
  register_incoming: { zh: '登记转入介绍信', en: 'Incoming letter registered' },
};

export const ACTOR_KINDS = ['member', 'from_branch', 'issuer', 'orgdept', 'receiver', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];
export const ACTOR_KIND_NAMES: Record<ActorKind, { zh: string; en: string }> = {
  member: { zh: '党员本人', en: 'Member' },
  from_branch: { zh: '转出支部', en: 'Sending branch' },
  issuer: { zh: '转出基层党委', en: 'Issuing committee' },
  orgdept: { zh: '区委组织部', en: 'Organisation department' },
  receiver: { zh: '接收基层党委', en: 'Receiving committee' },
  system: { zh: '系统', en: 'System' },
};

export const TRANSFER_CATEGORIES = ['in_district', 'in_city', 'in_province', 'cross_province'] as const;
export type TransferCategory = (typeof TRANSFER_CATEGORIES)[number];
export const TRANSFER_CHANNELS = ['ONLINE_NATIONAL', 'PROVINCIAL', 'PAPER', 'BOTH'] as const;
export type TransferChannel = (typeof TRANSFER_CHANNELS)[number];
/** Channels in which the national system (全国党员管理信息系统) carries the transfer: the portal records its flow number (I4). */
export const NATIONAL_CHANNELS: readonly TransferChannel[] = ['ONLINE_NATIONAL', 'BOTH'];

/** T12's coded reasons: a receiver never returns a letter 无故. */
export const RETURN_REASON_CODES = ['WRONG_TARGET', 'LETTER_INVALID', 'ISSUER_NO_AUTHORITY', 'PROBATION_EXPIRED', 'FILE_DEFECT', 'OTHER'] as const;
export type ReturnReasonCode = (typeof RETURN_REASON_CODES)[number];
export const RETURN_REASON_NAMES: Record<ReturnReasonCode, { zh: string; en: string }> = {
  WRONG_TARGET: { zh: '接收组织不符', en: 'Wrong receiving organisation' },
  LETTER_INVALID: { zh: '介绍信填写不规范或无效', en: 'Letter invalid or incorrectly filled in' },
  ISSUER_NO_AUTHORITY: { zh: '开具组织无转接权限', en: 'Issuer lacks transfer authority' },
  PROBATION_EXPIRED: { zh: '预备期已满未转正', en: 'Probation expired without full membership' },
  FILE_DEFECT: { zh: '档案材料不全或存疑', en: 'File incomplete or doubtful' },
  OTHER: { zh: '其他（须说明）', en: 'Other (explained)' },
};

/** §7.1 defaults (⚙ configurable; no national number exists). */
export const VALIDITY_DEFAULT_IN_PROVINCE = 30;
export const VALIDITY_DEFAULT_CROSS_PROVINCE = 90;
export const VALIDITY_MAX = 90;
export const STEP_SLA_WORKING_DAYS = 5;
export const RECEIPT_DUE_MONTHS = 1;

/** The problem codes the machine answers with (a subset of lib/http/errors.ts PROBLEM_CODES). */
export type RefusalCode =
  | 'TRANSITION_NOT_ALLOWED'
  | 'NOT_ALLOWED'
  | 'WRONG_ORG'
  | 'LETTER_EXPIRED'
  | 'VALIDITY_TOO_LONG'
  | 'OPEN_CASE_EXISTS'
  | 'DUES_ARREARS'
  | 'PROBATION_EXPIRED'
  | 'ORG_DISSOLVED'
  | 'VALIDATION_FAILED';

// --- time -------------------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;
const SHANGHAI_OFFSET_MS = 8 * 3_600_000; // UTC+8 all year, no DST

/** Midnight (Asia/Shanghai) at the start of the local day that holds `t`. */
export function startOfLocalDay(t: Date): Date {
  const local = t.getTime() + SHANGHAI_OFFSET_MS;
  return new Date(local - (((local % DAY_MS) + DAY_MS) % DAY_MS) - SHANGHAI_OFFSET_MS);
}

/** The local calendar date (YYYY-MM-DD) in Jingdezhen. */
export function localDate(t: Date): string {
  return new Date(t.getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The local month (YYYY-MM) in Jingdezhen. */
export const localMonth = (t: Date): string => localDate(t).slice(0, 7);

/** The instant a YYYY-MM-DD date begins in Jingdezhen. */
export function localDateStart(ymd: string): Date {
  return new Date(Date.parse(`${ymd}T00:00:00+08:00`));
}

/** §1.4: 30 days in the province, 90 across provinces. */
export function defaultValidityDays(category: TransferCategory): number {
  return category === 'cross_province' ? VALIDITY_DEFAULT_CROSS_PROVINCE : VALIDITY_DEFAULT_IN_PROVINCE;
}

/**
 * 有效期 N 天: the letter is valid through the Nth local day after the day of issue, so it expires at the local
 * midnight that ends that day (issued 2026-12-04 with 30 days → valid through 2027-01-03, expires 2027-01-04 00:00).
 */
export function letterExpiresAt(issuedAt: Date, validityDays: number): Date {
  return new Date(startOfLocalDay(issuedAt).getTime() + (validityDays + 1) * DAY_MS);
}

/**
 * STEP_SLA: the end of the Nth working day (Monday–Friday, Jingdezhen) after the day a step began. Public holidays
 * and 调休 weekends are not modelled (a calendar table would be; see the report).
 */
export function addWorkingDays(start: Date, n: number): Date {
  let day = startOfLocalDay(start);
  let left = n;
  while (left > 0) {
    day = new Date(day.getTime() + DAY_MS);
    const weekday = new Date(day.getTime() + SHANGHAI_OFFSET_MS).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return new Date(day.getTime() + DAY_MS);
}

/** RECEIPT_DUE: one calendar month after completion (clamped to the month's last day). */
export function receiptDueAt(completedAt: Date): Date {
  const [y, m, d] = localDate(completedAt).split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const target = `${String(m === 12 ? y + 1 : y).padStart(4, '0')}-${String((m % 12) + 1).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
  return new Date(localDateStart(target).getTime() + DAY_MS);
}

export const isOverdue = (stepDeadline: Date | null | undefined, now: Date): boolean => !!stepDeadline && now.getTime() >= stepDeadline.getTime();

/** States whose step runs against STEP_SLA (someone in an organisation has to act). */
const SLA_STATES: readonly TransferState[] = ['BRANCH_REVIEW', 'ISSUER_REVIEW', 'ORGDEPT_REVIEW', 'RECEIVER_REVIEW', 'ACCEPTED', 'RETURNED_BY_RECEIVER'];

/** The deadline of the step that begins now in `state` (null when nobody in an organisation is on the clock). */
export function stepDeadlineFor(state: TransferState, now: Date): Date | null {
  if (SLA_STATES.includes(state)) return addWorkingDays(now, STEP_SLA_WORKING_DAYS);
  if (state === 'COMPLETED') return receiptDueAt(now);
  return null;
}

// --- letters ------------------------------------------------------------------------------------------------------

/** 珠组转〔YYYY〕NNNN号. */
export function formatLetterNo(year: number, n: number): string {
  return `珠组转〔${year}〕${String(n).padStart(4, '0')}号`;
}

/** A name for the public verification page: 陈思远 → 陈**, Emma Wright → E*** W***. */
export function maskName(name: string): string {
  const trimmed = name.trim();
  if (!trimmed) return '*';
  if (/^[\p{Script=Han}·]+$/u.test(trimmed)) return `${[...trimmed][0]}${'*'.repeat(Math.max(1, [...trimmed].length - 1))}`;
  return trimmed
    .split(/\s+/)
    .map((w) => `${[...w][0]}***`)
    .join(' ');
}

// --- organisations --------------------------------------------------------------------------------------------

export const COMMITTEE_TYPES = ['district_committee', 'primary_committee', 'working_committee'] as const;
/** Organisations a member's formal relationship may sit in (T14): no party group, no temporary branch (临时: 不接收正式关系). */
export const BRANCH_TYPES = ['branch', 'joint_branch', 'general_branch', 'mobile_branch'] as const;

export interface OrgNode {
  id: string;
  parentId: string | null;
  /** "/<id>/<id>/" from the root. */
  path: string;
  orgType: string;
  mayIssue: boolean;
  mayReceive: boolean;
  hasProbationaryApproval: boolean;
  status: 'ACTIVE' | 'DISSOLVED';
  isExternal?: boolean;
}
export type OrgLookup = ReadonlyMap<string, OrgNode>;

export const pathIds = (path: string): string[] => path.split('/').filter(Boolean);
const active = (o: OrgNode | undefined): o is OrgNode => !!o && o.status === 'ACTIVE' && !o.isExternal;

/** The organisation and its ancestors, nearest first (only those present in the lookup). */
export function ancestorsOrSelf(orgs: OrgLookup, id: string): OrgNode[] {
  const self = orgs.get(id);
  if (!self) return [];
  return pathIds(self.path)
    .reverse()
    .map((x) => orgs.get(x))
    .filter((o): o is OrgNode => !!o);
}

/** Authority to issue nationwide (§1.2): 预备党员审批权, or a 县级以上 committee / 组织部. */
export const hasTransferAuthority = (o: OrgNode): boolean => o.hasProbationaryApproval || o.orgType === 'district_committee';

/** ISSUER_REVIEW goes to the nearest active ancestor of the 转出 branch that may issue (null: none, go to 组织部). */
export function issuingCommitteeFor(orgs: OrgLookup, fromOrgId: string): OrgNode | null {
  return ancestorsOrSelf(orgs, fromOrgId).slice(1).find((o) => active(o) && o.mayIssue) ?? null;
}

/** The district committee above an organisation (the outermost district committee, else the root). */
export function districtCommitteeFor(orgs: OrgLookup, orgId: string): OrgNode | null {
  const chain = ancestorsOrSelf(orgs, orgId);
  return [...chain].reverse().find((o) => o.orgType === 'district_committee') ?? chain[chain.length - 1] ?? null;
}

/** ISSUED goes to the receiving committee: the nearest active ancestor-or-self of the target that may receive. */
export function receivingCommitteeFor(orgs: OrgLookup, toOrgId: string): OrgNode | null {
  return ancestorsOrSelf(orgs, toOrgId).find((o) => active(o) && o.mayReceive) ?? null;
}

/** T19: where an open case goes when `dissolvedId` is dissolved — its nearest active ancestor committee (else ancestor). */
export function rerouteTargetFor(orgs: OrgLookup, dissolvedId: string): OrgNode | null {
  const up = ancestorsOrSelf(orgs, dissolvedId).slice(1);
  return up.find((o) => active(o) && (COMMITTEE_TYPES as readonly string[]).includes(o.orgType)) ?? up.find(active) ?? null;
}

export const inSubtree = (node: OrgNode, root: OrgNode): boolean => node.path.startsWith(root.path);

// --- actors -------------------------------------------------------------------------------------------------------

export interface CaseFacts {
  /** null: the case does not exist yet (T1, incoming registration). */
  state: TransferState | null;
  memberUserId: string | null;
  fromOrgId: string | null;
  currentHandlerOrgId: string | null;
  /** Issuing organisations that handled the case, in order; the last one issued (or escalated) most recently. */
  issuingHops: readonly string[];
  /** Target outside the portal's directory (to_org_text): the letter leaves the portal at ISSUED. */
  offDirectory: boolean;
  expiresAt: Date | null;
  openedAt: Date | null;
  letterNo: string | null;
  /** Registered from a letter issued outside the portal: only its issuer can re-issue it. */
  incoming?: boolean;
}

export interface ActorFacts {
  role: Role | 'system';
  userId: string | null;
  /** branch_secretary: their organisation. */
  orgId: string | null;
  /** org_admin (区委组织部) also acts for the district committee(s) when a case is handled there. */
  districtOrgIds?: readonly string[];
}

const ISSUING_SIDE: readonly TransferState[] = ['ISSUER_REVIEW', 'RETURNED_BY_RECEIVER'];
const RECEIVING_SIDE: readonly TransferState[] = ['ISSUED', 'RECEIVER_REVIEW', 'ON_HOLD', 'ACCEPTED', 'COMPLETED'];
const BEFORE_ISSUER: readonly (TransferState | null)[] = [null, 'DRAFT', 'BRANCH_REVIEW', 'RETURNED_FOR_EDIT'];

/** The kinds in which an actor stands to a case (possibly several, e.g. a committee that issued and now receives). */
export function actorKinds(c: CaseFacts, a: ActorFacts): ActorKind[] {
  if (a.role === 'system') return ['system'];
  const kinds = new Set<ActorKind>();
  if (a.role === 'talent' && a.userId && a.userId === c.memberUserId) kinds.add('member');
  const orgIds = a.role === 'branch_secretary' ? (a.orgId ? [a.orgId] : []) : a.role === 'org_admin' ? [...(a.districtOrgIds ?? [])] : [];
  if (a.role === 'org_admin') kinds.add('orgdept');
  const lastHop = c.issuingHops[c.issuingHops.length - 1] ?? null;
  for (const org of orgIds) {
    if (a.role === 'branch_secretary' && org === c.fromOrgId) kinds.add('from_branch');
    const handles = org === c.currentHandlerOrgId;
    if (c.state && handles && (ISSUING_SIDE.includes(c.state) || (c.offDirectory && c.state === 'ISSUED'))) kinds.add('issuer');
    if (org === lastHop && !BEFORE_ISSUER.includes(c.state)) kinds.add('issuer');
    if (handles && (c.state === null || (RECEIVING_SIDE.includes(c.state) && !c.offDirectory))) kinds.add('receiver');
    if (handles && c.state === 'ORGDEPT_REVIEW') kinds.add('orgdept');
  }
  return [...kinds];
}

/** Kinds that belong to an organisation: refusing one of them to a secretary is WRONG_ORG, not NOT_ALLOWED. */
const ORG_KINDS: readonly ActorKind[] = ['from_branch', 'issuer', 'orgdept', 'receiver'];

// --- the transition table -----------------------------------------------------------------------------------------

export type TransitionId = `T${number}` | 'TI';

export interface TransitionDef {
  id: TransitionId;
  action: TransferAction;
  /** null: creates a case. */
  from: readonly (TransferState | null)[];
  actors: readonly ActorKind[];
  /** 'same': the state does not change (T19); 'routed': ISSUER_REVIEW or ORGDEPT_REVIEW by the issuing route (T3). */
  to: TransferState | 'same' | 'routed';
  /** T17: the case stays as it is and a new case is opened with predecessor_id. */
  newCase?: true;
  summary: string;
}

const PRE_ISSUE_OPEN: readonly TransferState[] = ['DRAFT', 'BRANCH_REVIEW', 'ISSUER_REVIEW', 'ORGDEPT_REVIEW', 'RETURNED_FOR_EDIT'];

/** §5.1, one row per (transition, from-states, actors). */
export const TRANSITIONS: readonly TransitionDef[] = [
  { id: 'T1', action: 'create', from: [null], actors: ['member', 'from_branch'], to: 'DRAFT', summary: '党员本人或转出支部发起' },
  { id: 'T2', action: 'submit', from: ['DRAFT', 'RETURNED_FOR_EDIT'], actors: ['member', 'from_branch'], to: 'BRANCH_REVIEW', summary: '提交转出支部审核' },
  { id: 'T3', action: 'approve', from: ['BRANCH_REVIEW'], actors: ['from_branch'], to: 'routed', summary: '支部审核通过（党费、预备期、党籍）' },
  { id: 'T4', action: 'return', from: ['BRANCH_REVIEW'], actors: ['from_branch'], to: 'RETURNED_FOR_EDIT', summary: '支部退回修改' },
  { id: 'T4', action: 'return', from: ['ISSUER_REVIEW'], actors: ['issuer'], to: 'RETURNED_FOR_EDIT', summary: '基层党委退回修改' },
  { id: 'T4', action: 'return', from: ['ORGDEPT_REVIEW'], actors: ['orgdept'], to: 'RETURNED_FOR_EDIT', summary: '组织部退回修改' },
  { id: 'T5', action: 'withdraw', from: ['DRAFT', 'BRANCH_REVIEW', 'ISSUER_REVIEW', 'RETURNED_FOR_EDIT'], actors: ['member', 'from_branch'], to: 'WITHDRAWN', summary: '开具前撤回' },
  { id: 'T6', action: 'escalate', from: ['ISSUER_REVIEW'], actors: ['issuer'], to: 'ORGDEPT_REVIEW', summary: '报区委组织部' },
  { id: 'T7', action: 'issue', from: ['ISSUER_REVIEW'], actors: ['issuer'], to: 'ISSUED', summary: '有转接权限的基层党委开具介绍信' },
  { id: 'T7', action: 'issue', from: ['ORGDEPT_REVIEW'], actors: ['orgdept'], to: 'ISSUED', summary: '组织部开具介绍信' },
  { id: 'T8', action: 'open', from: ['ISSUED'], actors: ['receiver'], to: 'RECEIVER_REVIEW', summary: '接收方登记（有效期内）' },
  { id: 'T9', action: 'hold', from: ['RECEIVER_REVIEW'], actors: ['receiver'], to: 'ON_HOLD', summary: '暂缓办理（去函）' },
  { id: 'T10', action: 'resume', from: ['ON_HOLD'], actors: ['receiver'], to: 'RECEIVER_REVIEW', summary: '复函后恢复办理' },
  { id: 'T11', action: 'accept', from: ['RECEIVER_REVIEW'], actors: ['receiver'], to: 'ACCEPTED', summary: '同意接收' },
  { id: 'T12', action: 'return', from: ['RECEIVER_REVIEW'], actors: ['receiver'], to: 'RETURNED_BY_RECEIVER', summary: '接收方按编码原因退回' },
  { id: 'T13', action: 'reissue', from: ['RETURNED_BY_RECEIVER'], actors: ['issuer'], to: 'ISSUER_REVIEW', summary: '纠正后重新开具（原介绍信作废）' },
  { id: 'T13', action: 'void', from: ['RETURNED_BY_RECEIVER'], actors: ['issuer', 'orgdept'], to: 'VOIDED', summary: '退回后撤销' },
  { id: 'T14', action: 'complete', from: ['ACCEPTED'], actors: ['receiver'], to: 'COMPLETED', summary: '编入支部（正式组织关系原子切换）' },
  { id: 'T15', action: 'receipt', from: ['COMPLETED'], actors: ['receiver'], to: 'RECEIPT_SENT', summary: '回执反馈开具组织' },
  // The 回执 of a letter that left the portal arrives by post, usually after the validity: its date of receipt decides.
  { id: 'T15', action: 'receipt', from: ['ISSUED', 'EXPIRED'], actors: ['issuer'], to: 'RECEIPT_SENT', summary: '目录外接收组织：开具组织登记纸质回执' },
  { id: 'T16', action: 'expire', from: ['ISSUED', 'RETURNED_BY_RECEIVER'], actors: ['system'], to: 'EXPIRED', summary: '介绍信过期' },
  { id: 'T17', action: 'reissue', from: ['EXPIRED', 'VOIDED'], actors: ['from_branch', 'issuer', 'orgdept'], to: 'ISSUER_REVIEW', newCase: true, summary: '过期或遗失后重新开具（新案件）' },
  { id: 'T18', action: 'void', from: ['ISSUED', 'RECEIVER_REVIEW', 'ON_HOLD', 'ACCEPTED'], actors: ['issuer', 'orgdept'], to: 'VOIDED', summary: '遗失或撤销' },
  { id: 'T18', action: 'void', from: PRE_ISSUE_OPEN, actors: ['orgdept'], to: 'VOIDED', summary: '组织部撤销' },
  { id: 'T18', action: 'void', from: OPEN_STATES, actors: ['system'], to: 'VOIDED', summary: '党籍停止或除名：在办案件作废' },
  { id: 'T19', action: 'reroute', from: OPEN_STATES, actors: ['system'], to: 'same', summary: '党组织撤销：改由上级党委办理' },
  { id: 'TI', action: 'register_incoming', from: [null], actors: ['receiver', 'orgdept'], to: 'ISSUED', summary: '接收方登记外省/目录外转入介绍信' },
];

// --- the decision -------------------------------------------------------------------------------------------------

/** A letter whose expires_at has passed, not yet registered by the receiver (T8 freezes the clock). */
export function letterExpired(c: Pick<CaseFacts, 'state' | 'expiresAt' | 'openedAt'>, now: Date): boolean {
  return !!c.state && (c.state === 'ISSUED' || c.state === 'RETURNED_BY_RECEIVER') && !c.openedAt && !!c.expiresAt && now.getTime() >= c.expiresAt.getTime();
}

/** The state the case is in now: EXPIRED as soon as the clock passes expires_at, whether or not the job ran. */
export function effectiveState(c: Pick<CaseFacts, 'state' | 'expiresAt' | 'openedAt'>, now: Date): TransferState | null {
  return letterExpired(c, now) ? 'EXPIRED' : c.state;
}

/** What the service knows beyond the case itself, for the guards. Omitted facts are not checked. */
export interface GuardFacts {
  member?: { partyStatus: string; membershipType: 'formal' | 'probationary'; probationEndDate: string | null; lastDuesMonth: string | null };
  /** T1: another open case of the member exists. */
  otherOpenCase?: boolean;
  /** The target organisation (in the directory), when the case or the request names one. */
  target?: OrgNode | null;
  /** T7 at ISSUER_REVIEW: the issuing committee holding the case. */
  handler?: OrgNode | null;
  /** T14: the receiving committee and the chosen branch. */
  receivingCommittee?: OrgNode | null;
  branch?: OrgNode | null;
  category?: TransferCategory;
}

export interface DecideParams {
  validityDays?: number;
  reasonCode?: ReturnReasonCode;
  comment?: string;
  /** TI: when the incoming letter was issued and for how long. */
  issuedAt?: Date;
  /** T15 off-directory: the date (YYYY-MM-DD, Jingdezhen) on the paper 回执 when the receiver took the letter. */
  receivedOn?: string;
}

export type Decision =
  | { ok: true; transition: TransitionDef; actorKind: ActorKind; next: TransferState | 'same' | 'routed'; newCase: boolean; recordExpiryFirst: boolean; validityDays?: number }
  /** `reason`: a stable slug (lib/i18n party-transfer refusal messages), e.g. 'dues', 'issuer_no_authority'. */
  | { ok: false; code: RefusalCode; reason: RefusalReason; field?: string };

export const REFUSAL_REASONS = [
  'state',
  'actor',
  'member_status',
  'dues',
  'probation',
  'target_dissolved',
  'validity_range',
  'validity_max',
  'open_case',
  'reason_required',
  'reason_code_required',
  'issuer_no_authority',
  'expired',
  'branch_required',
  'branch_dissolved',
  'not_a_branch',
  'branch_outside',
  'receiver_completes',
  'received_on_future',
  'not_expired',
  'no_letter',
  'incoming_reissue',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

const refuse = (code: RefusalCode, reason: RefusalReason, field?: string): Decision => ({ ok: false, code, reason, ...(field ? { field } : {}) });

/** Dues paid through the current (Jingdezhen) month: 四川 practice “党费应交至转出当月”. */
export const duesPaidThroughCurrentMonth = (lastDuesMonth: string | null, now: Date): boolean => !!lastDuesMonth && lastDuesMonth >= localMonth(now);
/** A probationary member whose probation ended without 转正 (§1.9). */
export const probationExpired = (m: { membershipType: string; probationEndDate: string | null }, now: Date): boolean =>
  m.membershipType === 'probationary' && !!m.probationEndDate && m.probationEndDate < localDate(now);

/**
 * Decides one action. Order: the state allows the action (else TRANSITION_NOT_ALLOWED) → the actor stands to the
 * case in a kind the transition accepts (else WRONG_ORG for an organisation's account in the wrong place,
 * NOT_ALLOWED otherwise) → the guards (the letter's validity, dues, probation, dissolved organisations, …).
 */
export function decide(action: TransferAction, c: CaseFacts, actor: ActorFacts, now: Date, facts: GuardFacts = {}, params: DecideParams = {}): Decision {
  const expiredNow = letterExpired(c, now);
  // A reissue of a letter that has run out is T17 even before the job recorded the expiry.
  const matchState = action === 'reissue' && expiredNow ? 'EXPIRED' : c.state;
  const rows = TRANSITIONS.filter((t) => t.action === action && t.from.includes(matchState));
  if (!rows.length) return refuse('TRANSITION_NOT_ALLOWED', 'state');
  const kinds = actorKinds(c, actor);
  const row = rows.find((t) => t.actors.some((k) => kinds.includes(k)));
  if (!row) {
    const orgAccount = actor.role === 'branch_secretary' || actor.role === 'org_admin';
    const wanted = rows.flatMap((t) => t.actors);
    return refuse(orgAccount && wanted.some((k) => ORG_KINDS.includes(k)) ? 'WRONG_ORG' : 'NOT_ALLOWED', 'actor');
  }
  const actorKind = row.actors.find((k) => kinds.includes(k))!;
  const guard = checkGuards(row, c, now, facts, params, expiredNow);
  if (guard) return guard;
  return {
    ok: true,
    transition: row,
    actorKind,
    next: row.to,
    newCase: !!row.newCase,
    recordExpiryFirst: row.id === 'T17' && c.state !== 'EXPIRED' && c.state !== 'VOIDED',
    ...(row.id === 'T7' || row.id === 'TI' ? { validityDays: params.validityDays ?? defaultValidityDays(facts.category ?? 'in_province') } : {}),
  };
}

function memberGuards(facts: GuardFacts, now: Date, opts: { dues?: boolean; probation?: boolean }): Decision | null {
  const m = facts.member;
  if (!m) return null;
  if (m.partyStatus !== 'NORMAL') return refuse('NOT_ALLOWED', 'member_status');
  if (opts.dues && !duesPaidThroughCurrentMonth(m.lastDuesMonth, now)) return refuse('DUES_ARREARS', 'dues');
  if (opts.probation && probationExpired(m, now)) return refuse('PROBATION_EXPIRED', 'probation');
  return null;
}

function targetGuard(facts: GuardFacts): Decision | null {
  if (facts.target && facts.target.status !== 'ACTIVE') return refuse('ORG_DISSOLVED', 'target_dissolved', 'toOrgId');
  return null;
}

function validityGuard(params: DecideParams): Decision | null {
  if (params.validityDays === undefined) return null;
  if (!Number.isInteger(params.validityDays) || params.validityDays < 1) return refuse('VALIDATION_FAILED', 'validity_range', 'validityDays');
  if (params.validityDays > VALIDITY_MAX) return refuse('VALIDITY_TOO_LONG', 'validity_max', 'validityDays');
  return null;
}

function checkGuards(row: TransitionDef, c: CaseFacts, now: Date, facts: GuardFacts, params: DecideParams, expiredNow: boolean): Decision | null {
  switch (row.id) {
    case 'T1':
      return memberGuards(facts, now, {}) ?? (facts.otherOpenCase ? refuse('OPEN_CASE_EXISTS', 'open_case') : null) ?? targetGuard(facts);
    case 'T2':
      return targetGuard(facts);
    case 'T3':
      return memberGuards(facts, now, { dues: true, probation: true });
    case 'T4':
      return params.comment?.trim() ? null : refuse('VALIDATION_FAILED', 'reason_required', 'comment');
    case 'T7': {
      if (row.from.includes('ISSUER_REVIEW') && facts.handler && !hasTransferAuthority(facts.handler)) return refuse('NOT_ALLOWED', 'issuer_no_authority');
      return validityGuard(params) ?? (c.offDirectory ? null : targetGuard(facts)) ?? memberGuards(facts, now, {});
    }
    case 'T8':
      return expiredNow ? refuse('LETTER_EXPIRED', 'expired') : null;
    case 'T9':
      return params.comment?.trim() ? null : refuse('VALIDATION_FAILED', 'reason_required', 'comment');
    case 'T11':
      return memberGuards(facts, now, { probation: true });
    case 'T12':
      if (!params.reasonCode) return refuse('VALIDATION_FAILED', 'reason_code_required', 'reasonCode');
      if (params.reasonCode === 'OTHER' && !params.comment?.trim()) return refuse('VALIDATION_FAILED', 'reason_required', 'comment');
      return null;
    case 'T13':
      if (expiredNow) return refuse('LETTER_EXPIRED', 'expired');
      if (row.action === 'reissue' && c.incoming) return refuse('TRANSITION_NOT_ALLOWED', 'incoming_reissue');
      if (row.action === 'void') return params.comment?.trim() ? null : refuse('VALIDATION_FAILED', 'reason_required', 'reason');
      return c.offDirectory ? null : targetGuard(facts);
    case 'T14': {
      const b = facts.branch;
      if (!b) return refuse('VALIDATION_FAILED', 'branch_required', 'branchId');
      if (b.status !== 'ACTIVE') return refuse('ORG_DISSOLVED', 'branch_dissolved', 'branchId');
      if (!(BRANCH_TYPES as readonly string[]).includes(b.orgType) || b.isExternal) return refuse('WRONG_ORG', 'not_a_branch', 'branchId');
      if (facts.receivingCommittee && !inSubtree(b, facts.receivingCommittee)) return refuse('WRONG_ORG', 'branch_outside', 'branchId');
      return null;
    }
    case 'T15':
      if (row.from.includes('ISSUED')) {
        if (!c.offDirectory) return refuse('TRANSITION_NOT_ALLOWED', 'receiver_completes');
        if (params.receivedOn) {
          const received = localDateStart(params.receivedOn);
          if (received.getTime() > now.getTime()) return refuse('VALIDATION_FAILED', 'received_on_future', 'receivedOn');
          if (c.expiresAt && received.getTime() >= c.expiresAt.getTime()) return refuse('LETTER_EXPIRED', 'expired');
          return null;
        }
        if (expiredNow || c.state === 'EXPIRED') return refuse('LETTER_EXPIRED', 'expired');
      }
      return null;
    case 'T16':
      return expiredNow ? null : refuse('TRANSITION_NOT_ALLOWED', 'not_expired');
    case 'T17':
      if (c.incoming) return refuse('TRANSITION_NOT_ALLOWED', 'incoming_reissue');
      if (c.state === 'VOIDED' && !c.letterNo) return refuse('TRANSITION_NOT_ALLOWED', 'no_letter');
      return memberGuards(facts, now, {}) ?? (facts.otherOpenCase ? refuse('OPEN_CASE_EXISTS', 'open_case') : null) ?? (c.offDirectory ? null : targetGuard(facts));
    case 'T18':
      if (expiredNow) return refuse('LETTER_EXPIRED', 'expired');
      return row.actors.includes('system') ? null : params.comment?.trim() ? null : refuse('VALIDATION_FAILED', 'reason_required', 'reason');
    case 'TI': {
      const v = validityGuard(params);
      if (v) return v;
      if (params.issuedAt && params.validityDays !== undefined && now.getTime() >= letterExpiresAt(params.issuedAt, params.validityDays).getTime()) return refuse('LETTER_EXPIRED', 'expired');
      return targetGuard(facts) ?? memberGuards(facts, now, {}) ?? (facts.otherOpenCase ? refuse('OPEN_CASE_EXISTS', 'open_case') : null);
    }
    default:
      return null;
  }
}

/**
 * Which actions an actor could try on a case now (for pages: which buttons to show). Guards that need facts the
 * page does not have are not checked; the service decides again on submit.
 */
export function availableActions(c: CaseFacts, actor: ActorFacts, now: Date): CaseAction[] {
  return CASE_ACTIONS.filter((a) => {
    // A paper 回执 may carry a date of receipt inside the validity even when it is recorded later.
    const receivedOn = a === 'receipt' && c.offDirectory && c.expiresAt ? localDate(new Date(Math.min(c.expiresAt.getTime() - 1, now.getTime()))) : undefined;
    const d = decide(a, c, actor, now, {}, { comment: 'x', reasonCode: 'OTHER', receivedOn });
    return d.ok || (d.code !== 'TRANSITION_NOT_ALLOWED' && d.code !== 'NOT_ALLOWED' && d.code !== 'WRONG_ORG' && d.code !== 'LETTER_EXPIRED');
  });
}
