/**
 * reverse: the staff reverse match "policy → people" (lib/policies/reverse.ts) over 100,000 synthetic talents, for
 * every catalogue policy and each status set (ELIGIBLE; ELIGIBLE + NEAR_MISS; all four), org-level scope: SQL
 * prefilter + exact evaluation of the candidates, with the share of talents the prefilter kept, checked against
 * evaluating every talent in JavaScript. Targets (issue 14 §6): the worst p95 over every case ≤ 1 s; ≥ 10× on a
 * selective policy.
 *
 * Not an HTTP benchmark: it measures the library in process (scripts/bench/reverse-run.ts, spawned with
 * `--conditions=react-server`) on a database of its own — a fresh PGlite directory (the bench server holds the
 * harness's: PGlite allows one process per directory), or a scratch database on the DATABASE_URL server. So it needs
 * no seedScale from the harness. Opt-in: `npm run bench -- reverse` (`--scale N` changes the talents it seeds; alone,
 * without a build or server: `npx tsx --conditions=react-server scripts/bench/reverse-run.ts`).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { defineBenchmark } from '../types';
import type { ReverseRunReport } from '../reverse-run';

/** Synthetic talents this benchmark seeds into its own database (`--scale` on the bench command line overrides). */
export const REVERSE_SCALE = 100_000;
const TARGET_MS = 1000;
const TARGET_SPEEDUP = 10;

function scaleFromArgv(): number {
  const argv = process.argv.slice(2);
  const i = argv.findIndex((a) => a === '--scale' || a.startsWith('--scale='));
  if (i < 0) return REVERSE_SCALE;
  const n = Number(argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1]);
  return Number.isInteger(n) && n > 0 ? n : REVERSE_SCALE;
}

export default defineBenchmark({
  name: 'reverse',
  description: 'reverse match policy → people, SQL prefilter vs JS-all, 100k talents in process / 政策反查',
  defaultConnections: 1,
  measurementCount: 0,
  optIn: true,
  async run(ctx) {
    const scale = scaleFromArgv();
    ctx.log(`  seeding ${scale.toLocaleString('en')} talents into a database of its own and measuring in process (a few minutes)`);
    const r = spawnSync(path.join('node_modules', '.bin', 'tsx'), ['--conditions=react-server', 'scripts/bench/reverse-run.ts', '--scale', String(scale)], {
      env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=4096`.trim() },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (r.status !== 0) return { measurements: [], problems: [`reverse-run.ts failed (exit ${r.status ?? r.signal})`] };
    const report = JSON.parse(r.stdout.trim().split('\n').pop()!) as ReverseRunReport;
    const derived: Record<string, number> = {};
    const notes: string[] = [
      `db ${report.driver} (${report.target}), ${report.scale} talents seeded in ${(report.seedMs / 1000).toFixed(1)} s, eval date ${report.evalDate}, peak RSS ${report.rssMiBPeak ?? '?'} MiB`,
      `precomputed match facts of every talent: ${(report.factsMs / 1000).toFixed(1)} s (${report.factsPerSecond} talents/s)`,
    ];
    const problems: string[] = [];
    let best = 0;
    for (const c of report.cases) {
      const k = `${c.policy}.${c.statuses}`;
      derived[`${k}.sqlP50Ms`] = c.sqlMs.p50;
      derived[`${k}.sqlP95Ms`] = c.sqlMs.p95;
      derived[`${k}.candidateShare`] = c.candidateShare;
      derived[`${k}.speedup`] = c.speedup;
      derived[`${k}.liveMs`] = c.liveMs;
      notes.push(`${k}: mode ${c.mode}, candidates ${c.candidates}/${c.scanned} (${(c.candidateShare * 100).toFixed(1)} %), matches ${c.matches} ${JSON.stringify(c.counts)}, p50 ${c.sqlMs.p50} ms / p95 ${c.sqlMs.p95} ms, without facts ${c.liveMs} ms, JS-all ${c.jsMs.p50} ms, ${c.speedup}×`);
      if (!c.agree) problems.push(`${k}: reverseMatch and reverseMatchInJs disagree`);
      if (c.sqlMs.p95 <= TARGET_MS) best = Math.max(best, c.speedup);
    }
    if (report.worst) {
      derived.worstP95Ms = report.worst.p95;
      notes.push(`worst p95 over ${report.cases.length} cases: ${report.worst.p95} ms (${report.worst.policy} ${report.worst.statuses}, ${(report.worst.candidateShare * 100).toFixed(1)} % candidates)`);
      if (report.worst.p95 > TARGET_MS) problems.push(`worst p95 ${report.worst.p95} ms > ${TARGET_MS} ms (${report.worst.policy} ${report.worst.statuses})`);
    }
    if (best < TARGET_SPEEDUP) problems.push(`no case met both targets (≤ ${TARGET_MS} ms p95 and ≥ ${TARGET_SPEEDUP}×)`);
    return { measurements: [], derived, notes, problems };
  },
});
