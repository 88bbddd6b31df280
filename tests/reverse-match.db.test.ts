import { inArray, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { consents, talentProfiles, users, works } from '@/db/schema';
import { CORE_EXCLUSION_GROUPS, CORE_POLICIES } from '@/lib/policy-matching/core-policies';
import { evaluateAll } from '@/lib/policy-matching/evaluate';
import type { Status } from '@/lib/policy-matching/model';
import type { PrefilterMode } from '@/lib/policy-matching/prefilter';
import { compilePrefilter } from '@/lib/policies/sql-prefilter';
import { dependencyClosure, reverseMatch, reverseMatchCsvLines, reverseMatchInJs, reverseMatchStream, REVERSE_STATUSES, type ReverseMatchArgs, type ReverseStatus } from '@/lib/policies/reverse';
import { addMonths, daysInMonth, formatYmd, parseIsoDate, type Ymd } from '@/lib/talent/dates';
import type { ProfileColumns } from '@/lib/talent/profile-mapping';
import { loadTalentProfile } from '@/lib/policies/service';
import { refreshMatchFacts } from '@/lib/policies/match-facts';
import { setupTestDb } from './helpers/db';
import { insertApplication } from './helpers/policies';

/**
 * Reverse match (policy → people) agrees with evaluating everyone in JavaScript, on random profiles built around the
 * thresholds of the core policies (birthdays on the evaluation date, 29 February, month ends, nulls, foreigners, 'none'
 * answers, empty and unknown lists), for every core policy and every status set; zone scope and consent.
 */

const { db } = setupTestDb();

function mulberry32(seed: number) {
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

async function seedRandom(d: Db, n: number, seed: number, evalDate: string) {
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

const ALL: ReverseStatus[] = [...REVERSE_STATUSES];
const STATUS_SETS: ReverseStatus[][] = [['ELIGIBLE'], ['NEAR_MISS'], ['NEEDS_INFO'], ['NEEDS_REVIEW'], ['ELIGIBLE', 'NEEDS_INFO'], ['ELIGIBLE', 'NEAR_MISS'], ALL];
const MODE_KEEPS: Record<PrefilterMode, Status[]> = {
  met: ['ELIGIBLE', 'EXCLUDED', 'ALREADY_RECEIVING'],
  strict: ['ELIGIBLE', 'EXCLUDED', 'ALREADY_RECEIVING', 'NEEDS_INFO', 'NEEDS_REVIEW'],
  relaxed: ['ELIGIBLE', 'EXCLUDED', 'ALREADY_RECEIVING', 'NEEDS_INFO', 'NEEDS_REVIEW', 'NEAR_MISS'],
};

const base = (evalDate: string, code: string, zoneCode: string | null, statuses: ReverseStatus[]): ReverseMatchArgs => ({
  catalogue: CORE_POLICIES,
  groups: CORE_EXCLUSION_GROUPS,
  code,
  evalDate,
  zoneCode,
  statuses,
  limit: 100_000,
  batchSize: 37, // small batches: the keyset paging is exercised too
});

describe.each(['2026-06-01', '2024-02-29', '2025-02-28'])('reverse match on %s', (evalDate) => {
  it('keeps a superset in every prefilter mode and agrees with evaluating everyone, for every core policy and status set', async () => {
    const seed = Number(evalDate.replace(/-/g, ''));
    await seedRandom(db(), 320, seed, evalDate);

    // Ground truth: the full catalogue evaluated on every profile as the talent sees it in 我的政策 (loadTalentProfile:
    // works, credentials, receiving/received), consent and zone ignored here.
    const rows = await db().select().from(talentProfiles);
    const truth = new Map<string, Map<string, Status>>();
    const talentView = new Map<string, Awaited<ReturnType<typeof loadTalentProfile>>>();
    for (const row of rows) {
      const loaded = await loadTalentProfile(db(), row.userId);
      talentView.set(row.userId, loaded);
      const results = evaluateAll(loaded!.profile, CORE_POLICIES, CORE_EXCLUSION_GROUPS, evalDate);
      truth.set(row.userId, new Map(results.map((x) => [x.policyCode, x.status])));
    }
    // The works reach the evaluation (otherwise JP-061 would never be ELIGIBLE).
    expect([...truth.values()].some((m) => m.get('JP-061') === 'ELIGIBLE')).toBe(true);

    // Precomputed facts for this date (ADR 018); then a no-op update of every fifth talent moves their matching_rev on,
    // so the facts path mixes stored facts with live evaluation of the talents whose facts no longer answer.
    const refreshed = await refreshMatchFacts(db(), { catalogue: CORE_POLICIES, groups: CORE_EXCLUSION_GROUPS, evalDate, catalogueKey: 'test', batchSize: 53 });
    expect(refreshed.computed).toBe(rows.length);
    await db().update(talentProfiles).set({ commitmentYears: sql`${talentProfiles.commitmentYears}` }).where(inArray(talentProfiles.userId, rows.filter((_, i) => i % 5 === 0).map((x) => x.userId)));

    let selective = 0;
    for (const code of CODES) {
      // The dependency closure gives every profile the same status as the whole catalogue.
      const sub = dependencyClosure(code, CORE_POLICIES, CORE_EXCLUSION_GROUPS);
      for (const row of rows.slice(0, 80)) {
        const r = evaluateAll(talentView.get(row.userId)!.profile, sub, CORE_EXCLUSION_GROUPS, evalDate).find((x) => x.policyCode === code)!;
        expect(r.status, `${code} closure for ${row.userId}`).toBe(truth.get(row.userId)!.get(code));
      }

      for (const mode of ['met', 'strict', 'relaxed'] as const) {
        const where = compilePrefilter(code, CORE_POLICIES, CORE_EXCLUSION_GROUPS, { evalDate, mode });
        const kept = new Set((await db().select({ id: talentProfiles.userId }).from(talentProfiles).where(where)).map((x) => x.id));
        const must = [...truth].filter(([, m]) => MODE_KEEPS[mode].includes(m.get(code)!)).map(([id]) => id);
        const dropped = must.filter((id) => !kept.has(id));
        if (dropped.length && process.env.RV_DEBUG) {
          const row = rows.find((x) => x.userId === dropped[0])!;
          const prof = talentView.get(row.userId)!.profile;
          const res = evaluateAll(prof, CORE_POLICIES, CORE_EXCLUSION_GROUPS, evalDate).filter((x) => x.policyCode === code || x.policyCode === 'JP-001');
          console.log(JSON.stringify({ prof, res: res.map((x) => ({ c: x.policyCode, s: x.status, cr: x.criteria.map((q) => [q.id, q.result]) })) }));
        }
        expect(dropped, `${code} ${mode} dropped ${dropped.length}: ${dropped.slice(0, 3).map((id) => truth.get(id)!.get(code)).join(',')}`).toEqual([]);
        if (kept.size < rows.length) selective++;
      }

      for (const zoneCode of ['jkq', null]) {
        const js = await reverseMatchInJs(db(), base(evalDate, code, zoneCode, ALL));
        expect(js.candidates).toBe(js.scanned);
        // The baseline agrees with the talent's own view (我的政策) for every row it lists.
        for (const x of js.rows) expect(x.status, `${code} ${x.talentId} policy → people vs 我的政策`).toBe(truth.get(x.talentId)!.get(code));
        for (const statuses of STATUS_SETS) {
          const fast = await reverseMatch(db(), base(evalDate, code, zoneCode, statuses));
          const expected = js.rows.filter((x) => statuses.includes(x.status));
          expect(fast.rows, `${code} ${zoneCode} ${statuses.join('+')}`).toEqual(expected);
          expect(fast.total).toBe(expected.length);
          expect(fast.scanned).toBe(js.scanned);
          expect(fast.candidates).toBeLessThanOrEqual(fast.scanned);
          for (const s of statuses) expect(fast.counts[s] ?? 0).toBe(js.counts[s] ?? 0);
          const viaFacts = await reverseMatch(db(), { ...base(evalDate, code, zoneCode, statuses), factsKey: 'test' });
          expect(viaFacts.mode).toBe('facts');
          expect(viaFacts.rows, `${code} ${zoneCode} ${statuses.join('+')} via facts`).toEqual(expected);
          expect(viaFacts.counts).toEqual(fast.counts);
          expect(viaFacts.scanned).toBe(js.scanned);
        }
      }
    }
    // The prefilter is not a trivial TRUE: most policy × mode pairs drop rows.
    expect(selective).toBeGreaterThan(CODES.length * 2);
  }, 180_000); // 21 policies × 3 modes × 2 scopes × 7 status sets on a loaded machine
});

describe('one profile projection (issue 14 §2)', () => {
  const evalDate = '2026-06-01';

  it('a talent with 25 works, a provincial award and an approved application is ELIGIBLE for JP-061 in 我的政策, in policy → people and in the push stream', async () => {
    const [u] = await db().insert(users).values({ email: 'works25@test.local', displayName: '作品多', role: 'talent', passwordHash: 'x' }).returning({ id: users.id });
    const id = u!.id;
    await db()
      .insert(talentProfiles)
      .values({
        userId: id,
        legalName: '作品多',
        zoneCode: 'zsq',
        nationality: 'CN',
        birthDate: '1998-03-01',
        awards: [{ id: 'aw1', level: 'provincial', rank: 'gold', year: 2025 }],
        honours: [],
        receiving: [{ policy_id: 'JP-060', since: '2026-01-01' }],
        received: [],
      });
    await db().insert(consents).values({ userId: id, kind: 'profile', noticeVersion: 't', noticeHash: 't', grantedAt: new Date() });
    await db().insert(works).values(Array.from({ length: 25 }, (_, j) => ({ ownerId: id, title: `作品${j}` })));
    await insertApplication(db(), id, 'JP-060', 'zsq', 'approved');

    const mine = evaluateAll((await loadTalentProfile(db(), id))!.profile, CORE_POLICIES, CORE_EXCLUSION_GROUPS, evalDate).find((x) => x.policyCode === 'JP-061')!;
    expect(mine.status).toBe('ELIGIBLE');
    for (const args of [base(evalDate, 'JP-061', 'zsq', ['ELIGIBLE']), base(evalDate, 'JP-061', null, ALL)]) {
      expect((await reverseMatch(db(), args)).rows.find((x) => x.talentId === id)?.status).toBe('ELIGIBLE');
      expect((await reverseMatchInJs(db(), args)).rows.find((x) => x.talentId === id)?.status).toBe('ELIGIBLE');
    }
    const pushed: string[] = [];
    for await (const row of reverseMatchStream(db(), { ...base(evalDate, 'JP-061', null, ['ELIGIBLE']) })) pushed.push(row.talentId);
    expect(pushed).toContain(id);
    for (const mode of ['met', 'strict', 'relaxed'] as const) {
      const kept = await db().select({ id: talentProfiles.userId }).from(talentProfiles).where(compilePrefilter('JP-061', CORE_POLICIES, CORE_EXCLUSION_GROUPS, { evalDate, mode }));
      expect(kept.map((x) => x.id), mode).toContain(id);
    }

    // With 19 works it is one work away (NEAR_MISS), and both sides say so.
    await db().delete(works).where(inArray(works.id, (await db().select({ id: works.id }).from(works).limit(6)).map((w) => w.id)));
    const near = evaluateAll((await loadTalentProfile(db(), id))!.profile, CORE_POLICIES, CORE_EXCLUSION_GROUPS, evalDate).find((x) => x.policyCode === 'JP-061')!;
    expect(near.status).toBe('NEAR_MISS');
    expect((await reverseMatch(db(), base(evalDate, 'JP-061', null, ['NEAR_MISS']))).rows.map((x) => x.talentId)).toContain(id);
  });
});

describe('reverse match scope, paging and export', () => {
  const evalDate = '2026-06-01';
  const foreigner = { nationality: 'JP', hukouCity: null } as const;

  it('stays inside the zone and never lists people who withdrew their profile consent', async () => {
    const { ids, profiles } = await seedRandom(db(), 120, 7, evalDate);
    const zoneOf = new Map(ids.map((id, i) => [id, profiles[i]!.zone]));
    const consentOf = new Map(ids.map((id, i) => [id, profiles[i]!.consent]));
    const r = await reverseMatch(db(), base(evalDate, 'JP-003', 'jkq', ALL));
    expect(r.total).toBeGreaterThan(0);
    for (const row of r.rows) {
      expect(zoneOf.get(row.talentId)).toBe('jkq');
      expect(consentOf.get(row.talentId)).toBe('granted');
    }
    const inZone = profiles.filter((p) => p.zone === 'jkq' && p.consent === 'granted').length;
    expect(r.scanned).toBe(inZone);
    const all = await reverseMatch(db(), base(evalDate, 'JP-003', null, ALL));
    expect(all.scanned).toBe(profiles.filter((p) => p.consent === 'granted').length);

    // A foreigner is ELIGIBLE for JP-003 until the consent is withdrawn.
    const target = ids.find((id, i) => profiles[i]!.zone === 'jkq' && profiles[i]!.consent === 'granted')!;
    await db().update(talentProfiles).set({ ...foreigner, receiving: [], received: [] }).where(inArray(talentProfiles.userId, [target]));
    expect((await reverseMatch(db(), base(evalDate, 'JP-003', 'jkq', ['ELIGIBLE']))).rows.map((x) => x.talentId)).toContain(target);
    await db().update(consents).set({ withdrawnAt: new Date() }).where(inArray(consents.userId, [target]));
    const after = await reverseMatch(db(), base(evalDate, 'JP-003', 'jkq', ['ELIGIBLE']));
    expect(after.rows.map((x) => x.talentId)).not.toContain(target);
    expect((await reverseMatch(db(), base(evalDate, 'JP-003', 'zsq', ALL))).rows.map((x) => x.talentId)).not.toContain(target);
  });

  it('pages by status then talent id, and returns nothing for a policy not in force', async () => {
    await seedRandom(db(), 150, 11, evalDate);
    const args = base(evalDate, 'JP-021', null, ALL);
    const whole = await reverseMatch(db(), args);
    expect(whole.total).toBeGreaterThan(4);
    const order = ['ELIGIBLE', 'NEAR_MISS', 'NEEDS_INFO', 'NEEDS_REVIEW'];
    const keys = whole.rows.map((x) => `${order.indexOf(x.status)}:${x.talentId}`);
    expect(keys).toEqual([...keys].sort());
    const pages = [];
    for (let offset = 0; offset < whole.total; offset += 3) pages.push(...(await reverseMatch(db(), { ...args, limit: 3, offset })).rows);
    expect(pages).toEqual(whole.rows);
    // The same pages from precomputed facts, with every third talent's facts out of date.
    await refreshMatchFacts(db(), { catalogue: CORE_POLICIES, groups: CORE_EXCLUSION_GROUPS, evalDate, catalogueKey: 'p' });
    const all = await db().select({ id: talentProfiles.userId }).from(talentProfiles);
    await db().update(talentProfiles).set({ commitmentYears: sql`${talentProfiles.commitmentYears}` }).where(inArray(talentProfiles.userId, all.filter((_, i) => i % 3 === 0).map((x) => x.id)));
    const factPages = [];
    for (let offset = 0; offset < whole.total; offset += 3) factPages.push(...(await reverseMatch(db(), { ...args, limit: 3, offset, factsKey: 'p' })).rows);
    expect(factPages).toEqual(whole.rows);
    const dflt = await reverseMatch(db(), { ...args, limit: undefined, batchSize: undefined });
    expect(dflt.rows).toEqual(whole.rows.slice(0, 50));

    const old = await reverseMatch(db(), { ...base('2020-06-01', 'JP-021', null, ALL) });
    expect(old).toMatchObject({ total: 0, candidates: 0, rows: [] });
  });

  it('exports every match as CSV with the formula-injection guard', async () => {
    await seedRandom(db(), 120, 13, evalDate);
    await db().execute(sql`update talent_profiles set nationality = 'KR', artist_name = '=cmd|calc' where legal_name = '人才3'`);
    const args = base(evalDate, 'JP-003', null, ['ELIGIBLE']);
    const lines: string[] = [];
    for await (const line of reverseMatchCsvLines(db(), args)) lines.push(line);
    const r = await reverseMatch(db(), args);
    expect(lines[0]).toBe('talent_id,name,status,amount_estimate,near_miss_criterion,eligible_from,missing_fields\r\n');
    expect(lines.length).toBe(r.total + 1);
    expect(lines.some((l) => l.includes(",'=cmd|calc,ELIGIBLE"))).toBe(true);
    expect(lines.slice(1).every((l) => !/,=/.test(l))).toBe(true);
  });
});
