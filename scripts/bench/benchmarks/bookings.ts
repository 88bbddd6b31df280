/**
 * bookings: innovation-space bookings (issue 11 §Benchmarks) in process, on PGlite and — when DATABASE_URL is set — on
 * a scratch PostgreSQL database in the same run: booking creation p95 through the POST /api/v1/bookings route handler
 * at 20 concurrent clients over distinct free windows; the 40-way contention result (40 identical requests at once →
 * 201 / 409 counts and the rows of the window, which must be exactly one booking); availability of a busy space's month
 * (500 bookings) p95 — spaceAvailability, the function GET /api/v1/spaces/{id}/availability calls. Definitions:
 * scripts/bench/bookings-run.ts.
 *
 * Not an HTTP benchmark: scripts/bench/bookings-run.ts, spawned with `--conditions=react-server`, runs on databases of
 * its own (a fresh PGlite directory; a scratch database jp_bench_bookings_<pid> on the DATABASE_URL server, dropped
 * afterwards; the named database is never written), so the harness starts no server (needsServer: false). Opt-in,
 * well under a minute: `npm run bench -- bookings`; alone: `npx tsx --conditions=react-server
 * scripts/bench/bookings-run.ts [--per-client N] [--rounds N] [--availability N] [--drivers pglite]`.
 *
 * In the table: req/s = requests (or availability computations) per second over the scenario, p50…max = latency of
 * one request through the route handler (or one computation), errors = broken invariants (a non-201 for a free
 * window; a contention round that is not 1 × 201 + 39 × 409 with one row; a grid whose taken slots ≠ 500), srv cpu =
 * the bench process (handlers + PGlite), db cpu = local PostgreSQL, other = everything else (BUSY when high).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { defineBenchmark, type Measurement } from '../types';
import type { BookingsRunReport, Scenario } from '../bookings-run';

const PATHS: Record<Scenario['kind'], string> = {
  create: '/api/v1/bookings (route handler), distinct free windows',
  contention: '/api/v1/bookings (route handler), 40 × one window',
  availability: 'spaceAvailability (GET …/availability), 30 days',
};

function measurementOf(s: Scenario): Measurement {
  return {
    label: `${s.driver} ${s.label}`,
    method: s.kind === 'availability' ? 'CALL' : 'POST',
    path: PATHS[s.kind],
    connections: s.concurrency,
    durationSeconds: Math.round(s.wallMs / 10) / 100,
    warmupSeconds: 0,
    responses: s.count,
    reqPerSec: s.perSec,
    latencyMs: s.latencyMs,
    errors: s.failures,
    timeouts: 0,
    // 409s are the expected answer in the contention rounds; failures count what breaks the invariant.
    non2xx: s.failures,
    statusCodes: s.statusCodes,
    serverCpuCores: s.cpu.self,
    loadGenCpuCores: 0,
    dbCpuCores: s.cpu.db,
    otherCpuCores: s.cpu.other,
  };
}

export default defineBenchmark({
  name: 'bookings',
  description: 'bookings in process: create p95 at c20, 40-way contention, month availability with 500 bookings, PGlite vs PostgreSQL / 空间预约',
  defaultConnections: 20,
  measurementCount: 0,
  expectedSeconds: 45,
  needsServer: false,
  optIn: true,
  async run(ctx) {
    ctx.log(`  route handler and service in process on a fresh PGlite directory${process.env.DATABASE_URL ? ' and a scratch PostgreSQL database' : ' (DATABASE_URL unset: no PostgreSQL pass)'}`);
    const r = spawnSync(path.join('node_modules', '.bin', 'tsx'), ['--conditions=react-server', 'scripts/bench/bookings-run.ts'], {
      encoding: 'utf8',
      maxBuffer: 16 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    if (r.status !== 0) return { measurements: [], problems: [`bookings-run.ts failed (exit ${r.status ?? r.signal})`] };
    const report = JSON.parse(r.stdout.trim().split('\n').pop()!) as BookingsRunReport;

    const measurements: Measurement[] = [];
    const derived: Record<string, number> = { 'loadavg1.start': report.loadavg.start[0]!, 'loadavg1.end': report.loadavg.end[0]! };
    const notes: string[] = [
      `load average ${report.loadavg.start.join(' ')} at the start, ${report.loadavg.end.join(' ')} at the end (${report.cpus} cpus); create: 20 clients × ${report.perClient} bookings; contention: ${report.rounds} rounds of 40; availability: ${report.availabilityRuns} computations`,
      'latency = one request through toHandler(createBookingRoute) with a Bearer session (auth, validation, rules, the exclusion constraint, the audit row), or one spaceAvailability call; PGlite runs one statement at a time, so at c20 its latency is mostly the queue',
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
        const key = `${s.driver}.${s.kind}`;
        by.set(key, s);
        derived[`${key}.p50Ms`] = s.latencyMs.p50;
        derived[`${key}.p95Ms`] = s.latencyMs.p95;
        derived[`${key}.perSec`] = s.perSec;
        if (s.rounds) {
          derived[`${key}.created`] = s.rounds.reduce((n, x) => n + x.created, 0);
          derived[`${key}.slotTaken409`] = s.rounds.reduce((n, x) => n + x.taken, 0);
          derived[`${key}.other`] = s.rounds.reduce((n, x) => n + x.other, 0);
          derived[`${key}.rowsPerWindowMax`] = Math.max(...s.rounds.map((x) => x.rows));
          derived[`${key}.cleanRounds`] = s.rounds.filter((x) => x.created === 1 && x.taken === 39 && x.rows === 1).length;
          notes.push(`${s.driver} contention: ${s.rounds.map((x) => `${x.created}/${x.taken}/${x.rows}`).join(' ')} (201 / 409 SLOT_TAKEN / rows per round)`);
        }
        if (s.grid) notes.push(`${s.driver} availability grid: ${s.grid.slots} slots, ${s.grid.taken} taken, ${s.grid.free} free (${s.grid.blocking} blocking rows, ${s.grid.nonBlocking} cancelled or expired that must not block)`);
        problems.push(...s.problems.map((p) => `${s.driver} ${p}`));
      }
    }
    for (const k of ['create', 'availability']) {
      const pg = by.get(`postgres.${k}`);
      const lite = by.get(`pglite.${k}`);
      if (pg && lite) derived[`postgresOverPglite.${k}.p95`] = Math.round((pg.latencyMs.p95 / lite.latencyMs.p95) * 100) / 100;
    }
    return { measurements, derived, notes, problems };
  },
});
