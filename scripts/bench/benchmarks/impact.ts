/**
 * impact: 政策沙盘 / the impact preview (lib/policies/impact.ts computeImpact) over 100,000 synthetic talents, for every
 * catalogue policy: a draft (the version in force, loosened: its criteria or a doctorate) compared with the version in
 * force over the whole population in one pass (the union of both SQL prefilters read once, both versions evaluated per
 * profile), checked once per policy against evaluating every talent; then counted from the draft's snapshot (ADR 021:
 * built by a job when the draft is saved; its build time is reported too), checked against the live answer. Target
 * (issue 13): ≤ 1 s for every policy, on the path a saved draft's preview takes (the snapshot). The live path (an
 * unsaved document, or before the job has run) is reported beside it.
 *
 * Not an HTTP benchmark: measured in process (scripts/bench/impact-run.ts, spawned with `--conditions=react-server`)
 * on a database of its own — a fresh PGlite directory, or a scratch database jp_bench_impact_<pid> on the DATABASE_URL
 * server, dropped afterwards — so the harness starts no server for it (needsServer: false). Opt-in:
 * `npm run bench -- impact` (`--scale N` changes the talents it seeds); alone:
 * `npx tsx --conditions=react-server scripts/bench/impact-run.ts [--policies JP-001,JP-030] [--no-check]`.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { defineBenchmark } from '../types';
import type { ImpactRunReport } from '../impact-run';

export const IMPACT_SCALE = 100_000;
const TARGET_MS = 1000;

function scaleFromArgv(): number {
  const argv = process.argv.slice(2);
  const i = argv.findIndex((a) => a === '--scale' || a.startsWith('--scale='));
  if (i < 0) return IMPACT_SCALE;
  const n = Number(argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1]);
  return Number.isInteger(n) && n > 0 ? n : IMPACT_SCALE;
}

export default defineBenchmark({
  name: 'impact',
  description: '政策沙盘 impact preview: draft vs version in force, every catalogue policy, 100k talents in process',
  defaultConnections: 1,
  measurementCount: 0,
  expectedSeconds: 600,
  needsServer: false,
  optIn: true,
  async run(ctx) {
    const scale = scaleFromArgv();
    ctx.log(`  seeding ${scale.toLocaleString('en')} talents into a database of its own and measuring in process (several minutes)`);
    const r = spawnSync(path.join('node_modules', '.bin', 'tsx'), ['--conditions=react-server', 'scripts/bench/impact-run.ts', '--scale', String(scale)], {
      env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --max-old-space-size=4096`.trim() },
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (r.status !== 0) return { measurements: [], problems: [`impact-run.ts failed (exit ${r.status ?? r.signal})`] };
    const report = JSON.parse(r.stdout.trim().split('\n').pop()!) as ImpactRunReport;
    const derived: Record<string, number> = {};
    const notes: string[] = [`db ${report.driver} (${report.target}), ${report.scale} talents seeded in ${(report.seedMs / 1000).toFixed(1)} s, eval date ${report.evalDate}, peak RSS ${report.rssMiBPeak ?? '?'} MiB`];
    const problems: string[] = [];
    for (const c of report.cases) {
      derived[`${c.policy}.p50Ms`] = c.ms.p50;
      derived[`${c.policy}.maxMs`] = c.ms.max;
      derived[`${c.policy}.evaluatedShare`] = c.evaluatedShare;
      if (c.allMs !== null) derived[`${c.policy}.allTalentsMs`] = c.allMs;
      notes.push(`${c.policy}: evaluated ${c.evaluated}/${c.scanned} (${(c.evaluatedShare * 100).toFixed(1)} %), eligible ${c.eligibleBefore} → ${c.eligibleAfter} (+${c.gained} −${c.lost}), p50 ${c.ms.p50} ms / max ${c.ms.max} ms (query ${c.queryMs} ms, evaluation ${c.evalMs} ms)${c.allMs === null ? '' : `, all talents ${c.allMs} ms`}`);
      if (c.agree === false) problems.push(`${c.policy}: the prefiltered pass and the all-talents pass disagree`);
      if (c.snapshot) {
        derived[`${c.policy}.snapshot.p50Ms`] = c.snapshot.ms.p50;
        derived[`${c.policy}.snapshot.maxMs`] = c.snapshot.ms.max;
        derived[`${c.policy}.snapshot.buildMs`] = c.snapshot.buildMs;
        notes.push(`${c.policy} from its snapshot: p50 ${c.snapshot.ms.p50} ms / max ${c.snapshot.ms.max} ms (built in ${c.snapshot.buildMs} ms)`);
        if (!c.snapshot.agree) problems.push(`${c.policy}: the preview from the snapshot and the live preview disagree`);
        if (c.snapshot.ms.max > TARGET_MS) problems.push(`${c.policy}: from its snapshot max ${c.snapshot.ms.max} ms > ${TARGET_MS} ms`);
      } else if (c.ms.max > TARGET_MS) problems.push(`${c.policy}: max ${c.ms.max} ms > ${TARGET_MS} ms`);
    }
    if (report.worst) {
      derived.worstMaxMs = report.worst.max;
      notes.push(`live, worst over ${report.cases.length} policies: max ${report.worst.max} ms (${report.worst.policy}, ${(report.worst.evaluatedShare * 100).toFixed(1)} % evaluated)`);
    }
    if (report.worstSnapshot) {
      derived.worstSnapshotMaxMs = report.worstSnapshot.max;
      derived.slowestSnapshotBuildMs = report.worstSnapshot.slowestBuild.ms;
      notes.push(`from snapshots, worst: max ${report.worstSnapshot.max} ms (${report.worstSnapshot.policy}); slowest build ${report.worstSnapshot.slowestBuild.ms} ms (${report.worstSnapshot.slowestBuild.policy})`);
    }
    return { measurements: [], derived, notes, problems };
  },
});
