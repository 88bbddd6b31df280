/**
 * tsx --conditions=react-server scripts/bench/impact-run.ts [--scale N] [--runs R] [--policies JP-021,JP-036] [--no-check] [--keep]
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
 * (every talent loaded and evaluated under both versions), whose summary must equal the prefiltered one. Target
 * (issue 13): ≤ 1 s for every policy. Progress on stderr, one JSON object on the last stdout line.
 */
import { sql } from 'drizzle-orm';
import { CATALOGUE, EXCLUSION_GROUPS } from '@/lib/policy-matching/catalogue';
import { anyOf, leaf, versionInForce, type PolicyVersion } from '@/lib/policy-matching/model';
import { computeImpact, type ImpactComputed } from '@/lib/policies/impact';
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

export async function runImpactBench(opts: { scale: number; runs: number; policies: string[]; check: boolean }): Promise<ImpactRunReport> {
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
      };
      cases.push(c);
      log(
        `${code} evaluated ${String(c.evaluated).padStart(6)} / ${c.scanned} (${(c.evaluatedShare * 100).toFixed(1)} %), eligible ${c.eligibleBefore} → ${c.eligibleAfter} (+${c.gained} −${c.lost}): ` +
          `p50 ${c.ms.p50} ms, max ${c.ms.max} ms (query ${c.queryMs} ms, evaluation ${c.evalMs} ms)${allMs === null ? '' : `; all talents ${allMs} ms${agree ? '' : ' ✗ RESULTS DIFFER'}`}`,
      );
    }
    const slowest = cases.reduce<ImpactCase | null>((w, c) => (!w || c.ms.max > w.ms.max ? c : w), null);
    const worst = slowest ? { policy: slowest.policy, max: slowest.ms.max, p50: slowest.ms.p50, evaluatedShare: slowest.evaluatedShare } : null;
    if (worst) log(`worst over ${cases.length} policies: max ${worst.max} ms, p50 ${worst.p50} ms (${worst.policy}, ${(worst.evaluatedShare * 100).toFixed(1)} % evaluated)`);
    return { driver: scratch.handle.driver, target: scratch.target, scale: opts.scale, evalDate: EVAL_DATE, seedMs, rssMiBPeak: rssPeakMiB(), cases, worst };
  } finally {
    await scratch.cleanup();
  }
}

async function main() {
  const scale = Number(arg('--scale') ?? 100_000);
  const runs = Number(arg('--runs') ?? 3);
  const policies = (arg('--policies') ?? CATALOGUE.map((p) => p.code).join(',')).split(',').filter(Boolean);
  if (!Number.isInteger(scale) || scale < 1 || !Number.isInteger(runs) || runs < 1) throw new Error('--scale and --runs take positive whole numbers');
  const report = await runImpactBench({ scale, runs, policies, check: !process.argv.includes('--no-check') });
  console.log(JSON.stringify(report));
}

runIfMain(import.meta.filename, main);
