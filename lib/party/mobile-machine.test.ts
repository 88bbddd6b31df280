/**
 * The MobileRecord machine (domain-party.md §5.2 M1–M16), table-driven: every action × every state (and "no record
 * yet") × every role, allowed or refused with its exact code, against a specification written here independently of
 * the machine's own table; then each guard, the lapse flags with the §7.1 defaults at their boundaries, and the clock.
 */
import { describe, expect, it } from 'vitest';
import * as schema from '@/db/schema/party-mobile';
import {
  ENDED_STATES,
  LAPSE_FLAGS,
  MOBILE_ACTIONS,
  MOBILE_ROLES,
  MOBILE_STATES,
  addMonthsToDate,
  availableActions,
  decideMobile,
  deriveLapseFlags,
  hasArrived,
  mobileRoles,
  newlyRaised,
  reminderAt,
  reportDueAt,
  reportedState,
  type LapseFacts,
  type MobileAction,
  type MobileActorFacts,
  type MobileGuardFacts,
  type MobileOrgNode,
  type MobileRole,
  type MobileState,
  type RecordFacts,
} from './mobile-machine';

// --- a small tree: 区委 D ⊃ committee C ⊃ branches B1, B2 (⊃ group G); D ⊃ branch H (home, in the portal); X external --

const node = (id: string, path: string, o: Partial<MobileOrgNode> = {}): MobileOrgNode => ({ id, path, orgType: 'branch', status: 'ACTIVE', isExternal: false, ...o });
const D = node('D', '/D/', { orgType: 'district_committee' });
const C = node('C', '/D/C/', { orgType: 'primary_committee' });
const B1 = node('B1', '/D/C/B1/');
const B2 = node('B2', '/D/C/B2/', { orgType: 'mobile_branch' });
const G = node('G', '/D/C/B2/G/', { orgType: 'party_group' });
const H = node('H', '/D/H/');
const X = node('X', '/X/', { orgType: 'working_committee', isExternal: true });
const GONE = node('GONE', '/D/C/GONE/', { status: 'DISSOLVED' });

const NOW = new Date('2026-12-04T02:00:00Z'); // 10:00 in Jingdezhen

const MEMBER_USER = 'u-member';
const ACTORS: Record<MobileRole, MobileActorFacts> = {
  member: { role: 'talent', userId: MEMBER_USER },
  outflow: { role: 'branch_secretary', userId: 'u-home', org: H },
  inflow: { role: 'branch_secretary', userId: 'u-b2', org: B2 },
  orgdept: { role: 'org_admin', userId: 'u-orgdept' },
  system: { role: 'system', userId: null },
};
const OTHERS = {
  otherTalent: { role: 'talent', userId: 'u-other' },
  otherSecretary: { role: 'branch_secretary', userId: 'u-b1', org: B1 },
  committeeSecretary: { role: 'branch_secretary', userId: 'u-c', org: C },
  zoneStaff: { role: 'zone_staff', userId: 'u-zone' },
} satisfies Record<string, MobileActorFacts>;

/** A record in `state` whose home branch H is in the portal (so org_admin is only orgdept), reported to B2. */
function recordIn(state: MobileState | null, o: Partial<RecordFacts> = {}): RecordFacts {
  const reported = state === 'REPORT_SUBMITTED' || state === 'INFLOW_ACTIVE' || state === 'LAPSE_WATCH' || state === 'LOST_CONTACT' || (state !== null && ENDED_STATES.includes(state as never));
  const accepted = state === 'INFLOW_ACTIVE' || state === 'LAPSE_WATCH' || (state === 'LOST_CONTACT' && o.accepted !== false);
  return {
    state,
    memberUserId: MEMBER_USER,
    outflowOrg: H,
    inflowOrg: reported ? B2 : null,
    inflowBranch: accepted ? B2 : null,
    accepted,
    acceptedAt: accepted ? new Date('2026-01-10T02:00:00Z') : null,
    fixedEmployer: true,
    transferPromptedAt: null,
    hasCard: true,
    walkIn: true,
    outflowConfirmedAt: null,
    ...o,
  };
}

/** Facts and params that satisfy every guard, so the table tests only states and roles. */
const GOOD_FACTS: MobileGuardFacts = { member: { partyStatus: 'NORMAL' }, openRecord: false, formalOrgLocal: false, target: B1, branch: B2, actorOrg: B2, suggested: B1, basisDate: '2026-01-01' };
const GOOD_PARAMS = { reason: '地址不符', searchActionCount: 2, endReason: 'returned' };

// --- the specification, written independently ---------------------------------------------------------------------

const OPEN: readonly (MobileState | null)[] = ['OUTFLOW_REGISTERED', 'AWAITING_REPORT', 'REPORT_SUBMITTED', 'INFLOW_ACTIVE', 'LAPSE_WATCH', 'LOST_CONTACT'];
const MANAGED: readonly (MobileState | null)[] = ['INFLOW_ACTIVE', 'LAPSE_WATCH'];
const SPEC: Record<MobileAction, { from: readonly (MobileState | null)[]; roles: readonly MobileRole[] }[]> = {
  register_outflow: [{ from: [null], roles: ['outflow', 'orgdept'] }],
  walk_in: [{ from: [null], roles: ['member'] }],
  confirm_outflow: [{ from: OPEN, roles: ['outflow'] }],
  arrive: [{ from: ['OUTFLOW_REGISTERED'], roles: ['system'] }],
  report: [{ from: ['OUTFLOW_REGISTERED', 'AWAITING_REPORT'], roles: ['member'] }],
  accept: [{ from: ['REPORT_SUBMITTED'], roles: ['inflow'] }],
  redirect: [{ from: ['REPORT_SUBMITTED'], roles: ['inflow'] }],
  card_review: [{ from: MANAGED, roles: ['outflow', 'inflow'] }],
  flag: [{ from: ['OUTFLOW_REGISTERED', 'AWAITING_REPORT', ...MANAGED], roles: ['system'] }],
  lost_contact: [{ from: ['AWAITING_REPORT', ...MANAGED], roles: ['outflow', 'inflow'] }],
  restore: [{ from: ['LOST_CONTACT'], roles: ['outflow', 'orgdept'] }],
  end: [
    { from: MANAGED, roles: ['member', 'inflow', 'outflow', 'orgdept', 'system'] },
    { from: ['OUTFLOW_REGISTERED', 'AWAITING_REPORT', 'REPORT_SUBMITTED'], roles: ['outflow', 'orgdept', 'system'] },
    { from: ['LOST_CONTACT'], roles: ['system'] },
  ],
  transferred: [{ from: OPEN, roles: ['system'] }],
  prompt_transfer: [{ from: MANAGED, roles: ['system'] }],
};

const ALL_STATES: readonly (MobileState | null)[] = [null, ...MOBILE_STATES.filter((s) => s !== 'REDIRECTED')];

/** What the record must look like for a role to be reached at all (the inflow secretary needs a reported org). */
function expected(action: MobileAction, state: MobileState | null, role: MobileRole): 'ok' | string {
  // recordIn() makes INFLOW_ACTIVE, LAPSE_WATCH and LOST_CONTACT records accepted ones
  if (action === 'accept' && (state === 'INFLOW_ACTIVE' || state === 'LAPSE_WATCH' || state === 'LOST_CONTACT')) return 'ALREADY_ACCEPTED';
  if ((action === 'register_outflow' || action === 'walk_in') && state !== null && OPEN.includes(state)) return 'OPEN_RECORD_EXISTS';
  const rows = SPEC[action].filter((r) => r.from.includes(state));
  if (!rows.length) return 'TRANSITION_NOT_ALLOWED';
  // before 报到 (or after a redirect) no organisation stands as the 流入地
  const reachable = !(role === 'inflow' && (state === null || state === 'OUTFLOW_REGISTERED' || state === 'AWAITING_REPORT'));
  if (reachable && rows.some((r) => r.roles.includes(role))) return 'ok';
  const orgAccount = role === 'outflow' || role === 'inflow' || role === 'orgdept';
  const wanted = rows.flatMap((r) => r.roles);
  return orgAccount && wanted.some((k) => k === 'outflow' || k === 'inflow' || k === 'orgdept') ? 'WRONG_ORG' : 'NOT_ALLOWED';
}

describe('MobileRecord transition table (state × action × role)', () => {
  it('the machine lists the same states and actions as the schema', () => {
    expect([...MOBILE_STATES]).toEqual([...schema.MOBILE_STATES]);
    expect([...MOBILE_ACTIONS]).toEqual([...schema.MOBILE_ACTIONS]);
    expect([...LAPSE_FLAGS]).toEqual([...schema.LAPSE_FLAGS]);
    expect([...ENDED_STATES]).toEqual([...schema.ENDED_MOBILE_STATES]);
  });

  const cases: [MobileAction, MobileState | null, MobileRole][] = [];
  for (const a of MOBILE_ACTIONS) for (const s of ALL_STATES) for (const r of MOBILE_ROLES) cases.push([a, s, r]);

  it.each(cases)('%s from %s by %s', (action, state, role) => {
    const d = decideMobile(action, recordIn(state), ACTORS[role], NOW, GOOD_FACTS, GOOD_PARAMS);
    const want = expected(action, state, role);
    if (want === 'ok') expect(d).toMatchObject({ ok: true, role });
    else expect(d).toMatchObject({ ok: false, code: want });
  });

  it('covers every (action, state, role) combination', () => {
    expect(cases.length).toBe(MOBILE_ACTIONS.length * ALL_STATES.length * MOBILE_ROLES.length);
  });

  it.each(Object.entries(OTHERS) as [string, MobileActorFacts][])('%s may take no person-facing action on someone else’s record', (_name, actor) => {
    for (const a of MOBILE_ACTIONS) {
      for (const s of ALL_STATES) {
        const d = decideMobile(a, recordIn(s), actor, NOW, GOOD_FACTS, GOOD_PARAMS);
        if (actor === OTHERS.committeeSecretary && (a === 'accept' || a === 'redirect' || a === 'card_review' || a === 'lost_contact' || a === 'end') && d.ok) continue;
        expect(d.ok).toBe(false);
      }
    }
  });
});

describe('next states', () => {
  const ok = (action: MobileAction, state: MobileState | null, role: MobileRole, facts: MobileGuardFacts = GOOD_FACTS, params = GOOD_PARAMS, rec: Partial<RecordFacts> = {}) => {
    const d = decideMobile(action, recordIn(state, rec), ACTORS[role], NOW, facts, params);
    if (!d.ok) throw new Error(`${action} refused: ${d.code} ${d.reason}`);
    return d.next;
  };
  it('M1 → OUTFLOW_REGISTERED; M1′ → REPORT_SUBMITTED; M2 → AWAITING_REPORT; M3 → REPORT_SUBMITTED', () => {
    expect(ok('register_outflow', null, 'outflow')).toBe('OUTFLOW_REGISTERED');
    expect(ok('walk_in', null, 'member')).toBe('REPORT_SUBMITTED');
    expect(ok('arrive', 'OUTFLOW_REGISTERED', 'system')).toBe('AWAITING_REPORT');
    expect(ok('report', 'AWAITING_REPORT', 'member')).toBe('REPORT_SUBMITTED');
    expect(ok('report', 'OUTFLOW_REGISTERED', 'member')).toBe('REPORT_SUBMITTED');
  });
  it('M4 → INFLOW_ACTIVE; M5 (via REDIRECTED) → AWAITING_REPORT', () => {
    expect(ok('accept', 'REPORT_SUBMITTED', 'inflow')).toBe('INFLOW_ACTIVE');
    expect(ok('redirect', 'REPORT_SUBMITTED', 'inflow')).toBe('AWAITING_REPORT');
  });
  it('M12 → LOST_CONTACT; M13 back to INFLOW_ACTIVE if accepted, else AWAITING_REPORT', () => {
    expect(ok('lost_contact', 'INFLOW_ACTIVE', 'outflow')).toBe('LOST_CONTACT');
    expect(ok('restore', 'LOST_CONTACT', 'outflow')).toBe('INFLOW_ACTIVE');
    expect(ok('restore', 'LOST_CONTACT', 'outflow', GOOD_FACTS, GOOD_PARAMS, { accepted: false, acceptedAt: null, inflowBranch: null })).toBe('AWAITING_REPORT');
  });
  it('M14 → ENDED_TRANSFERRED; M15 by the reason; self-loops stay', () => {
    expect(ok('transferred', 'INFLOW_ACTIVE', 'system')).toBe('ENDED_TRANSFERRED');
    expect(ok('transferred', 'AWAITING_REPORT', 'system')).toBe('ENDED_TRANSFERRED');
    expect(ok('end', 'INFLOW_ACTIVE', 'member', GOOD_FACTS, { ...GOOD_PARAMS, endReason: 'returned' })).toBe('ENDED_RETURNED');
    expect(ok('end', 'INFLOW_ACTIVE', 'inflow', GOOD_FACTS, { ...GOOD_PARAMS, endReason: 'moved_on' })).toBe('ENDED_MOVED_ON');
    expect(ok('card_review', 'INFLOW_ACTIVE', 'inflow')).toBe('same');
    expect(ok('flag', 'LAPSE_WATCH', 'system')).toBe('same');
    expect(ok('prompt_transfer', 'INFLOW_ACTIVE', 'system')).toBe('same');
  });
});

describe('guards', () => {
  const d = (action: MobileAction, state: MobileState | null, role: MobileRole, facts: Partial<MobileGuardFacts> = {}, params: Partial<typeof GOOD_PARAMS> = {}, rec: Partial<RecordFacts> = {}, now = NOW) =>
    decideMobile(action, recordIn(state, rec), ACTORS[role], now, { ...GOOD_FACTS, ...facts }, { ...GOOD_PARAMS, ...params });

  it('M1 needs NORMAL 党籍 and no open record', () => {
    for (const s of ['STOPPED', 'STRUCK_OFF', 'EXPELLED', 'DECEASED']) expect(d('register_outflow', null, 'outflow', { member: { partyStatus: s } })).toMatchObject({ ok: false, code: 'NOT_ALLOWED', reason: 'member_status' });
    expect(d('register_outflow', null, 'outflow', { openRecord: true })).toMatchObject({ ok: false, code: 'OPEN_RECORD_EXISTS' });
    expect(d('walk_in', null, 'member', { openRecord: true })).toMatchObject({ ok: false, code: 'OPEN_RECORD_EXISTS' });
  });
  it('M1 by the 组织部 for a 流出地 outside the portal (it then also stands as the 流出地)', () => {
    const r = recordIn(null, { outflowOrg: X });
    expect(mobileRoles(r, ACTORS.orgdept)).toEqual(['outflow', 'orgdept']);
    expect(mobileRoles(recordIn(null), ACTORS.orgdept)).toEqual(['orgdept']);
    expect(decideMobile('confirm_outflow', recordIn('REPORT_SUBMITTED', { outflowOrg: X }), ACTORS.orgdept, NOW)).toMatchObject({ ok: true, role: 'outflow' });
  });
  it('M1′ walk-in: the target organisation must be active and in the portal; a local member does not walk in', () => {
    expect(d('walk_in', null, 'member', { target: GONE })).toMatchObject({ ok: false, code: 'ORG_DISSOLVED', field: 'orgId' });
    expect(d('walk_in', null, 'member', { target: X })).toMatchObject({ ok: false, code: 'WRONG_ORG', reason: 'target_external' });
    expect(d('walk_in', null, 'member', { target: null })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', reason: 'target_required' });
    expect(d('walk_in', null, 'member', { formalOrgLocal: true })).toMatchObject({ ok: false, code: 'NOT_ALLOWED', reason: 'formal_org_here' });
  });
  it('confirm_outflow only once and only for a walk-in', () => {
    expect(d('confirm_outflow', 'REPORT_SUBMITTED', 'outflow', {}, {}, { walkIn: false })).toMatchObject({ ok: false, reason: 'not_walk_in' });
    expect(d('confirm_outflow', 'REPORT_SUBMITTED', 'outflow', {}, {}, { outflowConfirmedAt: NOW })).toMatchObject({ ok: false, reason: 'already_confirmed' });
  });
  it('M3: the target organisation is ACTIVE and not external', () => {
    expect(d('report', 'AWAITING_REPORT', 'member', { target: GONE })).toMatchObject({ ok: false, code: 'ORG_DISSOLVED' });
    expect(d('report', 'AWAITING_REPORT', 'member', { target: X })).toMatchObject({ ok: false, code: 'WRONG_ORG' });
    expect(d('report', 'AWAITING_REPORT', 'member', { target: C })).toMatchObject({ ok: true });
  });
  it('M4: a placement in the secretary’s subtree; one acceptance only', () => {
    expect(d('accept', 'REPORT_SUBMITTED', 'inflow', { branch: null })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', reason: 'branch_required' });
    expect(d('accept', 'REPORT_SUBMITTED', 'inflow', { branch: B1 })).toMatchObject({ ok: false, code: 'WRONG_ORG', reason: 'branch_outside' });
    expect(d('accept', 'REPORT_SUBMITTED', 'inflow', { branch: G })).toMatchObject({ ok: true });
    expect(d('accept', 'REPORT_SUBMITTED', 'inflow', { branch: C, actorOrg: D })).toMatchObject({ ok: false, code: 'WRONG_ORG', reason: 'not_a_branch' });
    expect(d('accept', 'REPORT_SUBMITTED', 'inflow', { branch: { ...B2, status: 'DISSOLVED' } })).toMatchObject({ ok: false, code: 'ORG_DISSOLVED' });
    expect(d('accept', 'REPORT_SUBMITTED', 'inflow', {}, {}, { accepted: true })).toMatchObject({ ok: false, code: 'ALREADY_ACCEPTED' });
    // the parent committee's secretary may accept and place in any branch below it
    const byCommittee = decideMobile('accept', recordIn('REPORT_SUBMITTED'), OTHERS.committeeSecretary, NOW, { ...GOOD_FACTS, branch: B1, actorOrg: C });
    expect(byCommittee).toMatchObject({ ok: true, role: 'inflow' });
    // a sibling branch's secretary does not stand as the inflow
    expect(decideMobile('accept', recordIn('REPORT_SUBMITTED'), OTHERS.otherSecretary, NOW, { ...GOOD_FACTS, branch: B1, actorOrg: B1 })).toMatchObject({ ok: false, code: 'WRONG_ORG' });
    // the member gets no vote in acceptance
    expect(d('accept', 'REPORT_SUBMITTED', 'member')).toMatchObject({ ok: false, code: 'NOT_ALLOWED' });
  });
  it('M5: reason and a different, active, in-portal suggested organisation', () => {
    expect(d('redirect', 'REPORT_SUBMITTED', 'inflow', {}, { reason: '' })).toMatchObject({ ok: false, code: 'VALIDATION_FAILED', reason: 'reason_required', field: 'reason' });
    expect(d('redirect', 'REPORT_SUBMITTED', 'inflow', {}, { reason: '   ' })).toMatchObject({ ok: false, reason: 'reason_required' });
    expect(d('redirect', 'REPORT_SUBMITTED', 'inflow', { suggested: null })).toMatchObject({ ok: false, reason: 'suggested_required' });
    expect(d('redirect', 'REPORT_SUBMITTED', 'inflow', { suggested: B2 })).toMatchObject({ ok: false, reason: 'suggested_same' });
    expect(d('redirect', 'REPORT_SUBMITTED', 'inflow', { suggested: GONE })).toMatchObject({ ok: false, code: 'ORG_DISSOLVED' });
    expect(d('redirect', 'REPORT_SUBMITTED', 'inflow', { suggested: X })).toMatchObject({ ok: false, code: 'WRONG_ORG' });
  });
  it('M9: no card, no 年审', () => {
    expect(d('card_review', 'INFLOW_ACTIVE', 'inflow', {}, {}, { hasCard: false })).toMatchObject({ ok: false, reason: 'no_card' });
  });
  it('M12: a documented search and ≥ 6 months since the basis date', () => {
    expect(d('lost_contact', 'INFLOW_ACTIVE', 'outflow', {}, { searchActionCount: 0 })).toMatchObject({ ok: false, reason: 'search_required' });
    expect(d('lost_contact', 'INFLOW_ACTIVE', 'outflow', { basisDate: '2026-06-05' })).toMatchObject({ ok: false, reason: 'too_early' });
    expect(d('lost_contact', 'INFLOW_ACTIVE', 'outflow', { basisDate: '2026-06-04' })).toMatchObject({ ok: true });
    expect(d('lost_contact', 'INFLOW_ACTIVE', 'outflow', { basisDate: null })).toMatchObject({ ok: false, reason: 'too_early' });
  });
  it('M15: a reason returned | moved_on (not for the system)', () => {
    expect(d('end', 'INFLOW_ACTIVE', 'member', {}, { endReason: '' })).toMatchObject({ ok: false, reason: 'end_reason_required' });
    expect(d('end', 'INFLOW_ACTIVE', 'member', {}, { endReason: 'transferred' })).toMatchObject({ ok: false, reason: 'end_reason_required' });
    expect(d('end', 'LOST_CONTACT', 'system', {}, { endReason: '' })).toMatchObject({ ok: true });
  });
  it('M16: fixed employer, ≥ 6 months since acceptance, once', () => {
    const acceptedAt = new Date('2026-06-03T16:00:00Z'); // 2026-06-04 in Jingdezhen
    expect(d('prompt_transfer', 'INFLOW_ACTIVE', 'system', {}, {}, { acceptedAt })).toMatchObject({ ok: true });
    expect(d('prompt_transfer', 'INFLOW_ACTIVE', 'system', {}, {}, { acceptedAt: new Date('2026-06-04T16:00:00Z') })).toMatchObject({ ok: false, reason: 'not_long_enough' });
    expect(d('prompt_transfer', 'INFLOW_ACTIVE', 'system', {}, {}, { fixedEmployer: false })).toMatchObject({ ok: false, reason: 'no_fixed_employer' });
    expect(d('prompt_transfer', 'INFLOW_ACTIVE', 'system', {}, {}, { transferPromptedAt: NOW })).toMatchObject({ ok: false, reason: 'already_prompted' });
  });
});

describe('roles', () => {
  it('a secretary of both ends stands in both roles; the member only as member', () => {
    const both: MobileActorFacts = { role: 'branch_secretary', userId: 'u', org: H };
    expect(mobileRoles(recordIn('INFLOW_ACTIVE', { inflowOrg: H, inflowBranch: H }), both)).toEqual(['outflow', 'inflow']);
    expect(mobileRoles(recordIn('INFLOW_ACTIVE'), ACTORS.member)).toEqual(['member']);
    expect(mobileRoles(recordIn('INFLOW_ACTIVE'), OTHERS.otherTalent)).toEqual([]);
    expect(mobileRoles(recordIn('INFLOW_ACTIVE'), OTHERS.committeeSecretary)).toEqual(['inflow']);
    expect(mobileRoles(recordIn('INFLOW_ACTIVE'), { role: 'branch_secretary', userId: 'u-g', org: G })).toEqual([]);
  });
  it('after a redirect the branch that redirected no longer stands as the inflow', () => {
    expect(mobileRoles(recordIn('AWAITING_REPORT'), ACTORS.inflow)).toEqual([]);
  });
  it('availableActions shows the buttons', () => {
    expect(availableActions(recordIn('REPORT_SUBMITTED'), ACTORS.inflow)).toEqual(['accept', 'redirect']);
    expect(availableActions(recordIn('INFLOW_ACTIVE'), ACTORS.member)).toEqual(['end']);
    expect(availableActions(recordIn('AWAITING_REPORT'), ACTORS.member)).toEqual(['report']);
    expect(availableActions(recordIn('REPORT_SUBMITTED'), ACTORS.outflow)).toEqual(['confirm_outflow', 'end']);
    expect(availableActions(recordIn('LOST_CONTACT'), ACTORS.outflow)).toEqual(['confirm_outflow', 'restore']);
    expect(availableActions(recordIn('ENDED_RETURNED'), ACTORS.orgdept)).toEqual([]);
  });
});

describe('clock', () => {
  it('report due at +30 d (local midnight), reminders at +7 / +21', () => {
    expect(reportDueAt('2026-11-01').toISOString()).toBe('2026-11-30T16:00:00.000Z');
    expect(reminderAt('2026-11-01', 7).toISOString()).toBe('2026-11-07T16:00:00.000Z');
    expect(reminderAt('2026-11-01', 21).toISOString()).toBe('2026-11-21T16:00:00.000Z');
  });
  it('arrival today or earlier (Jingdezhen date)', () => {
    expect(hasArrived('2026-12-04', NOW)).toBe(true);
    expect(hasArrived('2026-12-05', NOW)).toBe(false);
    expect(hasArrived('2026-12-05', new Date('2026-12-04T16:00:00Z'))).toBe(true);
  });
  it('calendar months clamp to the month’s end', () => {
    expect(addMonthsToDate('2026-08-31', 6)).toBe('2027-02-28');
    expect(addMonthsToDate('2027-11-30', 3)).toBe('2028-02-29');
    expect(addMonthsToDate('2026-01-15', -1)).toBe('2025-12-15');
  });
});

describe('deriveLapseFlags (§7.1 defaults)', () => {
  const active: LapseFacts = {
    state: 'INFLOW_ACTIVE',
    outflowDate: '2026-02-01',
    arrivalDate: '2026-02-01',
    acceptedOn: '2026-02-10',
    joinDate: '2015-07-01',
    duesPaidThrough: '2026-11',
    lastOrgLifeDate: '2026-11-20',
    lastAnnualReportYear: 2025,
    hasCard: true,
    lastCardReviewAt: '2026-03-01',
  };
  const at = (ymd: string) => new Date(`${ymd}T10:00:00+08:00`);
  it('none for a member in good standing', () => {
    expect(deriveLapseFlags(active, at('2026-12-04'))).toEqual([]);
  });
  it('REPORT: overdue exactly from arrival + 30 d, only before reporting', () => {
    const f: LapseFacts = { state: 'AWAITING_REPORT', arrivalDate: '2026-11-04' };
    expect(deriveLapseFlags(f, new Date('2026-12-03T15:59:59Z'))).toEqual([]);
    expect(deriveLapseFlags(f, new Date('2026-12-03T16:00:00Z'))).toEqual(['REPORT']);
    expect(deriveLapseFlags({ ...f, state: 'OUTFLOW_REGISTERED' }, at('2026-12-04'))).toEqual(['REPORT']);
    expect(deriveLapseFlags({ ...f, reportDueAt: new Date('2026-12-10T16:00:00Z') }, at('2026-12-04'))).toEqual([]);
    for (const s of ['REPORT_SUBMITTED', 'LOST_CONTACT', 'ENDED_RETURNED'] as const) expect(deriveLapseFlags({ ...f, state: s }, at('2026-12-04'))).toEqual([]);
    expect(deriveLapseFlags({ state: 'AWAITING_REPORT' }, at('2026-12-04'))).toEqual([]);
  });
  it('DUES: at 3 whole months overdue, not at 2', () => {
    // December 2026: paid through 2026-08 → Sep, Oct, Nov overdue (3)
    expect(deriveLapseFlags({ ...active, duesPaidThrough: '2026-09' }, at('2026-12-04'))).toEqual([]);
    expect(deriveLapseFlags({ ...active, duesPaidThrough: '2026-08' }, at('2026-12-04'))).toEqual(['DUES']);
    expect(deriveLapseFlags({ ...active, duesPaidThrough: null, joinDate: '2026-09-15' }, at('2026-12-04'))).toEqual(['DUES']);
    expect(deriveLapseFlags({ ...active, duesPaidThrough: null, joinDate: '2026-10-15' }, at('2026-12-04'))).toEqual([]);
  });
  it('ORG_LIFE: 3 months without, counted from acceptance at the latest', () => {
    expect(deriveLapseFlags({ ...active, lastOrgLifeDate: '2026-09-05' }, at('2026-12-04'))).toEqual([]);
    expect(deriveLapseFlags({ ...active, lastOrgLifeDate: '2026-09-04' }, at('2026-12-04'))).toEqual(['ORG_LIFE']);
    expect(deriveLapseFlags({ ...active, lastOrgLifeDate: null, acceptedOn: '2026-10-01' }, at('2026-12-04'))).toEqual([]);
    expect(deriveLapseFlags({ ...active, lastOrgLifeDate: null, acceptedOn: '2026-09-01' }, at('2026-12-04'))).toEqual(['ORG_LIFE']);
  });
  it('ANNUAL_REPORT: the previous year’s report is due by 31 Dec', () => {
    expect(deriveLapseFlags({ ...active, lastAnnualReportYear: 2025 }, at('2026-12-31'))).toEqual([]);
    expect(deriveLapseFlags({ ...active, lastAnnualReportYear: 2025, lastOrgLifeDate: '2026-12-20' }, at('2027-01-01'))).toEqual(['ANNUAL_REPORT']);
    expect(deriveLapseFlags({ ...active, lastAnnualReportYear: 2026, lastOrgLifeDate: '2026-12-20' }, at('2027-01-01'))).toEqual([]);
    // a stay that began this year owes no report for last year
    expect(deriveLapseFlags({ ...active, outflowDate: '2026-02-01', lastAnnualReportYear: null }, at('2026-12-04'))).toEqual([]);
    expect(deriveLapseFlags({ ...active, outflowDate: '2025-12-01', lastAnnualReportYear: null }, at('2026-12-04'))).toEqual(['ANNUAL_REPORT']);
  });
  it('CARD_REVIEW: more than 12 months since the last 年审 (or issue); no card, no flag', () => {
    expect(deriveLapseFlags({ ...active, lastCardReviewAt: '2025-12-04' }, at('2026-12-04'))).toEqual([]);
    expect(deriveLapseFlags({ ...active, lastCardReviewAt: '2025-12-03' }, at('2026-12-04'))).toEqual(['CARD_REVIEW']);
    expect(deriveLapseFlags({ ...active, lastCardReviewAt: null, cardIssuedAt: '2025-01-01' }, at('2026-12-04'))).toEqual(['CARD_REVIEW']);
    expect(deriveLapseFlags({ ...active, hasCard: false, lastCardReviewAt: '2020-01-01' }, at('2026-12-04'))).toEqual([]);
  });
  it('all at once, in LAPSE_FLAGS order; LAPSE_WATCH reads as INFLOW_ACTIVE', () => {
    const bad: LapseFacts = { ...active, state: 'LAPSE_WATCH', duesPaidThrough: '2026-01', lastOrgLifeDate: '2026-03-01', lastAnnualReportYear: 2024, outflowDate: '2024-05-01', lastCardReviewAt: '2025-01-01' };
    expect(deriveLapseFlags(bad, at('2026-12-04'))).toEqual(['DUES', 'ORG_LIFE', 'ANNUAL_REPORT', 'CARD_REVIEW']);
    for (const s of ['AWAITING_REPORT', 'REPORT_SUBMITTED', 'LOST_CONTACT', 'ENDED_MOVED_ON'] as const) expect(deriveLapseFlags({ ...bad, state: s, arrivalDate: '2026-12-01' }, at('2026-12-04'))).toEqual([]);
  });
  it('reportedState and newlyRaised', () => {
    expect(reportedState('INFLOW_ACTIVE', ['DUES'])).toBe('LAPSE_WATCH');
    expect(reportedState('INFLOW_ACTIVE', [])).toBe('INFLOW_ACTIVE');
    expect(reportedState('AWAITING_REPORT', ['REPORT'])).toBe('AWAITING_REPORT');
    expect(newlyRaised(['DUES'], ['DUES', 'ORG_LIFE'])).toEqual(['ORG_LIFE']);
    expect(newlyRaised([], [])).toEqual([]);
  });
});
