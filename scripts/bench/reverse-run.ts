/**
 * tsx --conditions=react-server scripts/bench/reverse-run.ts [--scale N] [--runs R] [--policies JP-021,JP-036] [--keep]
 * (default: every catalogue policy)
 *
 * The reverse-match measurement (lib/policies/reverse.ts), in process, on a database of its own: it is run by the
 * `reverse` benchmark (scripts/bench/benchmarks/reverse.ts, `npm run bench -- reverse`) and can be run alone (it needs
 * no Next build and no server). `--conditions=react-server` lets Node load the `server-only` modules as the server does.
 *
 * Database: a fresh PGlite directory under .data-bench/ (PGlite allows one process per directory and the bench server
 * holds its own), or — with DATABASE_URL — a scratch database created next to it on that PostgreSQL server and dropped
 * afterwards (needs CREATEDB). Either way: migrations, reference data, N synthetic talents (db/synthetic.ts, fixed
 * faker seed, all with profile consent), VACUUM ANALYZE.
 *
 * Then the precomputed match facts of every talent are computed as the nightly job does (ADR 018; time and rate
 * reported). For every catalogue policy (issue 14 §6: not a chosen few) and each status set, org-level scope (every
 * zone): one warm-up, then R timed runs of reverseMatch as staff get it (counted from the facts, the page evaluated
 * live), and one run without facts (SQL prefilter + exact evaluation of the candidates, the cost when no facts
 * answer), with the candidate share that prefilter kept. The baseline reverseMatchInJs (every talent loaded and evaluated) runs once per policy
 * over all four statuses: its rows must equal the prefiltered ones for all four, its counts for every subset. The
 * worst p95 over every case is the headline. Prints progress on stderr and one JSON object on the last stdout line.
 */
import fs from 'node:fs';
import path from 'node:path';
import { faker } from '@faker-js/faker/locale/zh_CN';
import { sql } from 'drizzle-orm';
import { createScratchDatabase } from './scratch-pg';
import { openPglite, openPostgres, type Db, type DbHandle } from '@/db/client';
import { consents, talentProfiles, users } from '@/db/schema';
import { seedReferenceData } from '@/db/seed';
import { syntheticProfile } from '@/db/synthetic';
import { CATALOGUE, EXCLUSION_GROUPS } from '@/lib/policy-matching/catalogue';
import { refreshMatchFacts } from '@/lib/policies/match-facts';
import { reverseMatch, reverseMatchInJs, type ReverseMatchArgs, type ReverseMatchResult, type ReverseStatus } from '@/lib/policies/reverse';
import { runIfMain } from './run-main';
import { arg } from './run-args';

const log = (m: string) => process.stderr.write(`[reverse] ${m}\n`);

/** Every catalogue policy. */
export const DEFAULT_POLICIES = CATALOGUE.map((p) => p.code);
export const STATUS_SETS: { label: string; statuses: ReverseStatus[] }[] = [
  { label: 'eligible', statuses: ['ELIGIBLE'] },
  { label: 'eligible+near_miss', statuses: ['ELIGIBLE', 'NEAR_MISS'] },
  { label: 'all4', statuses: ['ELIGIBLE', 'NEAR_MISS', 'NEEDS_INFO', 'NEEDS_REVIEW'] },
];
/** The evaluation date: fixed, so that runs compare (the synthetic data spans 2012–2026). */
export const EVAL_DATE = '2026-11-27';

export interface ReverseCase {
  policy: string;
  statuses: string;
  mode: string;
  scanned: number;
  candidates: number;
  /** candidates / scanned: the share of talents the SQL prefilter kept for exact evaluation. */
  candidateShare: number;
  matches: number;
  counts: Record<string, number>;
  sqlMs: { p50: number; p95: number; min: number; max: number; runs: number[] };
  jsMs: { p50: number; p95: number; min: number; max: number; runs: number[] };
  /** One run without precomputed facts (SQL prefilter + exact evaluation of the candidates): the cost when no facts answer. */
  liveMs: number;
  /** jsMs.p50 / sqlMs.p50 */
  speedup: number;
  agree: boolean;
}

export interface ReverseRunReport {
  driver: 'pglite' | 'postgres';
  target: string;
  scale: number;
  evalDate: string;
  seedMs: number;
  /** Computing and storing the precomputed match facts of every talent (ADR 018), and the rate. */
  factsMs: number;
  factsPerSecond: number;
  rssMiBPeak: number | null;
  cases: ReverseCase[];
  /** The slowest case by p95 of reverseMatch: the number the ≤ 1 s target applies to. */
  worst: { policy: string; statuses: string; p95: number; candidateShare: number } | null;
}


/** Nearest-rank percentile. */
function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}
const stats = (runs: number[]) => ({ p50: pct(runs, 50), p95: pct(runs, 95), min: Math.min(...runs), max: Math.max(...runs), runs });
const round1 = (n: number) => Math.round(n * 10) / 10;

export async function openScratch(prefix = 'reverse'): Promise<{ handle: DbHandle; target: string; cleanup: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (url) {
    const scratch = await createScratchDatabase(url, prefix);
    const handle = await openPostgres(scratch.url, { migrate: true, max: 4 });
    return {
      handle,
      target: `${scratch.host}/${scratch.name} (scratch, dropped afterwards)`,
      async cleanup() {
        await handle.close();
        await scratch.drop();
      },
    };
  }
  const runDir = path.resolve('.data-bench', `${prefix}-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
  const handle = await openPglite(path.join(runDir, 'pglite'));
  return {
    handle,
    target: path.relative(process.cwd(), runDir),
    async cleanup() {
      await handle.close();
      if (!process.argv.includes('--keep')) fs.rmSync(runDir, { recursive: true, force: true });
    },
  };
}

/** N synthetic talents with profile consent, in batches (no password hashing: these accounts never log in). */
export async function seedTalents(db: Db, n: number) {
  faker.seed(20261127);
  const BATCH = 1000;
  const t = new Date();
  for (let i = 0; i < n; i += BATCH) {
    const size = Math.min(BATCH, n - i);
    const inserted = await db
      .insert(users)
      .values(Array.from({ length: size }, (_, j) => ({ email: `synthetic-${i + j}@scale.local`, displayName: faker.person.fullName(), role: 'talent' as const, passwordHash: '!bench-no-login' })))
      .returning({ id: users.id, name: users.displayName });
    await db.insert(talentProfiles).values(inserted.map((u) => syntheticProfile(faker, u.id, u.name)));
    await db.insert(consents).values(inserted.map((u) => ({ userId: u.id, kind: 'profile' as const, noticeVersion: 'bench', noticeHash: 'bench', grantedAt: t })));
    if ((i / BATCH) % 20 === 19) log(`  ${i + size} / ${n}`);
  }
}

export function rssPeakMiB(): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'));
    return m ? Math.round(Number(m[1]) / 1024) : null;
  } catch {
    return null;
  }
}

const same = (a: ReverseMatchResult, b: ReverseMatchResult) => a.total === b.total && JSON.stringify(a.counts) === JSON.stringify(b.counts) && JSON.stringify(a.rows) === JSON.stringify(b.rows);

export async function runReverseBench(opts: { scale: number; runs: number; policies: string[] }): Promise<ReverseRunReport> {
  const scratch = await openScratch();
  try {
    const { db } = scratch.handle;
    log(`seeding ${opts.scale.toLocaleString('en')} synthetic talents into ${scratch.target} (${scratch.handle.driver})`);
    const t0 = performance.now();
    await seedReferenceData(db);
    await seedTalents(db, opts.scale);
    await db.execute(sql`vacuum analyze`);
    const seedMs = Math.round(performance.now() - t0);
    log(`seeded and analysed in ${(seedMs / 1000).toFixed(1)} s`);
    log('computing the precomputed match facts of every talent (the nightly job)');
    const facts = await refreshMatchFacts(db, { catalogue: CATALOGUE, groups: EXCLUSION_GROUPS, evalDate: EVAL_DATE, catalogueKey: 'bench', onProgress: (n) => n % 20_000 === 0 && log(`  facts ${n} / ${opts.scale}`) });
    await db.execute(sql`analyze talent_match_facts`);
    const factsPerSecond = Math.round(facts.computed / (facts.ms / 1000));
    log(`facts: ${facts.computed} talents in ${(facts.ms / 1000).toFixed(1)} s (${factsPerSecond}/s)`);
    const cases: ReverseCase[] = [];
    for (const policy of opts.policies) {
      const base = { catalogue: CATALOGUE, groups: EXCLUSION_GROUPS, code: policy, evalDate: EVAL_DATE, zoneCode: null, limit: 50, factsKey: 'bench' } as const;
      // The baseline once per policy (evaluating everyone costs seconds): all four statuses.
      const js = await reverseMatchInJs(db, { ...base, factsKey: undefined, statuses: STATUS_SETS.at(-1)!.statuses });
      for (const set of STATUS_SETS) {
        const args: ReverseMatchArgs = { ...base, statuses: set.statuses };
        let fast = await reverseMatch(db, args); // warm-up
        const sqlRuns: number[] = [];
        for (let r = 0; r < opts.runs; r++) {
          fast = await reverseMatch(db, args);
          sqlRuns.push(fast.ms);
        }
        const live = await reverseMatch(db, { ...args, factsKey: undefined });
        const countsAgree = set.statuses.every((st) => (fast.counts[st] ?? 0) === (js.counts[st] ?? 0));
        const agree = countsAgree && (set.statuses.length < 4 || same(fast, js)) && same(live, fast);
        const c: ReverseCase = {
          policy,
          statuses: set.label,
          mode: fast.mode,
          scanned: fast.scanned,
          // The live path's prefilter: the share of talents it keeps for exact evaluation (the facts path evaluates only the page).
          candidates: live.candidates,
          candidateShare: live.scanned ? Math.round((live.candidates / live.scanned) * 1000) / 1000 : 0,
          matches: fast.total,
          counts: fast.counts as Record<string, number>,
          sqlMs: stats(sqlRuns),
          jsMs: stats([js.ms]),
          liveMs: live.ms,
          speedup: round1(js.ms / Math.max(0.1, pct(sqlRuns, 50))),
          agree,
        };
        cases.push(c);
        log(
          `${policy} ${set.label.padEnd(18)} mode ${c.mode.padEnd(7)} candidates ${String(c.candidates).padStart(6)} / ${c.scanned} (${(c.candidateShare * 100).toFixed(1)} %), matches ${String(c.matches).padStart(6)}: ` +
            `p50 ${c.sqlMs.p50} ms, p95 ${c.sqlMs.p95} ms; live ${live.ms} ms; JS-all ${js.ms} ms → ${c.speedup}×${agree ? '' : ' ✗ RESULTS DIFFER'}`,
        );
      }
    }
    const slowest = cases.reduce<ReverseCase | null>((w, c) => (!w || c.sqlMs.p95 > w.sqlMs.p95 ? c : w), null);
    const worst = slowest ? { policy: slowest.policy, statuses: slowest.statuses, p95: slowest.sqlMs.p95, candidateShare: slowest.candidateShare } : null;
    if (worst) log(`worst p95 over ${cases.length} cases: ${worst.p95} ms (${worst.policy} ${worst.statuses}, ${(worst.candidateShare * 100).toFixed(1)} % candidates)`);
    return { driver: scratch.handle.driver, target: scratch.target, scale: opts.scale, evalDate: EVAL_DATE, seedMs, factsMs: facts.ms, factsPerSecond, rssMiBPeak: rssPeakMiB(), cases, worst };
  } finally {
    await scratch.cleanup();
  }
}

async function main() {
  const scale = Number(arg('--scale') ?? 100_000);
  const runs = Number(arg('--runs') ?? 3);
  const policies = (arg('--policies') ?? DEFAULT_POLICIES.join(',')).split(',').filter(Boolean);
  if (!Number.isInteger(scale) || scale < 1 || !Number.isInteger(runs) || runs < 1) throw new Error('--scale and --runs take positive whole numbers');
  const report = await runReverseBench({ scale, runs, policies });
  console.log(JSON.stringify(report));
}

runIfMain(import.meta.filename, main);
