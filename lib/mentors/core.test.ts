import { describe, expect, it } from 'vitest';
import { parseIsoDate } from '@/lib/talent/dates';
import {
  actionsFor,
  agreementInForce,
  decideRequest,
  decideTransition,
  freePlaces,
  MENTORSHIP_ACTIONS,
  MENTORSHIP_STATUSES,
  mergeApprentices,
  toProfileApprentices,
  type MentorshipAction,
  type MentorshipStatus,
  type PortalApprentice,
  type Side,
} from './core';

const d = (s: string) => parseIsoDate(s)!;
const ON = d('2026-12-04');

describe('mentorship state machine', () => {
  // Every (action, from, side) with a free place: the expected outcome, written out.
  const expected: Record<MentorshipAction, Partial<Record<MentorshipStatus, Partial<Record<Side, MentorshipStatus | 'NOT_ALLOWED'>>>>> = {
    accept: { requested: { mentor: 'accepted', apprentice: 'NOT_ALLOWED' } },
    decline: { requested: { mentor: 'declined', apprentice: 'NOT_ALLOWED' } },
    withdraw: { requested: { mentor: 'NOT_ALLOWED', apprentice: 'withdrawn' } },
    end: { accepted: { mentor: 'ended', apprentice: 'ended' } },
  };
  const cases = MENTORSHIP_ACTIONS.flatMap((a) => MENTORSHIP_STATUSES.flatMap((s) => (['mentor', 'apprentice'] as const).map((side) => [a, s, side] as const)));
  it.each(cases)('%s from %s by %s', (action, from, side) => {
    const want = expected[action][from]?.[side];
    const got = decideTransition(action, from, side, { freePlaces: 1 });
    if (want === undefined) expect(got).toEqual({ ok: false, code: 'TRANSITION_NOT_ALLOWED' });
    else if (want === 'NOT_ALLOWED') expect(got).toEqual({ ok: false, code: 'NOT_ALLOWED' });
    else expect(got).toEqual({ ok: true, to: want });
  });

  it('accepting needs a free place; declining, withdrawing and ending do not', () => {
    expect(decideTransition('accept', 'requested', 'mentor', { freePlaces: 0 })).toEqual({ ok: false, code: 'MENTOR_FULL' });
    expect(decideTransition('accept', 'requested', 'mentor', { freePlaces: -1 })).toEqual({ ok: false, code: 'MENTOR_FULL' });
    expect(decideTransition('decline', 'requested', 'mentor', { freePlaces: 0 })).toEqual({ ok: true, to: 'declined' });
    expect(decideTransition('withdraw', 'requested', 'apprentice', { freePlaces: 0 })).toEqual({ ok: true, to: 'withdrawn' });
    expect(decideTransition('end', 'accepted', 'mentor', { freePlaces: 0 })).toEqual({ ok: true, to: 'ended' });
  });

  it('a wrong state wins over a full mentor (ending an ended one is a transition error, not MENTOR_FULL)', () => {
    expect(decideTransition('accept', 'accepted', 'mentor', { freePlaces: 0 })).toEqual({ ok: false, code: 'TRANSITION_NOT_ALLOWED' });
  });

  it.each([
    [{ self: true, accepting: true, freePlaces: 3, openExists: false }, 'SELF_MENTORSHIP'],
    [{ self: true, accepting: false, freePlaces: 0, openExists: true }, 'SELF_MENTORSHIP'],
    [{ self: false, accepting: false, freePlaces: 3, openExists: false }, 'MENTOR_NOT_ACCEPTING'],
    [{ self: false, accepting: true, freePlaces: 0, openExists: false }, 'MENTOR_FULL'],
    [{ self: false, accepting: true, freePlaces: 2, openExists: true }, 'OPEN_REQUEST_EXISTS'],
  ] as const)('request refused: %j → %s', (ctx, code) => {
    expect(decideRequest(ctx)).toEqual({ ok: false, code });
  });

  it('request allowed', () => {
    expect(decideRequest({ self: false, accepting: true, freePlaces: 1, openExists: false })).toEqual({ ok: true, to: 'requested' });
  });

  it('free places', () => {
    expect(freePlaces({ acceptsApprentices: true, maxApprentices: 3 }, 1)).toBe(2);
    expect(freePlaces({ acceptsApprentices: true, maxApprentices: 3 }, 5)).toBe(0);
    expect(freePlaces({ acceptsApprentices: false, maxApprentices: 3 }, 0)).toBe(0);
  });

  it('actions offered per side', () => {
    expect(actionsFor('requested', 'mentor')).toEqual(['accept', 'decline']);
    expect(actionsFor('requested', 'apprentice')).toEqual(['withdraw']);
    expect(actionsFor('accepted', 'apprentice')).toEqual(['end']);
    expect(actionsFor('declined', 'mentor')).toEqual([]);
    expect(actionsFor('ended', 'apprentice')).toEqual([]);
  });
});

describe('agreement in force on the evaluation date', () => {
  it.each([
    ['2026-12-04', 12, true], // starts today
    ['2026-12-05', 12, false], // starts tomorrow
    ['2025-12-04', 12, false], // ended yesterday (12 months from 2025-12-04 is 2026-12-04, exclusive)
    ['2025-12-05', 12, true], // last day
    ['2024-02-29', 36, true],
  ] as const)('start %s, %i months → %s', (startDate, months, want) => {
    expect(agreementInForce({ startDate, months }, ON)).toBe(want);
  });
  it('an unreadable start date never counts', () => {
    expect(agreementInForce({ startDate: 'soon', months: 12 }, ON)).toBe(false);
  });
});

const portal = (id: string, birthDate: string | null, months = 24, startDate = '2026-09-01'): PortalApprentice => ({ mentorshipId: id, birthDate, startDate, months });

describe('JP-055 counting rule (mergeApprentices)', () => {
  it('ages are computed on the evaluation date from the birth date', () => {
    const p = [portal('a', '1991-12-04'), portal('b', '1991-12-05')];
    expect(mergeApprentices([], p, ON)!.map((x) => x.age)).toEqual([35, 34]);
    // A year later both are older: nothing stored moves.
    expect(mergeApprentices([], p, d('2027-12-04'))!.map((x) => x.age)).toEqual([36, 35]);
  });

  it('a portal apprentice without a birth date has an unknown age', () => {
    expect(mergeApprentices(null, [portal('a', null)], ON)).toEqual([{ age: null, agreement_months: 24, source: 'portal', verified: true, mentorshipId: 'a' }]);
  });

  it('portal apprentices are verified, self-declared stay self-declared', () => {
    const m = mergeApprentices([{ age: 40, agreement_months: 6 }], [portal('a', '2000-01-01')], ON)!;
    expect(m.map((x) => [x.source, x.verified])).toEqual([
      ['portal', true],
      ['self', false],
    ]);
  });

  it('a self-declared entry matching a portal one counts once (same months, age within ±1)', () => {
    // The mentor typed "26, 24 months" last year; the portal now records the same apprentice, 27 today.
    const m = mergeApprentices([{ age: 26, agreement_months: 24 }], [portal('a', '1999-06-01')], ON)!;
    expect(m).toHaveLength(1);
    expect(m[0]).toMatchObject({ source: 'portal', age: 27 });
  });

  it('no match when the months differ or the ages are 2+ years apart', () => {
    expect(mergeApprentices([{ age: 27, agreement_months: 12 }], [portal('a', '1999-06-01')], ON)).toHaveLength(2);
    expect(mergeApprentices([{ age: 29, agreement_months: 24 }], [portal('a', '1999-06-01')], ON)).toHaveLength(2);
  });

  it('each portal apprentice absorbs at most one self-declared entry, the closest in age', () => {
    const m = mergeApprentices(
      [
        { age: 26, agreement_months: 24 },
        { age: 27, agreement_months: 24 },
        { age: 28, agreement_months: 24 },
      ],
      [portal('a', '1999-06-01')],
      ON,
    )!;
    expect(m.map((x) => [x.source, x.age])).toEqual([
      ['portal', 27],
      ['self', 26],
      ['self', 28],
    ]);
  });

  it('a portal age unknown matches on the months alone', () => {
    expect(mergeApprentices([{ age: 30, agreement_months: 24 }], [portal('a', null)], ON)).toHaveLength(1);
  });

  it('a self-declared entry with no age never matches a portal apprentice of known age', () => {
    expect(mergeApprentices([{ age: null, agreement_months: 24 }], [portal('a', '1999-06-01')], ON)).toHaveLength(2);
  });

  it('two portal apprentices with the same key absorb two self-declared entries, not one twice', () => {
    const m = mergeApprentices([{ age: 27, agreement_months: 24 }], [portal('a', '1999-06-01'), portal('b', '1999-03-01')], ON)!;
    expect(m.filter((x) => x.source === 'portal')).toHaveLength(2);
    expect(m.filter((x) => x.source === 'self')).toHaveLength(0);
  });

  it('agreements not yet begun or already over do not count', () => {
    const m = mergeApprentices([], [portal('future', '2000-01-01', 24, '2027-01-01'), portal('over', '2000-01-01', 12, '2024-01-01'), portal('now', '2000-01-01', 12, '2026-01-01')], ON)!;
    expect(m.map((x) => x.mentorshipId)).toEqual(['now']);
  });

  it('unknown stays unknown: null self list and no portal apprentice → null; with one → a known list', () => {
    expect(mergeApprentices(null, [], ON)).toBeNull();
    expect(mergeApprentices(undefined, [portal('over', '2000-01-01', 12, '2020-01-01')], ON)).toBeNull();
    expect(mergeApprentices(null, [portal('a', '2000-01-01')], ON)).toHaveLength(1);
    expect(mergeApprentices([], [], ON)).toEqual([]);
  });

  it('portal apprentices come first in start-date order, deterministic on ties', () => {
    const m = mergeApprentices([], [portal('b', '2000-01-01', 24, '2026-05-01'), portal('a', '2000-01-01', 24, '2026-05-01'), portal('c', '2000-01-01', 24, '2026-01-01')], ON)!;
    expect(m.map((x) => x.mentorshipId)).toEqual(['c', 'a', 'b']);
  });

  it('the profile field keeps only age and agreement_months', () => {
    expect(toProfileApprentices(mergeApprentices([{ age: 20, agreement_months: 12 }], [portal('a', '2000-01-01')], ON))).toEqual([
      { age: 26, agreement_months: 24 },
      { age: 20, agreement_months: 12 },
    ]);
    expect(toProfileApprentices(null)).toBeNull();
  });
});
