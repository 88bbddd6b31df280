import 'server-only';
import { and, asc, eq, gt, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { defineJob } from '@/lib/jobs/registry';
import { policyImpactRows, talentMatchFacts, talentProfiles } from '@/db/schema';
import { evaluateAll } from '@/lib/policy-matching/evaluate';
import type { ExclusionGroup, Policy, Status } from '@/lib/policy-matching/model';
import type { ProfileColumns } from '@/lib/talent/profile-mapping';
import { consentInForce, matchingProfile, matchingProfileColumns } from '@/lib/talent/queries';
import { todayIso } from './service';
import { loadCatalogue } from './store';

/**
 * Precomputed match facts (issue 14 §6, ADR 018): the status of every policy for every talent on one evaluation
 * date, computed by the same evaluator from the same profile projection as every other path, and stored with the
 * keys that make it true — the date, the catalogue (its revision) and the talent's matching_rev, which triggers bump
 * in the same transaction as any change to what the projection reads (migration 0021). A fact is used only when all
 * three keys match the question; anything else is evaluated live. So the facts can be late, never wrong.
 *
 * Kept fresh by jobs (lib/policies/jobs.ts): a talent's own facts after each profile change, everyone's after a
 * publish and every night for the new day. The reverse match (./reverse.ts) counts and pages from them.
 */

/** The reverse-match statuses and their one-letter codes in `statuses`. */
export const FACT_LETTER = { ELIGIBLE: 'E', NEAR_MISS: 'N', NEEDS_INFO: 'I', NEEDS_REVIEW: 'R' } as const satisfies Partial<Record<Status, string>>;
export type FactStatus = keyof typeof FACT_LETTER;
export const LETTER_STATUS: Record<string, FactStatus> = Object.fromEntries(Object.entries(FACT_LETTER).map(([s, l]) => [l, s as FactStatus]));

export interface FactsKey {
  evalDate: string;
  /** The catalogue the facts are computed against: the store's revision (lib/policies/store.ts revisionOf). */
  catalogueKey: string;
}

/** SQL, for a query over talent_profiles joined to talent_match_facts: the talent's facts answer `key`. */
export function factsValid(key: FactsKey): SQL {
  return and(
    eq(talentMatchFacts.userId, talentProfiles.userId),
    eq(talentMatchFacts.evalDate, key.evalDate),
    eq(talentMatchFacts.catalogueKey, key.catalogueKey),
    eq(talentMatchFacts.inputsRev, talentProfiles.matchingRev),
  )!;
}

/** SQL over talent_profiles: the talent has no facts that answer `key` (they are evaluated live). */
export function factsMissing(key: FactsKey): SQL {
  return sql`not exists (select 1 from ${talentMatchFacts} where ${factsValid(key)})`;
}

/** The match statuses of one evaluation, as stored. */
export function factStatuses(results: readonly { policyCode: string; status: Status }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const r of results) {
    const l = (FACT_LETTER as Partial<Record<Status, string>>)[r.status];
    if (l) out[r.policyCode] = l;
  }
  return out;
}

export interface RefreshArgs extends FactsKey {
  catalogue: readonly Policy[];
  groups: readonly ExclusionGroup[];
  /** Only these talents (a profile change); default everyone. */
  userIds?: readonly string[];
  /** Talents read and evaluated per statement (default 1,000). */
  batchSize?: number;
  onProgress?: (done: number) => void;
  /** A stopping worker: stop between batches (what was stored stays valid). */
  signal?: AbortSignal;
}

export interface RefreshReport {
  computed: number;
  ms: number;
}

/**
 * Computes and stores the facts of every talent with profile consent (or of those of `userIds`) whose facts do not
 * answer the key yet — nothing is derived for someone who withdrew it (forgetWithoutConsent). Each batch
 * reads the inputs and their matching_rev in one statement: if a talent changes meanwhile, the stored revision is the
 * old one and the fact is simply not used. Concurrent refreshes are harmless for the same reason.
 */
export async function refreshMatchFacts(db: DbOrTx, args: RefreshArgs): Promise<RefreshReport> {
  const t0 = performance.now();
  const batch = args.batchSize ?? 1000;
  let after: string | null = null;
  let computed = 0;
  for (;;) {
    args.signal?.throwIfAborted();
    const where = and(
      factsMissing(args),
      consentInForce(),
      args.userIds ? inArray(talentProfiles.userId, [...args.userIds]) : undefined,
      after ? gt(talentProfiles.userId, after) : undefined,
    );
    const rows = await db
      .select({ ...matchingProfileColumns, matchingRev: talentProfiles.matchingRev })
      .from(talentProfiles)
      .where(where)
      .orderBy(asc(talentProfiles.userId))
      .limit(batch);
    if (rows.length === 0) break;
    const values = rows.map((r) => {
      const profile = matchingProfile(r as unknown as ProfileColumns & { portalApprentices: unknown }, args.evalDate);
      const results = evaluateAll(profile, args.catalogue, args.groups, args.evalDate, { explain: false });
      return { userId: r.userId, evalDate: args.evalDate, catalogueKey: args.catalogueKey, inputsRev: r.matchingRev, statuses: factStatuses(results), computedAt: new Date() };
    });
    await db
      .insert(talentMatchFacts)
      .values(values)
      .onConflictDoUpdate({
        target: talentMatchFacts.userId,
        set: {
          evalDate: sql`excluded.eval_date`,
          catalogueKey: sql`excluded.catalogue_key`,
          inputsRev: sql`excluded.inputs_rev`,
          statuses: sql`excluded.statuses`,
          computedAt: sql`excluded.computed_at`,
        },
      });
    computed += rows.length;
    args.onProgress?.(computed);
    if (rows.length < batch) break;
    after = rows[rows.length - 1]!.userId;
  }
  return { computed, ms: Math.round(performance.now() - t0) };
}

/**
 * A talent who withdrew the profile consent is no longer matched (PIPL art. 15): what was derived from the profile
 * for matching goes too — the match facts (ADR 018) and the 政策沙盘 snapshot rows (ADR 021). Both were never shown
 * (every reader applies the consent), but they need not be kept. Runs on the talent domain's profile event; a no-op
 * while the consent is in force (granted again before the job ran).
 */
export async function forgetWithoutConsent(db: DbOrTx, userId: string): Promise<{ facts: number; impactRows: number }> {
  return db.transaction(async (tx) => {
    const [kept] = await tx.select({ userId: talentProfiles.userId }).from(talentProfiles).where(and(eq(talentProfiles.userId, userId), consentInForce())).limit(1);
    if (kept) return { facts: 0, impactRows: 0 };
    const facts = await tx.delete(talentMatchFacts).where(eq(talentMatchFacts.userId, userId)).returning({ userId: talentMatchFacts.userId });
    const rows = await tx.delete(policyImpactRows).where(eq(policyImpactRows.userId, userId)).returning({ userId: policyImpactRows.userId });
    return { facts: facts.length, impactRows: rows.length };
  });
}

/** Refreshes on PostgreSQL analyse the table when a large share of it was written (the anti-join's plan needs it). */
async function analyseAfter(db: DbOrTx, report: RefreshReport): Promise<void> {
  if (report.computed >= 1000) await db.execute(sql`analyze ${talentMatchFacts}`);
}

/**
 * The job: today's facts (Jingdezhen date) against the catalogue in force, for `userIds` or everyone whose facts are
 * missing or out of date. Idempotent: a second run finds nothing to do.
 */
export const refreshMatchFactsJob = defineJob({
  type: 'policies.match_facts_refresh',
  payload: z.object({ userIds: z.array(z.string().uuid()).max(1000).optional() }).strict(),
  maxAttempts: 3,
  async handler(p, { db, signal }) {
    const catalogue = await loadCatalogue(db);
    const report = await refreshMatchFacts(db, { catalogue: catalogue.policies, groups: catalogue.groups, evalDate: todayIso(), catalogueKey: catalogue.factsKey, signal, ...(p.userIds ? { userIds: p.userIds } : {}) });
    if (!p.userIds) await analyseAfter(db, report);
    return report;
  },
});
