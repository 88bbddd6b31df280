/**
 * The TransferCase machine (domain-party.md §5.1), table-driven: every action × every state (and "no case yet") ×
 * every actor kind, allowed or refused with its exact code, against a specification written here independently
 * of the machine's own table; then each guard, the clock (expiry, T8 freeze, STEP_SLA) and the routing rules.
 */
import { describe, expect, it } from 'vitest';
import * as schema from '@/db/schema/party';
import {
  ACTOR_KINDS,
  TRANSFER_ACTIONS,
  TRANSFER_STATES,
  OPEN_STATES,
  actorKinds,
  addWorkingDays,
  availableActions,
  decide,
  districtCommitteeFor,
  effectiveState,
  formatLetterNo,
  issuingCommitteeFor,
  letterExpiresAt,
  localDate,
  maskName,
  receiptDueAt,
  receivingCommitteeFor,
  rerouteTargetFor,
  stepDeadlineFor,
  type ActorFacts,
  type ActorKind,
  type CaseFacts,
  type GuardFacts,
  type OrgNode,
  type TransferAction,
  type TransferState,
} from './transfer-machine';

// --- a small tree: 区委 D ⊃ 党工委 C (issues, receives) ⊃ branch B (from); D ⊃ committee R (receives) ⊃ branch T ------

const org = (id: string, path: string, o: Partial<OrgNode> = {}): OrgNode => ({
  id,
  parentId: path.split('/').filter(Boolean).slice(-2, -1)[0] ?? null,
  path,
  orgType: 'branch',
  mayIssue: false,
  mayReceive: false,
  hasProbationaryApproval: false,
  status: 'ACTIVE',
  ...o,
});
const D = org('D', '/D/', { orgType: 'district_committee', mayIssue: true, mayReceive: true, hasProbationaryApproval: true });
const C = org('C', '/D/C/', { orgType: 'working_committee', mayIssue: true, mayReceive: true, hasProbationaryApproval: true });
const B = org('B', '/D/C/B/');
const R = org('R', '/D/R/', { orgType: 'primary_committee', mayReceive: true, mayIssue: true, hasProbationaryApproval: true });
const T = org('T', '/D/R/T/');
const ORGS = new Map([D, C, B, R, T].map((o) => [o.id, o]));

const NOW = new Date('2026-12-04T02:00:00Z'); // Friday 10:00 in Jingdezhen
const LATER = new Date('2027-06-01T02:00:00Z');

const ISSUED_OR_LATER: readonly TransferState[] = ['ISSUED', 'RECEIVER_REVIEW', 'ON_HOLD', 'ACCEPTED', 'COMPLETED', 'RECEIPT_SENT', 'RETURNED_BY_RECEIVER', 'EXPIRED', 'VOIDED'];
function handlerIn(state: TransferState | null): string | null {
  switch (state) {
    case null:
      return 'R'; // an incoming registration is decided with the receiving committee as handler
    case 'BRANCH_REVIEW':
      return 'B';
    case 'ISSUER_REVIEW':
    case 'RETURNED_BY_RECEIVER':
      return 'C';
    case 'ORGDEPT_REVIEW':
      return 'D';
    case 'ISSUED':
    case 'RECEIVER_REVIEW':
    case 'ON_HOLD':
    case 'ACCEPTED':
    case 'COMPLETED':
      return 'R';
    default:
      return null;
  }
}

function caseIn(state: TransferState | null, o: Partial<CaseFacts> = {}): CaseFacts {
  const issued = !!state && ISSUED_OR_LATER.includes(state);
  return {
    state,
    memberUserId: 'u-member',
    fromOrgId: 'B',
    currentHandlerOrgId: handlerIn(state),
    issuingHops: issued ? ['C'] : [],
    offDirectory: false,
    expiresAt: issued ? new Date('2027-01-04T16:00:00Z') : null,
    openedAt: state && ['RECEIVER_REVIEW', 'ON_HOLD', 'ACCEPTED', 'COMPLETED', 'RECEIPT_SENT'].includes(state) ? new Date('2026-12-01T00:00:00Z') : null,
    letterNo: issued ? formatLetterNo(2026, 1) : null,
    ...o,
  };
}

const ACTORS: Record<ActorKind, ActorFacts> = {
  member: { role: 'talent', userId: 'u-member', orgId: null },
  from_branch: { role: 'branch_secretary', userId: 'u-b', orgId: 'B' },
  issuer: { role: 'branch_secretary', userId: 'u-c', orgId: 'C' },
  orgdept: { role: 'org_admin', userId: 'u-od', orgId: null, districtOrgIds: ['D'] },
  receiver: { role: 'branch_secretary', userId: 'u-r', orgId: 'R' },
  system: { role: 'system', userId: null, orgId: null },
};

/** Facts under which every guard passes. */
const PASSING: GuardFacts = {
  member: { partyStatus: 'NORMAL', membershipType: 'formal', probationEndDate: null, lastDuesMonth: '2026-12' },
  otherOpenCase: false,
  target: T,
  handler: C,
  receivingCommittee: R,
  branch: T,
  category: 'in_province',
};
const PARAMS = { comment: '材料齐全', reasonCode: 'FILE_DEFECT' as const, validityDays: 30 };

// --- the specification: who may fire each action from each state (§5.1) ------------------------------------------

type Spec = Partial<Record<TransferState | 'none', readonly ActorKind[]>>;
const m = 'member',
  fb = 'from_branch',
  iss = 'issuer',
  od = 'orgdept',
  rc = 'receiver',
  sys = 'system';
const openAll = (kinds: readonly ActorKind[]): Spec => Object.fromEntries(OPEN_STATES.map((s) => [s, kinds]));
const SPEC: Record<TransferAction, Spec> = {
  create: { none: [m, fb] }, // T1
  submit: { DRAFT: [m, fb], RETURNED_FOR_EDIT: [m, fb] }, // T2
  approve: { BRANCH_REVIEW: [fb] }, // T3
  return: { BRANCH_REVIEW: [fb], ISSUER_REVIEW: [iss], ORGDEPT_REVIEW: [od], RECEIVER_REVIEW: [rc] }, // T4, T12
  withdraw: { DRAFT: [m, fb], BRANCH_REVIEW: [m, fb], ISSUER_REVIEW: [m, fb], RETURNED_FOR_EDIT: [m, fb] }, // T5
  escalate: { ISSUER_REVIEW: [iss] }, // T6
  issue: { ISSUER_REVIEW: [iss], ORGDEPT_REVIEW: [od] }, // T7
  open: { ISSUED: [rc] }, // T8
  hold: { RECEIVER_REVIEW: [rc] }, // T9
  resume: { ON_HOLD: [rc] }, // T10
  accept: { RECEIVER_REVIEW: [rc] }, // T11
  complete: { ACCEPTED: [rc] }, // T14
  receipt: { COMPLETED: [rc], ISSUED: [iss], EXPIRED: [iss] }, // T15 (ISSUED, EXPIRED: off-directory targets only)
  expire: { ISSUED: [sys], RETURNED_BY_RECEIVER: [sys] }, // T16 (only once expires_at has passed)
  void: {
    ...openAll([od, sys]),
    ISSUED: [iss, od, sys],
    RECEIVER_REVIEW: [iss, od, sys],
    ON_HOLD: [iss, od, sys],
    ACCEPTED: [iss, od, sys],
    RETURNED_BY_RECEIVER: [iss, od, sys],
  }, // T13, T18
  reissue: { RETURNED_BY_RECEIVER: [iss], EXPIRED: [fb, iss, od], VOIDED: [fb, iss, od] }, // T13, T17
  reroute: openAll([sys]), // T19
  register_incoming: { none: [rc, od] }, // incoming letters
};

const ORG_KIND = new Set<ActorKind>(['from_branch', 'issuer', 'orgdept', 'receiver']);
function expected(action: TransferAction, state: TransferState | null, kind: ActorKind): string {
  const allowed = SPEC[action][state ?? 'none'];
  if (!allowed) return 'TRANSITION_NOT_ALLOWED';
  if (!allowed.includes(kind)) {
    const orgAccount = kind !== 'member' && kind !== 'system';
    return orgAccount && allowed.some((k) => ORG_KIND.has(k)) ? 'WRONG_ORG' : 'NOT_ALLOWED';
  }
  // Allowed by actor and state; guards that fail with the passing facts of an in-directory, unexpired letter:
  if (action === 'expire') return 'TRANSITION_NOT_ALLOWED'; // not expired yet
  if (action === 'receipt' && (state === 'ISSUED' || state === 'EXPIRED')) return 'TRANSITION_NOT_ALLOWED'; // the receiver in the portal completes first
  return 'ok';
}

describe('the machine mirrors the schema', () => {
  it('has the same states and actions as db/schema/party.ts and the same open states as the partial unique index', () => {
    expect([...TRANSFER_STATES]).toEqual([...schema.TRANSFER_STATES]);
    expect([...TRANSFER_ACTIONS]).toEqual([...schema.TRANSFER_ACTIONS]);
    expect([...OPEN_STATES]).toEqual([...schema.OPEN_TRANSFER_STATES]);
  });
});

describe('every action × every state × every actor kind', () => {
  const states: (TransferState | null)[] = [null, ...TRANSFER_STATES];
  const cases = TRANSFER_ACTIONS.flatMap((action) => states.flatMap((state) => ACTOR_KINDS.map((kind) => [action, state, kind, expected(action, state, kind)] as const)));
  it('covers 18 actions × 16 states × 6 kinds', () => expect(cases).toHaveLength(18 * 16 * 6));
  it.each(cases)('%s from %s by %s → %s', (action, state, kind, want) => {
    const c = caseIn(state);
    // The account of each kind (the receiving committee's secretary is `receiver` only while it holds the case).
    if (want === 'ok') expect(actorKinds(c, ACTORS[kind]), `fixture gives ${kind} its kind`).toContain(kind);
    const d = decide(action, c, ACTORS[kind], NOW, PASSING, PARAMS);
    expect(d.ok ? 'ok' : d.code).toBe(want);
  });
});

describe('next states', () => {
  const go = (action: TransferAction, state: TransferState | null, kind: ActorKind, params = PARAMS, facts = PASSING) => {
    const d = decide(action, caseIn(state), ACTORS[kind], NOW, facts, params);
    if (!d.ok) throw new Error(`${action}: ${d.code} ${d.reason}`);
    return d;
  };
  it.each([
    ['create', null, 'member', 'DRAFT', 'T1'],
    ['submit', 'DRAFT', 'member', 'BRANCH_REVIEW', 'T2'],
    ['submit', 'RETURNED_FOR_EDIT', 'from_branch', 'BRANCH_REVIEW', 'T2'],
    ['approve', 'BRANCH_REVIEW', 'from_branch', 'routed', 'T3'],
    ['return', 'ISSUER_REVIEW', 'issuer', 'RETURNED_FOR_EDIT', 'T4'],
    ['withdraw', 'ISSUER_REVIEW', 'member', 'WITHDRAWN', 'T5'],
    ['escalate', 'ISSUER_REVIEW', 'issuer', 'ORGDEPT_REVIEW', 'T6'],
    ['issue', 'ORGDEPT_REVIEW', 'orgdept', 'ISSUED', 'T7'],
    ['open', 'ISSUED', 'receiver', 'RECEIVER_REVIEW', 'T8'],
    ['hold', 'RECEIVER_REVIEW', 'receiver', 'ON_HOLD', 'T9'],
    ['resume', 'ON_HOLD', 'receiver', 'RECEIVER_REVIEW', 'T10'],
    ['accept', 'RECEIVER_REVIEW', 'receiver', 'ACCEPTED', 'T11'],
    ['return', 'RECEIVER_REVIEW', 'receiver', 'RETURNED_BY_RECEIVER', 'T12'],
    ['reissue', 'RETURNED_BY_RECEIVER', 'issuer', 'ISSUER_REVIEW', 'T13'],
    ['void', 'RETURNED_BY_RECEIVER', 'issuer', 'VOIDED', 'T13'],
    ['complete', 'ACCEPTED', 'receiver', 'COMPLETED', 'T14'],
    ['receipt', 'COMPLETED', 'receiver', 'RECEIPT_SENT', 'T15'],
    ['reissue', 'EXPIRED', 'from_branch', 'ISSUER_REVIEW', 'T17'],
    ['void', 'ACCEPTED', 'orgdept', 'VOIDED', 'T18'],
    ['reroute', 'ON_HOLD', 'system', 'same', 'T19'],
    ['register_incoming', null, 'receiver', 'ISSUED', 'TI'],
  ] as const)('%s from %s by %s → %s (%s)', (action, state, kind, next, id) => {
    const d = go(action, state, kind);
    expect(d.next).toBe(next);
    expect(d.transition.id).toBe(id);
  });
  it('T17 opens a new case; from an expired letter the job may not have run yet (the service records the expiry first)', () => {
    expect(go('reissue', 'EXPIRED', 'issuer')).toMatchObject({ newCase: true, recordExpiryFirst: false });
    const d = decide('reissue', caseIn('ISSUED'), ACTORS.issuer, LATER, PASSING, PARAMS);
    expect(d).toMatchObject({ ok: true, newCase: true, recordExpiryFirst: true });
  });
  it('issue takes the validity asked for, else 30 days in the province and 90 across provinces', () => {
    expect(go('issue', 'ISSUER_REVIEW', 'issuer', { ...PARAMS, validityDays: 45 }).validityDays).toBe(45);
    expect(go('issue', 'ISSUER_REVIEW', 'issuer', { comment: '' } as never).validityDays).toBe(30);
    expect(go('issue', 'ISSUER_REVIEW', 'issuer', { comment: '' } as never, { ...PASSING, category: 'cross_province' }).validityDays).toBe(90);
  });
});

describe('guards', () => {
  const refusal = (action: TransferAction, state: TransferState | null, kind: ActorKind, facts: GuardFacts = PASSING, params: object = PARAMS, at = NOW, c: Partial<CaseFacts> = {}) => {
    const d = decide(action, caseIn(state, c), ACTORS[kind], at, facts, params);
    return d.ok ? 'ok' : d.code;
  };
  const member = PASSING.member!;

  it('T1: a member not in NORMAL standing, or with an open case, cannot open another; a dissolved target is refused', () => {
    expect(refusal('create', null, 'member', { ...PASSING, member: { ...member, partyStatus: 'STOPPED' } })).toBe('NOT_ALLOWED');
    expect(refusal('create', null, 'member', { ...PASSING, otherOpenCase: true })).toBe('OPEN_CASE_EXISTS');
    expect(refusal('create', null, 'from_branch', { ...PASSING, target: { ...T, status: 'DISSOLVED' } })).toBe('ORG_DISSOLVED');
    expect(refusal('submit', 'DRAFT', 'member', { ...PASSING, target: { ...T, status: 'DISSOLVED' } })).toBe('ORG_DISSOLVED');
  });

  it('T3: dues through the current Jingdezhen month; probation not expired; not stopped', () => {
    expect(refusal('approve', 'BRANCH_REVIEW', 'from_branch', { ...PASSING, member: { ...member, lastDuesMonth: '2026-11' } })).toBe('DUES_ARREARS');
    expect(refusal('approve', 'BRANCH_REVIEW', 'from_branch', { ...PASSING, member: { ...member, lastDuesMonth: null } })).toBe('DUES_ARREARS');
    expect(refusal('approve', 'BRANCH_REVIEW', 'from_branch', { ...PASSING, member: { ...member, lastDuesMonth: '2027-02' } })).toBe('ok'); // paid ahead
    // 2026-11-30T17:00Z is already December in Jingdezhen: November dues are arrears there.
    expect(refusal('approve', 'BRANCH_REVIEW', 'from_branch', { ...PASSING, member: { ...member, lastDuesMonth: '2026-11' } }, PARAMS, new Date('2026-11-30T17:00:00Z'))).toBe('DUES_ARREARS');
    expect(refusal('approve', 'BRANCH_REVIEW', 'from_branch', { ...PASSING, member: { ...member, lastDuesMonth: '2026-11' } }, PARAMS, new Date('2026-11-30T15:59:00Z'))).toBe('ok');
    const probationer = { ...member, membershipType: 'probationary' as const, probationEndDate: '2026-12-03' };
    expect(refusal('approve', 'BRANCH_REVIEW', 'from_branch', { ...PASSING, member: probationer })).toBe('PROBATION_EXPIRED');
    expect(refusal('approve', 'BRANCH_REVIEW', 'from_branch', { ...PASSING, member: { ...probationer, probationEndDate: '2026-12-04' } })).toBe('ok');
    expect(refusal('approve', 'BRANCH_REVIEW', 'from_branch', { ...PASSING, member: { ...member, partyStatus: 'STRUCK_OFF' } })).toBe('NOT_ALLOWED');
  });

  it('T4/T9/T12/T18: returns, holds and voids need a reason; T12 a coded one (OTHER explained)', () => {
    expect(refusal('return', 'BRANCH_REVIEW', 'from_branch', PASSING, { comment: '  ' })).toBe('VALIDATION_FAILED');
    expect(refusal('return', 'RECEIVER_REVIEW', 'receiver', PASSING, { comment: '档案不全' })).toBe('VALIDATION_FAILED');
    expect(refusal('return', 'RECEIVER_REVIEW', 'receiver', PASSING, { reasonCode: 'OTHER' })).toBe('VALIDATION_FAILED');
    expect(refusal('return', 'RECEIVER_REVIEW', 'receiver', PASSING, { reasonCode: 'OTHER', comment: '单位信息不符' })).toBe('ok');
    expect(refusal('return', 'RECEIVER_REVIEW', 'receiver', PASSING, { reasonCode: 'WRONG_TARGET' })).toBe('ok');
    expect(refusal('void', 'ISSUED', 'issuer', PASSING, {})).toBe('VALIDATION_FAILED');
    expect(refusal('void', 'RETURNED_BY_RECEIVER', 'issuer', PASSING, {})).toBe('VALIDATION_FAILED');
    expect(refusal('void', 'ISSUED', 'system', PASSING, {})).toBe('ok');
    expect(refusal('hold', 'RECEIVER_REVIEW', 'receiver', PASSING, {})).toBe('VALIDATION_FAILED');
  });

  it('T7: validity 1..90 (VALIDITY_TOO_LONG above); only an issuer with transfer authority issues, else escalate', () => {
    expect(refusal('issue', 'ISSUER_REVIEW', 'issuer', PASSING, { validityDays: 91 })).toBe('VALIDITY_TOO_LONG');
    expect(refusal('issue', 'ORGDEPT_REVIEW', 'orgdept', PASSING, { validityDays: 365 })).toBe('VALIDITY_TOO_LONG');
    expect(refusal('issue', 'ISSUER_REVIEW', 'issuer', PASSING, { validityDays: 90 })).toBe('ok');
    expect(refusal('issue', 'ISSUER_REVIEW', 'issuer', PASSING, { validityDays: 0 })).toBe('VALIDATION_FAILED');
    expect(refusal('issue', 'ISSUER_REVIEW', 'issuer', PASSING, { validityDays: 2.5 })).toBe('VALIDATION_FAILED');
    const noAuthority = { ...PASSING, handler: { ...C, hasProbationaryApproval: false } };
    expect(refusal('issue', 'ISSUER_REVIEW', 'issuer', noAuthority)).toBe('NOT_ALLOWED');
    expect(refusal('escalate', 'ISSUER_REVIEW', 'issuer', noAuthority)).toBe('ok');
    expect(refusal('issue', 'ISSUER_REVIEW', 'issuer', { ...PASSING, target: { ...T, status: 'DISSOLVED' } })).toBe('ORG_DISSOLVED');
    // an off-directory target has no directory row to check
    expect(refusal('issue', 'ISSUER_REVIEW', 'issuer', { ...PASSING, target: null }, PARAMS, NOW, { offDirectory: true })).toBe('ok');
  });

  it('T11: a probationer whose probation ran out is not accepted', () => {
    const probationer = { ...member, membershipType: 'probationary' as const, probationEndDate: '2026-10-01' };
    expect(refusal('accept', 'RECEIVER_REVIEW', 'receiver', { ...PASSING, member: probationer })).toBe('PROBATION_EXPIRED');
  });

  it('T14: an active branch inside the receiving committee, never a committee, a party group or a dissolved branch', () => {
    expect(refusal('complete', 'ACCEPTED', 'receiver', { ...PASSING, branch: null })).toBe('VALIDATION_FAILED');
    expect(refusal('complete', 'ACCEPTED', 'receiver', { ...PASSING, branch: { ...T, status: 'DISSOLVED' } })).toBe('ORG_DISSOLVED');
    expect(refusal('complete', 'ACCEPTED', 'receiver', { ...PASSING, branch: B })).toBe('WRONG_ORG'); // under C, not R
    expect(refusal('complete', 'ACCEPTED', 'receiver', { ...PASSING, branch: R })).toBe('WRONG_ORG'); // a committee
    expect(refusal('complete', 'ACCEPTED', 'receiver', { ...PASSING, branch: { ...T, orgType: 'party_group' } })).toBe('WRONG_ORG');
    expect(refusal('complete', 'ACCEPTED', 'receiver', { ...PASSING, branch: { ...T, orgType: 'mobile_branch' } })).toBe('ok');
  });

  it('T15: for a target outside the directory the issuer records the paper receipt at ISSUED', () => {
    const off = { offDirectory: true, currentHandlerOrgId: 'C' };
    expect(refusal('receipt', 'ISSUED', 'issuer', PASSING, PARAMS, NOW, off)).toBe('ok');
    expect(refusal('receipt', 'ISSUED', 'receiver', PASSING, PARAMS, NOW, off)).toBe('WRONG_ORG');
    expect(refusal('open', 'ISSUED', 'receiver', PASSING, PARAMS, NOW, off)).toBe('WRONG_ORG'); // nobody in the portal receives it
    expect(refusal('receipt', 'ISSUED', 'issuer', PASSING, PARAMS, LATER, off)).toBe('LETTER_EXPIRED');
  });

  it('T15: the paper 回执 of an off-directory letter arrives after the validity; its date of receipt decides', () => {
    // The receiver outside the portal registered the member within validity (expires 2027-01-05 00:00 in Jingdezhen)
    // and mailed the 回执 within a month: recorded after expiry, by the job (EXPIRED) or not yet (ISSUED).
    const off = { offDirectory: true, currentHandlerOrgId: 'C' };
    const inTime = { ...PARAMS, receivedOn: '2027-01-04' };
    const late = { ...PARAMS, receivedOn: '2027-01-05' };
    expect(refusal('receipt', 'ISSUED', 'issuer', PASSING, inTime, LATER, off)).toBe('ok');
    expect(refusal('receipt', 'EXPIRED', 'issuer', PASSING, inTime, LATER, off)).toBe('ok');
    expect(refusal('receipt', 'EXPIRED', 'issuer', PASSING, late, LATER, off)).toBe('LETTER_EXPIRED');
    expect(refusal('receipt', 'EXPIRED', 'issuer', PASSING, PARAMS, LATER, off)).toBe('LETTER_EXPIRED'); // no date: nothing proves it
    expect(refusal('receipt', 'ISSUED', 'issuer', PASSING, { ...PARAMS, receivedOn: '2026-12-05' }, NOW, off)).toBe('VALIDATION_FAILED'); // tomorrow
    expect(refusal('receipt', 'EXPIRED', 'issuer', PASSING, inTime, LATER)).toBe('TRANSITION_NOT_ALLOWED'); // in the directory: the receiver completes
    expect(availableActions(caseIn('EXPIRED', off), ACTORS.issuer, LATER)).toContain('receipt');
    expect(availableActions(caseIn('EXPIRED'), ACTORS.issuer, LATER)).not.toContain('receipt');
  });

  it('incoming letters: validity ≤ 90, not already expired, target active, no other open case', () => {
    const issuedAt = new Date('2026-11-20T00:00:00+08:00');
    expect(refusal('register_incoming', null, 'receiver', PASSING, { issuedAt, validityDays: 30 })).toBe('ok');
    expect(refusal('register_incoming', null, 'orgdept', PASSING, { issuedAt, validityDays: 120 })).toBe('VALIDITY_TOO_LONG');
    expect(refusal('register_incoming', null, 'receiver', PASSING, { issuedAt, validityDays: 10 })).toBe('LETTER_EXPIRED');
    expect(refusal('register_incoming', null, 'receiver', { ...PASSING, target: { ...T, status: 'DISSOLVED' } }, { issuedAt, validityDays: 30 })).toBe('ORG_DISSOLVED');
    expect(refusal('register_incoming', null, 'receiver', { ...PASSING, otherOpenCase: true }, { issuedAt, validityDays: 30 })).toBe('OPEN_CASE_EXISTS');
    expect(refusal('register_incoming', null, 'from_branch', PASSING, { issuedAt, validityDays: 30 })).toBe('WRONG_ORG');
    expect(refusal('register_incoming', null, 'member', PASSING, { issuedAt, validityDays: 30 })).toBe('NOT_ALLOWED');
  });

  it('a letter registered from outside the portal is re-issued by its own issuer, never by the portal', () => {
    expect(refusal('reissue', 'EXPIRED', 'orgdept', PASSING, PARAMS, NOW, { incoming: true })).toBe('TRANSITION_NOT_ALLOWED');
    expect(refusal('reissue', 'RETURNED_BY_RECEIVER', 'issuer', PASSING, PARAMS, NOW, { incoming: true })).toBe('TRANSITION_NOT_ALLOWED');
  });

  it('T17 after a void needs a letter that existed; T17 refuses while another case is open', () => {
    expect(refusal('reissue', 'VOIDED', 'issuer', PASSING, PARAMS, NOW, { letterNo: null })).toBe('TRANSITION_NOT_ALLOWED');
    expect(refusal('reissue', 'EXPIRED', 'issuer', { ...PASSING, otherOpenCase: true })).toBe('OPEN_CASE_EXISTS');
  });
});

describe('the clock: expiry from expires_at, even if no job ran; T8 freezes it', () => {
  const issuedAt = new Date('2026-12-04T02:00:00Z'); // 10:00 on 4 December in Jingdezhen
  const expiresAt = letterExpiresAt(issuedAt, 30);
  it('a 30-day letter issued on 4 December is valid through 3 January and expires at 00:00 on 4 January (Jingdezhen)', () => {
    expect(expiresAt.toISOString()).toBe('2027-01-03T16:00:00.000Z');
    expect(letterExpiresAt(new Date('2026-12-04T16:30:00Z'), 1).toISOString()).toBe('2026-12-06T16:00:00.000Z'); // 00:30 on the 5th → through the 6th
  });
  const c = caseIn('ISSUED', { expiresAt });
  const justBefore = new Date(expiresAt.getTime() - 1);
  it('open is allowed up to the last millisecond and LETTER_EXPIRED from then on, without any job', () => {
    expect(decide('open', c, ACTORS.receiver, justBefore, PASSING).ok).toBe(true);
    expect(decide('open', c, ACTORS.receiver, expiresAt, PASSING)).toMatchObject({ ok: false, code: 'LETTER_EXPIRED' });
    expect(effectiveState(c, justBefore)).toBe('ISSUED');
    expect(effectiveState(c, expiresAt)).toBe('EXPIRED');
  });
  it('the job may record the expiry only once it is due; void of an expired letter is LETTER_EXPIRED (it is already dead)', () => {
    expect(decide('expire', c, ACTORS.system, justBefore)).toMatchObject({ ok: false, code: 'TRANSITION_NOT_ALLOWED' });
    expect(decide('expire', c, ACTORS.system, expiresAt)).toMatchObject({ ok: true, next: 'EXPIRED' });
    expect(decide('void', c, ACTORS.issuer, expiresAt, PASSING, PARAMS)).toMatchObject({ ok: false, code: 'LETTER_EXPIRED' });
  });
  it('once registered by the receiver (opened_at) the letter never expires: a hold cannot make it expire', () => {
    const opened = caseIn('ON_HOLD', { expiresAt, openedAt: justBefore });
    expect(effectiveState(opened, LATER)).toBe('ON_HOLD');
    expect(decide('resume', opened, ACTORS.receiver, LATER).ok).toBe(true);
    expect(decide('expire', { ...opened, state: 'ISSUED' }, ACTORS.system, LATER)).toMatchObject({ ok: false, code: 'TRANSITION_NOT_ALLOWED' });
  });
  it('a letter returned by the receiver runs against its expiry again (T16 from RETURNED_BY_RECEIVER); re-issue of it then opens a new case', () => {
    const returned = caseIn('RETURNED_BY_RECEIVER', { expiresAt, openedAt: null });
    expect(effectiveState(returned, LATER)).toBe('EXPIRED');
    expect(decide('reissue', returned, ACTORS.issuer, justBefore, PASSING, PARAMS)).toMatchObject({ ok: true, transition: { id: 'T13' } });
    expect(decide('reissue', returned, ACTORS.issuer, LATER, PASSING, PARAMS)).toMatchObject({ ok: true, transition: { id: 'T17' }, recordExpiryFirst: true });
  });
});

describe('STEP_SLA and receipts', () => {
  it('5 working days: a step begun on Friday is due at the end of the next Friday; weekends do not count', () => {
    expect(addWorkingDays(NOW, 5).toISOString()).toBe('2026-12-11T16:00:00.000Z');
    expect(addWorkingDays(new Date('2026-12-05T04:00:00Z'), 5).toISOString()).toBe('2026-12-11T16:00:00.000Z'); // Saturday
    expect(addWorkingDays(new Date('2026-12-07T04:00:00Z'), 5).toISOString()).toBe('2026-12-14T16:00:00.000Z'); // Monday
  });
  it('review states run against the SLA, the member’s own steps and holds do not; COMPLETED awaits the receipt for a month', () => {
    expect(stepDeadlineFor('BRANCH_REVIEW', NOW)).toEqual(addWorkingDays(NOW, 5));
    expect(stepDeadlineFor('DRAFT', NOW)).toBeNull();
    expect(stepDeadlineFor('ON_HOLD', NOW)).toBeNull();
    expect(stepDeadlineFor('ISSUED', NOW)).toBeNull();
    expect(stepDeadlineFor('COMPLETED', NOW)).toEqual(receiptDueAt(NOW));
    expect(localDate(receiptDueAt(new Date('2027-01-31T04:00:00Z')))).toBe('2027-03-01'); // through 28 February
    expect(localDate(receiptDueAt(new Date('2026-12-15T04:00:00Z')))).toBe('2027-01-16');
  });
});

describe('routing', () => {
  const W = org('W', '/D/W/', { orgType: 'working_committee', mayIssue: true, hasProbationaryApproval: false });
  const WB = org('WB', '/D/W/WB/');
  const X = org('X', '/D/X/', { orgType: 'primary_committee', status: 'DISSOLVED', mayReceive: true });
  const XB = org('XB', '/D/X/XB/');
  const G = org('G', '/D/R/T/G/', { orgType: 'party_group' });
  const orgs = new Map([D, C, B, R, T, W, WB, X, XB, G].map((o) => [o.id, o]));
  it('ISSUER_REVIEW: the nearest ancestor that may issue (even without authority: it then escalates)', () => {
    expect(issuingCommitteeFor(orgs, 'B')?.id).toBe('C');
    expect(issuingCommitteeFor(orgs, 'WB')?.id).toBe('W');
    expect(issuingCommitteeFor(orgs, 'XB')?.id).toBe('D'); // X is dissolved
    expect(issuingCommitteeFor(orgs, 'D')).toBeNull();
  });
  it('ISSUED: the nearest active ancestor-or-self that may receive', () => {
    expect(receivingCommitteeFor(orgs, 'T')?.id).toBe('R');
    expect(receivingCommitteeFor(orgs, 'G')?.id).toBe('R');
    expect(receivingCommitteeFor(orgs, 'R')?.id).toBe('R');
    expect(receivingCommitteeFor(orgs, 'XB')?.id).toBe('D');
  });
  it('ORGDEPT_REVIEW: the district committee; T19: the nearest active committee above the dissolved organisation', () => {
    expect(districtCommitteeFor(orgs, 'G')?.id).toBe('D');
    expect(rerouteTargetFor(orgs, 'T')?.id).toBe('R');
    expect(rerouteTargetFor(orgs, 'XB')?.id).toBe('D');
    expect(rerouteTargetFor(orgs, 'G')?.id).toBe('R'); // T is a branch, not a committee
  });
  it('org_admin acts as the district committee when it holds the case', () => {
    expect(actorKinds(caseIn('ISSUED', { currentHandlerOrgId: 'D' }), ACTORS.orgdept)).toEqual(expect.arrayContaining(['orgdept', 'receiver']));
    expect(actorKinds(caseIn('ISSUED'), ACTORS.orgdept)).toEqual(['orgdept']);
  });
  it('the orgs tree used above is consistent', () => expect(ORGS.size).toBe(5));
});

describe('letters and names', () => {
  it('letter numbers and masked names', () => {
    expect(formatLetterNo(2026, 7)).toBe('珠组转〔2026〕0007号');
    expect(maskName('陈思远')).toBe('陈**');
    expect(maskName('林瓷')).toBe('林*');
    expect(maskName('Emma Wright')).toBe('E*** W***');
  });
  it('available actions for the page', () => {
    expect(availableActions(caseIn('ISSUED'), ACTORS.receiver, NOW)).toEqual(['open']);
    expect(availableActions(caseIn('ISSUED'), ACTORS.issuer, NOW)).toEqual(['void']);
    expect(availableActions(caseIn('DRAFT'), ACTORS.member, NOW)).toEqual(['submit', 'withdraw']);
    expect(availableActions(caseIn('ISSUED'), ACTORS.receiver, LATER)).toEqual([]);
  });
});
