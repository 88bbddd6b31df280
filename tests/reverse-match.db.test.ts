import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { consents, talentProfiles, users, works } from '@/db/schema';
import { CORE_EXCLUSION_GROUPS, CORE_POLICIES } from '@/lib/policy-matching/core-policies';
import { evaluateAll } from '@/lib/policy-matching/evaluate';
import type { Status } from '@/lib/policy-matching/model';
import type { PrefilterMode } from '@/lib/policy-matching/prefilter';
import { compilePrefilter } from '@/lib/policies/sql-prefilter';
import { dependencyClosure, reverseMatch, reverseMatchCsvLines, reverseMatchInJs, reverseMatchStream, REVERSE_STATUSES, type ReverseMatchArgs, type ReverseStatus } from '@/lib/policies/reverse';
import { loadTalentProfile } from '@/lib/policies/service';
import { refreshMatchFacts } from '@/lib/policies/match-facts';
import { setupTestDb } from './helpers/db';
import { seedRandom } from './helpers/random-profiles';
import { insertApplication } from './helpers/policies';

/**
 * Reverse match (policy → people) agrees with evaluating everyone in JavaScript, on random profiles built around the
 * thresholds of the core policies (birthdays on the evaluation date, 29 February, month ends, nulls, foreigners, 'none'
 * answers, empty and unknown lists), for every core policy and every status set; zone scope and consent.
 */

const { db } = setupTestDb();

const CODES = CORE_POLICIES.map((p) => p.code);
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
    // Facts are derived only for talents with profile consent (forgetWithoutConsent: nothing is kept for the others).
    const consenting = await db().$count(consents, and(eq(consents.kind, 'profile'), isNull(consents.withdrawnAt)));
    expect(consenting).toBeLessThan(rows.length);
    expect(refreshed.computed).toBe(consenting);
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
