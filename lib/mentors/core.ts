/**
 * The pure core of 师带徒 (issue 12 §1): the mentorship state machine and THE rule for how policy JP-055 counts a
 * mentor's apprentices. No Next, no database: lib/mentors/service.ts applies the machine inside its transactions and
 * lib/mentors/projection.ts feeds the merge from SQL.
 */
import { addMonths, ageOn, compareYmd, parseIsoDate, type Ymd } from '@/lib/talent/dates';

export const MENTORSHIP_STATUSES = ['requested', 'accepted', 'declined', 'withdrawn', 'ended'] as const;
export type MentorshipStatus = (typeof MENTORSHIP_STATUSES)[number];
export const MENTORSHIP_ACTIONS = ['accept', 'decline', 'withdraw', 'end'] as const;
export type MentorshipAction = (typeof MENTORSHIP_ACTIONS)[number];
/** Who takes a step: the mentor's side (the linked talent, or staff for an unlinked mentor) or the apprentice. */
export type Side = 'mentor' | 'apprentice';

/** Open = counts against the one-open-request-per-pair rule. */
export const OPEN_STATUSES: readonly MentorshipStatus[] = ['requested', 'accepted'];
export const TERMINAL_STATUSES: readonly MentorshipStatus[] = ['declined', 'withdrawn', 'ended'];

export type RefusalCode = 'MENTOR_FULL' | 'SELF_MENTORSHIP' | 'OPEN_REQUEST_EXISTS' | 'MENTOR_NOT_ACCEPTING' | 'TRANSITION_NOT_ALLOWED' | 'NOT_ALLOWED';
export type Decision = { ok: true; to: MentorshipStatus } | { ok: false; code: RefusalCode };

/**
 * The transitions. requested → accepted | declined (mentor side), requested → withdrawn (apprentice), accepted → ended
 * (either side). declined, withdrawn and ended are final. Accepting needs a free place at that moment.
 */
const TABLE: Record<MentorshipAction, { from: MentorshipStatus; to: MentorshipStatus; sides: readonly Side[] }> = {
  accept: { from: 'requested', to: 'accepted', sides: ['mentor'] },
  decline: { from: 'requested', to: 'declined', sides: ['mentor'] },
  withdraw: { from: 'requested', to: 'withdrawn', sides: ['apprentice'] },
  end: { from: 'accepted', to: 'ended', sides: ['mentor', 'apprentice'] },
};

export function decideTransition(action: MentorshipAction, from: MentorshipStatus, side: Side, ctx: { freePlaces: number }): Decision {
  const t = TABLE[action];
  if (from !== t.from) return { ok: false, code: 'TRANSITION_NOT_ALLOWED' };
  if (!t.sides.includes(side)) return { ok: false, code: 'NOT_ALLOWED' };
  if (action === 'accept' && ctx.freePlaces <= 0) return { ok: false, code: 'MENTOR_FULL' };
  return { ok: true, to: t.to };
}

/** A new request: never to oneself, only to a mentor who takes apprentices and has a place, one open per pair. */
export function decideRequest(ctx: { self: boolean; accepting: boolean; freePlaces: number; openExists: boolean }): Decision {
  if (ctx.self) return { ok: false, code: 'SELF_MENTORSHIP' };
  if (!ctx.accepting) return { ok: false, code: 'MENTOR_NOT_ACCEPTING' };
  if (ctx.freePlaces <= 0) return { ok: false, code: 'MENTOR_FULL' };
  if (ctx.openExists) return { ok: false, code: 'OPEN_REQUEST_EXISTS' };
  return { ok: true, to: 'requested' };
}

/** Free places: the maximum less the accepted mentorships; zero when the mentor takes no apprentices. */
export function freePlaces(m: { acceptsApprentices: boolean; maxApprentices: number }, accepted: number): number {
  return m.acceptsApprentices ? Math.max(0, m.maxApprentices - accepted) : 0;
}

/** What the mentor's side may do now, for the UI (the service decides again). */
export function actionsFor(status: MentorshipStatus, side: Side): MentorshipAction[] {
  return MENTORSHIP_ACTIONS.filter((a) => TABLE[a].from === status && TABLE[a].sides.includes(side));
}

// ---------------------------------------------------------------------------------------------------------------
// JP-055: how apprentices are counted
// ---------------------------------------------------------------------------------------------------------------

/** One apprentice as the profile self-declares it (§6.2 apprentices[]: an age as entered and the agreement's months). */
export interface SelfDeclaredApprentice {
  age?: number | null;
  agreement_months?: number | null;
}

/** One accepted mentorship recorded through the portal: the apprentice's birth date (never an age), the agreement. */
export interface PortalApprentice {
  mentorshipId: string;
  birthDate: string | null;
  startDate: string;
  months: number;
}

export interface CountedApprentice {
  /** Full years on the evaluation date (null = unknown: the apprentice gave no birth date). */
  age: number | null;
  agreement_months: number | null;
  source: 'portal' | 'self';
  /** Portal-recorded apprentices are verified (the mentor accepted them in the portal); self-declared stay self-declared. */
  verified: boolean;
  mentorshipId?: string;
}

/** An agreement counts from its start date, for its months: [start, start + months). */
export function agreementInForce(a: Pick<PortalApprentice, 'startDate' | 'months'>, on: Ymd): boolean {
  const start = parseIsoDate(a.startDate);
  if (!start) return false;
  return compareYmd(start, on) <= 0 && compareYmd(on, addMonths(start, a.months)) < 0;
}

/** The matching key's age tolerance: a self-declared age is typed once and goes stale, so ±1 year still matches. */
export const AGE_TOLERANCE = 1;

function sameApprentice(p: CountedApprentice, s: SelfDeclaredApprentice): boolean {
  if ((s.agreement_months ?? null) !== p.agreement_months) return false;
  if (p.age === null) return true;
  return s.age != null && Math.abs(s.age - p.age) <= AGE_TOLERANCE;
}

/**
 * THE rule for JP-055 (documented in docs/decisions and on the mentor's page):
 *
 * 1. Portal-recorded apprentices are the mentor's ACCEPTED mentorships whose agreement is in force on the evaluation
 *    date (start date ≤ date < start + months). They count as verified. Their age is computed on the evaluation date
 *    from the apprentice's birth date (never stored); no birth date → age unknown. agreement_months = the agreement's
 *    months.
 * 2. Self-declared apprentices (the profile's apprentices[]) stay self-declared and count as the profile says.
 * 3. No double counting: the matching key of a self-declared entry and a portal-recorded one is
 *    (agreement_months equal, and ages within ±1 year — or the portal age unknown). Each portal apprentice absorbs at
 *    most one self-declared entry (the closest in age, then the earliest in the list); an absorbed entry is not
 *    counted again. Two different people with the same key are then counted once: the rule errs towards counting
 *    fewer, never more, because the count pays a subsidy.
 * 4. The result is the portal apprentices (in start-date order) followed by the unabsorbed self-declared ones.
 *    JP-055's own filter (age ≤ 35, agreement ≥ 12 months, at most 5 paid) then applies to this list.
 *
 * A null self-declared list with no portal apprentice stays null (unknown); with portal apprentices the list is known.
 */
export function mergeApprentices(selfDeclared: readonly SelfDeclaredApprentice[] | null | undefined, portal: readonly PortalApprentice[], on: Ymd): CountedApprentice[] | null {
  const counted: CountedApprentice[] = [...portal]
    .filter((p) => agreementInForce(p, on))
    .sort((a, b) => a.startDate.localeCompare(b.startDate) || a.mentorshipId.localeCompare(b.mentorshipId))
    .map((p) => {
      const birth = p.birthDate ? parseIsoDate(p.birthDate) : null;
      return { age: birth ? ageOn(birth, on) : null, agreement_months: p.months, source: 'portal' as const, verified: true, mentorshipId: p.mentorshipId };
    });
  if (selfDeclared == null && counted.length === 0) return null;
  const remaining = (selfDeclared ?? []).map((s, i) => ({ s, i }));
  for (const p of counted) {
    let best = -1;
    let bestGap = Infinity;
    remaining.forEach(({ s }, k) => {
      if (!sameApprentice(p, s)) return;
      const gap = p.age === null || s.age == null ? 0 : Math.abs(s.age - p.age);
      if (gap < bestGap) {
        best = k;
        bestGap = gap;
      }
    });
    if (best >= 0) remaining.splice(best, 1);
  }
  return [...counted, ...remaining.map(({ s }) => ({ age: s.age ?? null, agreement_months: s.agreement_months ?? null, source: 'self' as const, verified: false }))];
}

/** The merged list as the §6.2 profile field (what the matcher reads): { age, agreement_months } only. */
export function toProfileApprentices(list: readonly CountedApprentice[] | null): { age: number | null; agreement_months: number | null }[] | null {
  return list === null ? null : list.map((a) => ({ age: a.age, agreement_months: a.agreement_months }));
}
