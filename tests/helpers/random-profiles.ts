import type { Db } from '@/db/client';
import { consents, talentProfiles, users, works } from '@/db/schema';
import { CORE_POLICIES } from '@/lib/policy-matching/core-policies';
import { addMonths, daysInMonth, formatYmd, parseIsoDate, type Ymd } from '@/lib/talent/dates';
import type { ProfileColumns } from '@/lib/talent/profile-mapping';

/**
 * Random talents built around the thresholds of the core policies (birthdays on the evaluation date, 29 February,
 * month ends, nulls, foreigners, 'none' answers, empty and unknown lists), seeded deterministically: the agreement
 * tests of policy → people and of the impact preview.
 */

export function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T,>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const maybe = <T,>(r: Rand, p: number, v: () => T): T | null => (r() < p ? v() : null);
const shift = (d: Ymd, days: number): Ymd => {
  const t = new Date(Date.UTC(d.y, d.m - 1, d.d) + days * 86_400_000);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
};

/** A date near `months` before `on` (± a day), a month end, 29 February, or anywhere in a wide range. */
function dateAround(r: Rand, on: Ymd, months: readonly number[]): string {
  const k = r();
  if (k < 0.55) return formatYmd(shift(addMonths(on, -pick(r, months)), pick(r, [-1, 0, 0, 1])));
  if (k < 0.7) return pick(r, ['2000-02-29', '2004-02-29', '2008-02-29', '2020-02-29', '2024-02-29', '1988-02-29']);
  if (k < 0.85) {
    const y = 1960 + Math.floor(r() * 66);
    const m = pick(r, [1, 2, 3, 4, 12]);
    return formatYmd({ y, m, d: daysInMonth(y, m) }); // a month end
  }
  return formatYmd({ y: 1950 + Math.floor(r() * 77), m: 1 + Math.floor(r() * 12), d: 1 + Math.floor(r() * 28) });
}

const CODES = CORE_POLICIES.map((p) => p.code);
const DISTRICTS = ['珠山区', '昌江区', '浮梁县', '乐平市', '经开区', '南昌县'];

function randomProfile(r: Rand, on: Ymd, i: number): Partial<ProfileColumns> & { worksCount: number; zone: 'jkq' | 'zsq' | null; consent: 'granted' | 'withdrawn' | 'none'; artistName: string | null } {
  const year = on.y;
  const ages = [17, 18, 35, 36, 40, 41, 45, 46, 60, 61].map((a) => a * 12);
  const nat = pick(r, ['CN', 'CN', 'CN', 'JP', null]);
  const form = pick(r, [null, 'none', 'individual', 'company', 'individual']);
  const titleLevel = pick(r, [null, 'none', '员级', '助理', '中级', '副高', '正高']);
  const ichLevel = pick(r, [null, 'none', 'national', 'provincial', 'municipal', 'county']);
  const recordList = (levels: string[]) =>
    maybe(r, 0.8, () =>
      Array.from({ length: pick(r, [0, 0, 1, 2]) }, (_, j) => ({
        id: `a${i}-${j}`,
        level: pick(r, levels),
        rank: pick(r, ['gold', 'silver', null]),
        year: pick(r, [year - 6, year - 5, year - 3, year, null]),
        date: maybe(r, 0.4, () => dateAround(r, on, [35, 36, 37, 59, 60, 61])),
      })),
    );
  return {
    worksCount: pick(r, [0, 0, 3, 19, 20, 25]),
    zone: pick(r, ['jkq', 'jkq', 'zsq', null]),
    consent: pick(r, ['granted', 'granted', 'granted', 'granted', 'granted', 'granted', 'withdrawn', 'none']),
    artistName: i % 7 === 0 ? `=HYPERLINK("x${i}")` : maybe(r, 0.3, () => `艺名${i}`),
    birthDate: maybe(r, 0.85, () => dateAround(r, on, ages)),
    nationality: nat,
    hukouProvince: nat === 'CN' ? '江西' : null,
    hukouCity: nat === 'JP' ? null : pick(r, ['景德镇', '南昌', '长沙', null]),
    residenceSince: maybe(r, 0.8, () => dateAround(r, on, [0, 1, 2, 3, 4, 6, -1])),
    residenceDistrict: pick(r, [...DISTRICTS, null, null]),
    education: pick(r, [null, 'none', '中专', '高中', '大专', '本科', '硕士', '博士']),
    graduationDate: maybe(r, 0.75, () => dateAround(r, on, [23, 24, 25, 59, 60, 61, -2])),
    practiceStart: maybe(r, 0.75, () => dateAround(r, on, [11, 12, 13, 24, 48, 119, 120, 180, 181, 23])),
    sector: pick(r, [null, '陶瓷', '文化创意', '设计', '非遗手工艺', '艺术', 'other']),
    crafts: maybe(r, 0.7, () => (r() < 0.3 ? [] : ['throwing'])),
    employment: pick(r, [null, 'contract', 'self_employed', 'informal', 'none']),
    employerDistrict: pick(r, [null, ...DISTRICTS]),
    socialInsuranceMonthsJdz: pick(r, [null, 0, 5, 6, 7, 40]),
    businessForm: form,
    businessRegisteredDistrict: form === null ? pick(r, [null, null, '珠山区']) : pick(r, [null, ...DISTRICTS]),
    businessRegisteredDate: form === null ? null : maybe(r, 0.8, () => dateAround(r, on, [5, 6, 7, 30])),
    businessFirstTime: pick(r, [null, true, false]),
    businessEmployeesInsured: pick(r, [null, 0, 4, 5, 9]),
    studioDistrict: pick(r, [null, '珠山区', '珠山区', '昌江区']),
    studioLeaseMonths: pick(r, [null, 11, 12, 24]),
    studioAreaM2: pick(r, [null, 14, 14.99, 15, 15.5, 80]),
    studioMonthlyRent: pick(r, [null, 800, 1500]),
    studioGovernmentFree: pick(r, [null, true, false, false]),
    ownsHomeInJdz: pick(r, [null, true, false, false]),
    titleLevel,
    titleDate: titleLevel && titleLevel !== 'none' ? maybe(r, 0.8, () => dateAround(r, on, [47, 48, 49, 59, 60, 61])) : null,
    skillLevel: pick(r, [null, 'none', '1', '2', '3', '4', '5']),
    ichLevel,
    ichProject: ichLevel && ichLevel !== 'none' ? '青花' : null,
    ichYear: null,
    honours: maybe(r, 0.8, () =>
      r() < 0.4 ? [] : [{ id: `h${i}`, type: pick(r, ['中国工艺美术大师', '中国陶瓷艺术大师', '省级工艺美术大师', '市级大师', '中华技能大奖', '全国技术能手']), province: null, year: null }],
    ),
    awards: recordList(['national', 'provincial', 'municipal']),
    exhibitions: recordList(['international', 'national', 'provincial', 'municipal']),
    apprentices: maybe(r, 0.6, () => Array.from({ length: pick(r, [0, 1, 2, 3]) }, () => ({ age: pick(r, [20, 35, 36, null]), agreement_months: pick(r, [11, 12, 24, null]) }))),
    relocatedToJdzDate: maybe(r, 0.5, () => dateAround(r, on, [11, 12, 13])),
    commitmentYears: pick(r, [null, 2, 3, 5]),
    retired: pick(r, [null, true, false, false]),
    creditBad: pick(r, [null, true, false, false]),
    registeredUnemployed: pick(r, [null, true, false]),
    receiving: maybe(r, 0.7, () => (r() < 0.7 ? [] : [{ policy_id: pick(r, CODES), since: null }])),
    received: maybe(r, 0.7, () => (r() < 0.7 ? [] : [{ policy_id: pick(r, CODES), date: null }])),
  };
}

export async function seedRandom(d: Db, n: number, seed: number, evalDate: string) {
  const r = mulberry32(seed);
  const on = parseIsoDate(evalDate)!;
  const profiles = Array.from({ length: n }, (_, i) => randomProfile(r, on, i));
  const inserted = await d
    .insert(users)
    .values(profiles.map((_, i) => ({ email: `rnd-${seed}-${i}@test.local`, displayName: `随机${i}`, role: 'talent' as const, passwordHash: 'x' })))
    .returning({ id: users.id });
  const ids = inserted.map((u) => u.id);
  await d.insert(talentProfiles).values(
    profiles.map(({ zone, consent: _c, artistName, worksCount: _w, ...p }, i) => ({
      ...(p as Partial<typeof talentProfiles.$inferInsert>),
      userId: ids[i]!,
      legalName: `人才${i}`,
      artistName,
      zoneCode: zone,
    })),
  );
  const t = new Date();
  const withConsent = profiles.flatMap((p, i) => (p.consent === 'none' ? [] : [{ userId: ids[i]!, kind: 'profile' as const, noticeVersion: 't', noticeHash: 't', grantedAt: t, withdrawnAt: p.consent === 'withdrawn' ? t : null }]));
  await d.insert(consents).values(withConsent);
  // Works: portfolio_count is derived from them (JP-061 asks for 20), never stored on the profile.
  const workRows = profiles.flatMap((p, i) => Array.from({ length: p.worksCount }, (_, j) => ({ ownerId: ids[i]!, title: `作品${i}-${j}` })));
  for (let k = 0; k < workRows.length; k += 1000) await d.insert(works).values(workRows.slice(k, k + 1000));
  return { ids, profiles };
}
