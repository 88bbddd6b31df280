/**
 * tsx --conditions=react-server scripts/bench/impact-run.ts [--scale N] [--runs R] [--policies JP-021,JP-036] [--no-check] [--no-snapshot] [--keep]
 * (default: every catalogue policy, 100,000 talents, 3 runs)
 *
 * The 政策沙盘 / impact-preview measurement (lib/policies/impact.ts computeImpact), in process, on a database of its own
 * (the same scratch set-up as reverse-run.ts: a fresh PGlite directory under .data-bench/, or with DATABASE_URL a
 * scratch database jp_bench_impact_<pid> on that server, dropped afterwards; N synthetic talents; VACUUM ANALYZE).
 * Run by the `impact` benchmark (`npm run bench -- impact`) or alone (no Next build, no server).
 *
 * For every catalogue policy: the draft is the version in force loosened — its criteria OR "a doctorate" (so both
 * prefilters differ and the union is scanned) — compared with the version in force over every zone (org level, the
 * whole population). One warm-up, R timed runs (p50 / max), and once per policy the pass without the prefilter
 * (every talent loaded and evaluated under both versions), whose summary must equal the prefiltered one.
 * Then the snapshot path (ADR 021): the draft's snapshot is built once (the background job's work, timed), and the
 * preview counted from it is timed as above; its summary must equal the live one too. Target (issue 13): ≤ 1 s for
 * every policy — the staff member waits for the preview; the snapshot is built when the draft is saved.
 * Progress on stderr, one JSON object on the last stdout line.
 */
import { sql } from 'drizzle-orm';
import { CATALOGUE, EXCLUSION_GROUPS } from '@/lib/policy-matching/catalogue';
import { anyOf, leaf, versionInForce, type PolicyVersion } from '@/lib/policy-matching/model';
import { computeImpact, computeImpactSnapshot, type ImpactComputed } from '@/lib/policies/impact';
import { seedReferenceData } from '@/db/seed';
import { EVAL_DATE, openScratch, rssPeakMiB, seedTalents } from './reverse-run';
import { runIfMain } from './run-main';
import { arg } from './run-args';

const log = (m: string) => process.stderr.write(`[impact] ${m}\n`);

export interface ImpactCase {
  policy: string;
  scanned: number;
  evaluated: number;
  /** evaluated / scanned: the share of talents the union of both prefilters kept. */
  evaluatedShare: number;
  gained: number;
  lost: number;
  eligibleBefore: number;
  eligibleAfter: number;
  ms: { p50: number; max: number; runs: number[] };
  /** Of the last run: time spent reading the projection from the database (overlaps the evaluation). */
  queryMs: number;
  /** Of the last run: time spent evaluating both versions. */
  evalMs: number;
  /** The same comparison with every talent loaded and evaluated (no prefilter), once. */
  allMs: number | null;
  agree: boolean | null;
  /** The snapshot path: building it (the job, once) and the preview counted from it (R runs). */
  snapshot: { buildMs: number; ms: { p50: number; max: number; runs: number[] }; agree: boolean } | null;
}

export interface ImpactRunReport {
  driver: 'pglite' | 'postgres';
  target: string;
  scale: number;
  evalDate: string;
  seedMs: number;
  rssMiBPeak: number | null;
  cases: ImpactCase[];
  worst: { policy: string; max: number; p50: number; evaluatedShare: number } | null;
  /** The slowest preview counted from a snapshot, and the slowest snapshot build. */
  worstSnapshot: { policy: string; max: number; p50: number; buildMs: number; slowestBuild: { policy: string; ms: number } } | null;
}


const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
const strip = ({ stats: _s, ...rest }: ImpactComputed) => JSON.stringify(rest);

/** The version in force, loosened: its criteria, or a doctorate. */
function loosened(v: PolicyVersion): PolicyVersion {
  return { ...v, version: '99.0.0', criteria: anyOf(v.criteria, leaf('education', 'eq', '博士', { id: 'bench_phd', remediable: false })) };
}

export async function runImpactBench(opts: { scale: number; runs: number; policies: string[]; check: boolean; snapshots?: boolean }): Promise<ImpactRunReport> {
  const scratch = await openScratch('impact');
  try {
    const { db } = scratch.handle;
    log(`seeding ${opts.scale.toLocaleString('en')} synthetic talents into ${scratch.target} (${scratch.handle.driver})`);
    const t0 = performance.now();
    await seedReferenceData(db);
    await seedTalents(db, opts.scale);
    await db.execute(sql`vacuum analyze`);
    const seedMs = Math.round(performance.now() - t0);
    log(`seeded and analysed in ${(seedMs / 1000).toFixed(1)} s`);
    const cases: ImpactCase[] = [];
    for (const code of opts.policies) {
      const policy = CATALOGUE.find((p) => p.code === code);
      const current = policy ? versionInForce(policy, EVAL_DATE) : null;
      if (!policy || !current) {
        log(`${code}: not in force on ${EVAL_DATE}, skipped`);
        continue;
      }
      const args = { catalogue: CATALOGUE, groups: EXCLUSION_GROUPS, code, draft: loosened(current), evalDate: EVAL_DATE, zoneCode: null, sampleSize: 20 };
      let r = await computeImpact(db, args); // warm-up
      const runs: number[] = [];
      for (let i = 0; i < opts.runs; i++) {
        r = await computeImpact(db, args);
        runs.push(r.stats.ms);
      }
      let allMs: number | null = null;
      let agree: boolean | null = null;
      if (opts.check) {
        const all = await computeImpact(db, { ...args, usePrefilter: false });
        allMs = all.stats.ms;
        agree = strip(all) === strip(r);
      }
      const c: ImpactCase = {
        policy: code,
        scanned: r.stats.scanned,
        evaluated: r.stats.evaluated,
        evaluatedShare: r.stats.scanned ? Math.round((r.stats.evaluated / r.stats.scanned) * 1000) / 1000 : 0,
        gained: r.gained,
        lost: r.lost,
        eligibleBefore: r.before.ELIGIBLE,
        eligibleAfter: r.after.ELIGIBLE,
        ms: { p50: pct(runs, 50), max: Math.max(...runs), runs },
        queryMs: r.stats.queryMs,
        evalMs: r.stats.evalMs,
        allMs,
        agree,
        snapshot: null,
      };
      if (opts.snapshots ?? true) {
        const b0 = performance.now();
        const built = await computeImpactSnapshot(db, { ...args, meta: policy, factsKey: 'bench', version: '99.0.0' });
        const buildMs = Math.round(performance.now() - b0);
        let fromSnapshot = await computeImpact(db, { ...args, snapshotId: built.id! }); // warm-up
        const snapRuns: number[] = [];
        for (let i = 0; i < opts.runs; i++) {
          fromSnapshot = await computeImpact(db, { ...args, snapshotId: built.id! });
          snapRuns.push(fromSnapshot.stats.ms);
        }
        c.snapshot = { buildMs, ms: { p50: pct(snapRuns, 50), max: Math.max(...snapRuns), runs: snapRuns }, agree: strip(fromSnapshot) === strip(r) && fromSnapshot.stats.fromSnapshot === r.stats.scanned };
      }
      cases.push(c);
      log(
        `${code} evaluated ${String(c.evaluated).padStart(6)} / ${c.scanned} (${(c.evaluatedShare * 100).toFixed(1)} %), eligible ${c.eligibleBefore} → ${c.eligibleAfter} (+${c.gained} −${c.lost}): ` +
          `p50 ${c.ms.p50} ms, max ${c.ms.max} ms (query ${c.queryMs} ms, evaluation ${c.evalMs} ms)${allMs === null ? '' : `; all talents ${allMs} ms${agree ? '' : ' ✗ RESULTS DIFFER'}`}` +
          (c.snapshot ? `; snapshot built in ${c.snapshot.buildMs} ms, preview from it p50 ${c.snapshot.ms.p50} ms, max ${c.snapshot.ms.max} ms${c.snapshot.agree ? '' : ' ✗ SNAPSHOT DIFFERS'}` : ''),
      );
    }
    const slowest = cases.reduce<ImpactCase | null>((w, c) => (!w || c.ms.max > w.ms.max ? c : w), null);
    const worst = slowest ? { policy: slowest.policy, max: slowest.ms.max, p50: slowest.ms.p50, evaluatedShare: slowest.evaluatedShare } : null;
    if (worst) log(`worst over ${cases.length} policies: max ${worst.max} ms, p50 ${worst.p50} ms (${worst.policy}, ${(worst.evaluatedShare * 100).toFixed(1)} % evaluated)`);
    const snapped = cases.filter((c) => c.snapshot);
    const slowSnap = snapped.reduce<ImpactCase | null>((w, c) => (!w || c.snapshot!.ms.max > w.snapshot!.ms.max ? c : w), null);
    const slowBuild = snapped.reduce<ImpactCase | null>((w, c) => (!w || c.snapshot!.buildMs > w.snapshot!.buildMs ? c : w), null);
    const worstSnapshot =
      slowSnap && slowBuild ? { policy: slowSnap.policy, max: slowSnap.snapshot!.ms.max, p50: slowSnap.snapshot!.ms.p50, buildMs: slowSnap.snapshot!.buildMs, slowestBuild: { policy: slowBuild.policy, ms: slowBuild.snapshot!.buildMs } } : null;
    if (worstSnapshot) log(`from snapshots: worst preview max ${worstSnapshot.max} ms (${worstSnapshot.policy}); slowest build ${worstSnapshot.slowestBuild.ms} ms (${worstSnapshot.slowestBuild.policy})`);
    return { driver: scratch.handle.driver, target: scratch.target, scale: opts.scale, evalDate: EVAL_DATE, seedMs, rssMiBPeak: rssPeakMiB(), cases, worst, worstSnapshot };
  } finally {
    await scratch.cleanup();
  }
}

async function main() {
  const scale = Number(arg('--scale') ?? 100_000);
  const runs = Number(arg('--runs') ?? 3);
  const policies = (arg('--policies') ?? CATALOGUE.map((p) => p.code).join(',')).split(',').filter(Boolean);
  if (!Number.isInteger(scale) || scale < 1 || !Number.isInteger(runs) || runs < 1) throw new Error('--scale and --runs take positive whole numbers');
  const report = await runImpactBench({ scale, runs, policies, check: !process.argv.includes('--no-check'), snapshots: !process.argv.includes('--no-snapshot') });
  console.log(JSON.stringify(report));
}

runIfMain(import.meta.filename, main);
