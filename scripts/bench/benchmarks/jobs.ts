/**
 * jobs: the durable job queue (lib/jobs, issue 8) in process, on PGlite and on PostgreSQL in the same run — enqueue →
 * handled latency (p50/p95) with the queue idle, with 10,000 jobs due tomorrow, and while a backlog of 10,000 due jobs
 * is drained; throughput (jobs/s) of a no-op handler at concurrency 2 and 8; on PostgreSQL also the cross-connection
 * path (woken by LISTEN/NOTIFY only). Definitions: scripts/bench/jobs-run.ts.
 *
 * Not an HTTP benchmark: scripts/bench/jobs-run.ts, spawned with `--conditions=react-server`, runs a real Worker on
 * databases of its own (a fresh PGlite directory; a scratch database jp_bench_jobs_<pid> on the DATABASE_URL server
 * or postgres://postgres@127.0.0.1:5432/postgres, dropped afterwards — skipped with a note when unreachable), so the
 * harness starts no server for it (needsServer: false). Opt-in, about two minutes: `npm run bench -- jobs`; alone:
 * `npx tsx --conditions=react-server scripts/bench/jobs-run.ts [--backlog N] [--drivers pglite]`.
 *
 * In the table: req/s = jobs handled per second over the scenario, p50…max = probe latency enqueue → handler,
 * errors = probes never handled, non-2xx = failed runs, srv cpu = the bench process (worker + PGlite), db cpu = local
 * PostgreSQL, other = everything else on the machine (BUSY when other agents compete for the cores).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { defineBenchmark, type Measurement } from '../types';
import type { Explain, JobsRunReport, Scenario } from '../jobs-run';

const PATHS: Record<Scenario['kind'], string> = {
  idle: 'enqueue→handled, in-process kick',
  notify: 'INSERT on a 2nd pool→handled, LISTEN/NOTIFY',
  future: 'enqueue→handled, backlog due tomorrow',
  due: 'drain due backlog; probes wait behind it (FIFO)',
};

const WHEN: Record<Explain['when'], string> = {
  backlog: 'with the backlog',
  fresh: 'on the backlog as inserted (not analyzed)',
  'mid-drain': 'mid-drain',
};

function measurementOf(s: Scenario): Measurement {
  return {
    label: `${s.driver} ${s.label}`,
    method: 'JOB',
    path: PATHS[s.kind],
    connections: s.concurrency,
    durationSeconds: Math.round(s.wallMs / 10) / 100,
    warmupSeconds: 0,
    responses: s.handled,
    reqPerSec: s.jobsPerSec,
    latencyMs: s.latencyMs,
    errors: s.lostProbes,
    timeouts: s.lostProbes,
    non2xx: s.failed,
    statusCodes: {},
    serverCpuCores: s.cpu.self,
    loadGenCpuCores: 0,
    dbCpuCores: s.cpu.db,
    otherCpuCores: s.cpu.other,
  };
}

/** "Bitmap Heap Scan on jobs jobs_1 + Sort on run_at (estimated 5 rows, read 10000), 26.3 ms" from EXPLAIN (ANALYZE) of the claim. */
function planSummary(lines: string[]): string {
  const scanLine = lines.find((l) => /(Index|Index Only|Bitmap Heap|Seq) Scan (on|using) /.test(l) && !/jobs_pkey/.test(l)) ?? '';
  const scan = /(?:->\s+)?(\S.*?)\s+\(cost/.exec(scanLine)?.[1] ?? '?';
  const sort = lines.some((l) => /Sort Key: \S*run_at/.test(l)) ? ' + Sort on run_at' : '';
  const est = /cost=\S+ rows=(\d+)/.exec(scanLine)?.[1];
  const actual = /actual time=\S+ rows=([\d.]+)/.exec(scanLine)?.[1];
  const exec = /Execution Time: ([\d.]+) ms/.exec(lines.join('\n'))?.[1];
  return `${scan}${sort} (estimated ${est ?? '?'} rows, read ${actual !== undefined ? Number(actual) : '?'}), ${exec ?? '?'} ms`;
}

const executionMs = (lines: string[] | undefined) => Number(/Execution Time: ([\d.]+) ms/.exec((lines ?? []).join('\n'))?.[1] ?? NaN);

export default defineBenchmark({
  name: 'jobs',
  description: 'job queue in process: enqueue→handled latency idle / 10k backlog, no-op throughput, PGlite vs PostgreSQL / 任务队列',
  defaultConnections: 2,
  measurementCount: 0,
  expectedSeconds: 120,
  needsServer: false,
  optIn: true,
  async run(ctx) {
    ctx.log('  a real Worker in process on a fresh PGlite directory and a scratch PostgreSQL database (about two minutes)');
    const r = spawnSync(path.join('node_modules', '.bin', 'tsx'), ['--conditions=react-server', 'scripts/bench/jobs-run.ts'], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (r.status !== 0) return { measurements: [], problems: [`jobs-run.ts failed (exit ${r.status ?? r.signal})`] };
    const report = JSON.parse(r.stdout.trim().split('\n').pop()!) as JobsRunReport;

    const measurements: Measurement[] = [];
    const derived: Record<string, number> = { 'loadavg1.start': report.loadavg.start[0]!, 'loadavg1.end': report.loadavg.end[0]! };
    const notes: string[] = [
      `load average ${report.loadavg.start.join(' ')} at the start, ${report.loadavg.end.join(' ')} at the end (${report.cpus} cpus); backlog ${report.backlog.toLocaleString('en')} (c8: ${report.c8Backlog.toLocaleString('en')}), ${report.probes} probes per idle scenario`,
      'latency = from just before enqueue() (its INSERT included) to the handler starting; due scenarios: the queue is FIFO, so a probe enqueued during the drain waits for the backlog ahead of it (p50 ≈ half the drain time)',
    ];
    const problems: string[] = [];
    const by = new Map<string, Scenario>();
    for (const d of report.drivers) {
      if (d.skipped) {
        notes.push(`${d.driver} skipped: ${d.skipped}`);
        continue;
      }
      notes.push(`${d.driver}: ${d.target}`);
      for (const s of d.scenarios) {
        measurements.push(measurementOf(s));
        const key = `${s.driver}.${s.kind}${s.kind === 'due' ? `.c${s.concurrency}` : ''}`;
        by.set(key, s);
        derived[`${key}.p50Ms`] = s.latencyMs.p50;
        derived[`${key}.p95Ms`] = s.latencyMs.p95;
        if (s.kind === 'due') {
          derived[`${key}.jobsPerSec`] = s.jobsPerSec;
          if (s.eventLoopMaxMs !== undefined) derived[`${key}.eventLoopMaxMs`] = s.eventLoopMaxMs;
        }
        for (const e of s.explains) {
          derived[`${key}.claimMs.${e.when}.limit${e.limit}`] = executionMs(e.lines);
          notes.push(`${s.driver} ${s.label}: EXPLAIN ANALYZE of the worker's claim, limit ${e.limit}, ${WHEN[e.when]}: ${planSummary(e.lines)}`);
        }
        if (s.lostProbes > 0) problems.push(`${s.driver} ${s.label}: ${s.lostProbes} probe jobs never handled`);
        if (s.failed > 0) problems.push(`${s.driver} ${s.label}: ${s.failed} no-op jobs failed`);
        if (s.kind === 'due' && (s.eventLoopMaxMs ?? 0) > 1000) {
          notes.push(`⚠ ${s.driver} ${s.label}: the event loop ran no timers for ${(s.eventLoopMaxMs! / 1000).toFixed(1)} s while the worker drained the backlog (in the web process: no HTTP served meanwhile)`);
        }
      }
    }
    // Ratios from the same run.
    for (const k of ['due.c2', 'due.c8']) {
      const pg = by.get(`postgres.${k}`);
      const lite = by.get(`pglite.${k}`);
      if (pg && lite) derived[`postgresOverPglite.${k}.jobsPerSec`] = Math.round((pg.jobsPerSec / lite.jobsPerSec) * 100) / 100;
    }
    for (const k of ['idle', 'future']) {
      const pg = by.get(`postgres.${k}`);
      const lite = by.get(`pglite.${k}`);
      if (pg && lite) derived[`postgresOverPglite.${k}.p50`] = Math.round((pg.latencyMs.p50 / lite.latencyMs.p50) * 100) / 100;
    }
    return { measurements, derived, notes, problems };
  },
});
