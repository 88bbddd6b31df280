import { describe, expect, it } from 'vitest';
import { addMonths, ageOn, fullMonthsBetween, fullYearsBetween, parseIsoDate, type Ymd } from './dates';
import { deriveProfile, or3 } from './derived';

const d = (s: string): Ymd => parseIsoDate(s)!;

describe('calendar arithmetic', () => {
  it('parses only real dates', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ y: 2024, m: 2, d: 29 });
    expect(parseIsoDate('2023-02-29')).toBeNull();
    expect(parseIsoDate('2023-13-01')).toBeNull();
    expect(parseIsoDate('2023-1-01')).toBeNull();
  });

  it.each([
    ['2000-06-15', '2026-06-14', 25],
    ['2000-06-15', '2026-06-15', 26],
    ['2000-06-15', '2026-06-16', 26],
    ['2000-02-29', '2026-02-28', 25],
    ['2000-02-29', '2026-03-01', 26],
    ['2000-02-29', '2028-02-29', 28],
    ['2000-12-31', '2001-12-30', 0],
    ['2026-11-27', '2026-11-27', 0],
  ])('age (周岁) of someone born %s on %s is %i', (birth, on, age) => expect(ageOn(d(birth), d(on))).toBe(age));

  it.each([
    ['2026-01-15', '2026-02-14', 0],
    ['2026-01-15', '2026-02-15', 1],
    ['2026-01-31', '2026-02-27', 0],
    ['2026-01-31', '2026-02-28', 1],
    ['2024-01-31', '2024-02-29', 1],
    ['2026-01-31', '2026-03-30', 1],
    ['2026-01-31', '2026-03-31', 2],
    ['2025-11-27', '2026-11-27', 12],
    ['2026-05-10', '2026-05-01', 0],
  ])('full months from %s to %s: %i', (a, b, m) => expect(fullMonthsBetween(d(a), d(b))).toBe(m));

  it('full years and month addition', () => {
    expect(fullYearsBetween(d('2020-03-01'), d('2026-02-28'))).toBe(5);
    expect(fullYearsBetween(d('2020-03-01'), d('2026-03-01'))).toBe(6);
    expect(addMonths(d('2026-01-31'), 1)).toEqual({ y: 2026, m: 2, d: 28 });
    expect(addMonths(d('2026-12-15'), 2)).toEqual({ y: 2027, m: 2, d: 15 });
    expect(addMonths(d('2026-03-15'), -3)).toEqual({ y: 2025, m: 12, d: 15 });
  });
});

describe('derived profile values', () => {
  const on = d('2026-11-27');

  it('everything is unknown for an empty profile', () => {
    const v = deriveProfile({}, on);
    for (const [k, val] of Object.entries(v)) expect(val, k).toBeNull();
  });

  it('computes ages, months and years from raw fields', () => {
    const v = deriveProfile({ birth_date: '1998-11-28', residence_since: '2026-08-27', graduation_date: '2024-06-30', practice_start: '2019-11-27', title: { level: '助理', date: '2022-12-01' } }, on);
    expect(v.age).toBe(27);
    expect(v.months_in_jdz).toBe(3);
    expect(v.months_since_graduation).toBe(28);
    expect(v.practice_years).toBe(7);
    expect(v.years_since_title).toBe(3);
  });

  it('local hukou: foreigners are never local; Chinese citizens need the city', () => {
    expect(deriveProfile({ nationality: 'JP' }, on).is_local_hukou).toBe(false);
    expect(deriveProfile({ nationality: 'CN' }, on).is_local_hukou).toBeNull();
    expect(deriveProfile({ nationality: 'CN', hukou_city: '景德镇' }, on).is_local_hukou).toBe(true);
    expect(deriveProfile({ nationality: 'CN', hukou_city: '南昌' }, on).is_local_hukou).toBe(false);
  });

  it('works in JDZ through a contract or a registered business; unknown stays unknown', () => {
    expect(deriveProfile({ employment: 'contract', employer_district: '珠山区' }, on).works_in_jdz).toBe(true);
    expect(deriveProfile({ employment: 'self_employed', business: { registered_district: '经开区', form: 'individual' } }, on).works_in_jdz).toBe(true);
    expect(deriveProfile({ employment: 'self_employed' }, on).works_in_jdz).toBeNull();
    // §6.2 amended: self-employed or informal work from a studio in a JDZ district counts; its district unknown = unknown.
    expect(deriveProfile({ employment: 'self_employed', business: { form: 'none' } }, on).works_in_jdz).toBeNull();
    expect(deriveProfile({ employment: 'self_employed', business: { form: 'none' }, studio: { district: '南昌县' } }, on).works_in_jdz).toBe(false);
    expect(deriveProfile({ employment: 'none', business: { form: 'none' }, studio: { district: '珠山区' } }, on).works_in_jdz).toBe(false);
    expect(deriveProfile({ employment: 'contract', employer_district: '南昌', business: { form: 'none' }, studio: { district: '珠山区' } }, on).works_in_jdz).toBe(false);
    expect(deriveProfile({ employment: 'contract', employer_district: '南昌', business: { form: 'none' } }, on).works_in_jdz).toBe(false);
  });

  it('works_in_jdz: a freelancer with a studio in a JDZ district and no business licence works in Jingdezhen (§6.2 amended)', () => {
    const on = parseIsoDate('2026-06-01')!;
    for (const employment of ['self_employed', 'informal'] as const) {
      const d = deriveProfile({ employment, business: { form: 'none' }, studio: { district: '珠山区' } }, on);
      expect(d.works_in_jdz).toBe(true);
      expect(d.works_or_lives_in_jdz).toBe(true);
    }
    expect(deriveProfile({ employment: 'informal', studio: { district: '经开区' } }, on).works_in_jdz).toBe(true); // business unknown: still true
  });

  it('works or lives in JDZ: residence district wins, else residence_since', () => {
    expect(deriveProfile({ employment: 'none', business: { form: 'none' }, residence_district: '珠山区' }, on).works_or_lives_in_jdz).toBe(true);
    expect(deriveProfile({ employment: 'none', business: { form: 'none' }, residence_since: '2027-01-01' }, on).works_or_lives_in_jdz).toBe(false);
    expect(deriveProfile({ employment: 'none', business: { form: 'none' } }, on).works_or_lives_in_jdz).toBeNull();
  });

  it('counts distinct B-level honours, national ICH included', () => {
    expect(deriveProfile({ honours: [{ type: '中国工艺美术大师' }, { type: '中国工艺美术大师' }, { type: '省级工艺美术大师' }] }, on).honours_b_level_count).toBe(1);
    expect(deriveProfile({ honours: [{ type: '中国陶瓷艺术大师' }], ich: { level: 'national' } }, on).honours_b_level_count).toBe(2);
    expect(deriveProfile({ honours: [] }, on).honours_b_level_count).toBe(0);
  });

  it('three-valued or', () => {
    expect(or3(false, null)).toBeNull();
    expect(or3(true, null)).toBe(true);
    expect(or3(false, false)).toBe(false);
  });
});
