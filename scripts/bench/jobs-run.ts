/**
 * tsx --conditions=react-server scripts/bench/jobs-run.ts [--backlog N] [--c8-backlog N] [--probes N]
 *                                                         [--drivers pglite,postgres] [--keep]
 *
 * The job queue measured in process (lib/jobs, issue 8): run by the `jobs` benchmark (scripts/bench/benchmarks/jobs.ts,
 * `npm run bench -- jobs`) or alone (no Next build, no server). `--conditions=react-server` lets Node load the
 * `server-only` modules as the server does.
 *
 * Each driver gets a database of its own, migrated, and removed afterwards:
 *   pglite    a fresh PGlite directory under .data-bench/ (file-backed, as the app runs it);
 *   postgres  a scratch database jp_bench_jobs_<pid> created on the server of DATABASE_URL (default
 *             postgres://postgres@127.0.0.1:5432/postgres) and dropped with (force) afterwards. Skipped, with the
 *             reason, when that server does not answer or refuses CREATE DATABASE. No existing database is touched.
 *
 * A real lib/jobs Worker runs in this process, configured as lib/jobs/start.ts does (PGlite exclusive; PostgreSQL
 * with LISTEN jp_jobs on a dedicated connection), pollMs 1000, handler a no-op (`bench.noop`). "Latency" is enqueue →
 * handled: from just before the probe's enqueue() call (its INSERT included) to the moment the handler starts;
 * completing the job (one more UPDATE) is not in it. Scenarios, in this order (the table is truncated between them;
 * no ANALYZE after the bulk inserts — as after a real fan-out, and PGlite has no autovacuum):
 *   idle       empty queue, worker (concurrency 2) asleep; probes one at a time, 10–15 ms apart, woken by the
 *              in-process kick (and on PostgreSQL also by NOTIFY); 50 unmeasured probes first (fresh database).
 *   notify     PostgreSQL only: as idle, but each probe is INSERTed through a second connection pool without
 *              lib/jobs' in-process kick, so only LISTEN/NOTIFY (the jobs_notify trigger) wakes the worker — the path
 *              of a job enqueued by another process (web ↔ `npm run worker`).
 *   future     --backlog (10,000) pending jobs due tomorrow — delayed work that must not slow claims; then as idle.
 *   due c2     --backlog (10,000) pending jobs due now; the worker (concurrency 2) starts on them. Throughput = jobs
 *              handled / wall time until the backlog (and the probes) are done. A probe is enqueued after every
 *              1/100 of the backlog is handled (from inside the handler: on PGlite a timer would not fire, see
 *              eventLoopMaxMs). The queue is FIFO (run_at, id), so a probe waits for the backlog still ahead of it:
 *              its latency is the remaining drain time, by design (p50 ≈ half the drain).
 *   due c8     the same with concurrency 8 on --c8-backlog (2,000) jobs.
 * EXPLAIN (ANALYZE, BUFFERS) of the worker's claim statement is recorded with the future backlog, on the due backlog as
 * inserted (limit = concurrency and 8) and mid-drain.
 * Prints progress on stderr and one JSON object on the last stdout line.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { openPglite, openPostgres, type Db, type DbHandle } from '@/db/client';
import { jobs } from '@/db/schema';
import { now } from '@/lib/clock';
import { claimStatement, enqueue, enqueueMany, rowsOf } from '@/lib/jobs/queue';
import { defineJob } from '@/lib/jobs/registry';
import { Worker } from '@/lib/jobs/worker';
import { summarise } from './load';
import { createScratchDatabase } from './scratch-pg';
import { cpuSecondsByName, machineBusySeconds } from './proc';
import type { Latency } from './types';
import { runIfMain } from './run-main';
import { arg } from './run-args';

const log = (m: string) => process.stderr.write(`[jobs] ${m}\n`);

export const DEFAULT_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
export const DEFAULT_BACKLOG = 10_000;
/** The concurrency-8 drain: a smaller backlog keeps `npm run bench -- jobs` near two minutes (the rate is steady). */
export const DEFAULT_C8_BACKLOG = 2_000;
export const DEFAULT_PROBES = 100;
/** Unmeasured probes first: the first scenario on a fresh database also warms the JIT, plans and the backend. */
const FIRST_WARMUP_PROBES = 50;
const WARMUP_PROBES = 10;
const IDLE_GAP_MS = 10;
const DUE_PROBES = 100;
const POLL_MS = 1000;
const PROBE_TIMEOUT_MS = 120_000;

export type Driver = 'pglite' | 'postgres';
export type ScenarioKind = 'idle' | 'notify' | 'future' | 'due';

export interface CpuCores {
  /** This process: the worker, the enqueuing and (PGlite) the database itself. */
  self: number;
  /** Local PostgreSQL backends (0 on PGlite). */
  db: number;
  /** Everything else on the machine meanwhile (other agents' jobs): high means depressed figures. */
  other: number | null;
}

export interface Scenario {
  driver: Driver;
  kind: ScenarioKind;
  label: string;
  concurrency: number;
  /** Pending jobs in the table besides the probes when the scenario starts. */
  backlog: number;
  /** Probes measured (warm-up excluded) and probes never handled within the timeout. */
  probes: number;
  lostProbes: number;
  latencyMs: Latency;
  /** Every job handled during the scenario (backlog + probes) over its wall time (due: until the backlog is gone). */
  handled: number;
  wallMs: number;
  jobsPerSec: number;
  failed: number;
  cpu: CpuCores;
  /** Due: the longest the event loop went without running timers while the worker drained the backlog. */
  eventLoopMaxMs?: number;
  /** EXPLAIN (ANALYZE, BUFFERS) of the worker's claim: future with the backlog; due on the fresh backlog and mid-drain. */
  explains: Explain[];
}

export interface Explain {
  /** 'backlog' (future), 'fresh' (due backlog just inserted, not analyzed), 'mid-drain'. */
  when: 'backlog' | 'fresh' | 'mid-drain';
  /** Free slots claimed (the worker claims up to concurrency − running). */
  limit: number;
  lines: string[];
}

export interface DriverReport {
  driver: Driver;
  target: string;
  skipped?: string;
  scenarios: Scenario[];
}

export interface JobsRunReport {
  backlog: number;
  c8Backlog: number;
  probes: number;
  loadavg: { start: number[]; end: number[] };
  cpus: number;
  drivers: DriverReport[];
}


const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
const round = (n: number, d = 1) => Math.round(n * 10 ** d) / 10 ** d;
const loadavg = () => os.loadavg().map((x) => round(x, 2));

// ---------------------------------------------------------------------------------------------------------------
// The no-op job: counts every run; a probe (payload.probe set) also records when its handler started.

let handledCount = 0;
let lastHandledAt = 0;
/** Set by the due scenario: called for every backlog job handled. */
let onBacklogJob: (() => void) | null = null;
const probeWaiters = new Map<number, (at: number) => void>();

const noop = defineJob({
  type: 'bench.noop',
  payload: z.object({ probe: z.number().int().optional() }).strict(),
  async handler({ probe }) {
    const at = performance.now();
    handledCount++;
    lastHandledAt = at;
    if (probe !== undefined) probeWaiters.get(probe)?.(at);
    else onBacklogJob?.();
  },
});

let nextProbe = 1;
/** Registers a probe id; the promise resolves with the handler's start time (or null after the timeout). */
function awaitProbe(id: number, timeoutMs = PROBE_TIMEOUT_MS): Promise<number | null> {
  return new Promise((resolve) => {
    const t = setTimeout(() => {
      probeWaiters.delete(id);
      resolve(null);
    }, timeoutMs);
    probeWaiters.set(id, (at) => {
      clearTimeout(t);
      probeWaiters.delete(id);
      resolve(at);
    });
  });
}

// ---------------------------------------------------------------------------------------------------------------

interface Target {
  handle: DbHandle;
  /** PostgreSQL: a second pool on the same database (the "other process" that enqueues). */
  second?: DbHandle;
  target: string;
  cleanup(): Promise<void>;
}

async function openPgliteTarget(): Promise<Target> {
  const runDir = path.resolve('.data-bench', `jobs-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
  const handle = await openPglite(path.join(runDir, 'pglite'));
  return {
    handle,
    target: `${path.relative(process.cwd(), runDir)} (fresh directory, removed afterwards)`,
    async cleanup() {
      await handle.close();
      if (!process.argv.includes('--keep')) fs.rmSync(runDir, { recursive: true, force: true });
      try {
        fs.rmdirSync(path.resolve('.data-bench')); // only when no other run is using it
      } catch {
        /* not empty */
      }
    },
  };
}

/** A scratch database next to the given URL's; throws (with the reason) when the server is unreachable. */
async function openPostgresTarget(url: string): Promise<Target> {
  const scratch = await createScratchDatabase(url, 'jobs');
  const { name, drop } = scratch;
  let handle: DbHandle | undefined;
  let second: DbHandle | undefined;
  try {
    handle = await openPostgres(scratch.url, { migrate: true, max: 10 });
    second = await openPostgres(scratch.url, { max: 2 });
  } catch (err) {
    await handle?.close();
    await drop();
    throw err;
  }
  const h = handle;
  const s = second;
  return {
    handle: h,
    second: s,
    target: `${scratch.host}/${name} (scratch, dropped afterwards)`,
    async cleanup() {
      await s.close();
      await h.close();
      await drop();
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------

function cpuMeter() {
  const self0 = process.cpuUsage();
  const db0 = cpuSecondsByName('postgres');
  const busy0 = machineBusySeconds();
  const t0 = performance.now();
  return (): CpuCores => {
    const wall = (performance.now() - t0) / 1000;
    const s = process.cpuUsage(self0);
    const self = (s.user + s.system) / 1e6 / wall;
    const db = (cpuSecondsByName('postgres') - db0) / wall;
    const busy1 = machineBusySeconds();
    const other = busy0 !== null && busy1 !== null ? Math.max(0, (busy1 - busy0) / wall - self - db) : null;
    return { self: round(self, 2), db: round(db, 2), other: other === null ? null : round(other, 2) };
  };
}

/** The longest the event loop went without running timers (a 10 ms interval's largest gap, the last one included). */
function loopGapMonitor(): () => number {
  let last = performance.now();
  let max = 0;
  const iv = setInterval(() => {
    const t = performance.now();
    max = Math.max(max, t - last);
    last = t;
  }, 10);
  return () => {
    clearInterval(iv);
    return Math.max(max, performance.now() - last);
  };
}

async function truncateJobs(db: Db): Promise<void> {
  await db.execute(sql`truncate ${jobs} restart identity`);
}

async function insertBacklog(db: Db, n: number, runAt: Date): Promise<void> {
  const CHUNK = 2000;
  for (let i = 0; i < n; i += CHUNK) {
    await enqueueMany(db, noop, Array.from({ length: Math.min(CHUNK, n - i) }, () => ({})), { runAt });
  }
}

/**
 * EXPLAIN (ANALYZE, BUFFERS) of the worker's claim with `limit` free slots: the statement of claimJobs
 * (lib/jobs/queue.ts `claimStatement`), bound parameters as drizzle sends them, run in a transaction
 * that is rolled back (the rows it locks meanwhile are skipped by the worker).
 */
async function explainClaim(db: Db, limit: number): Promise<string[]> {
  let lines: string[] = [];
  const rollback = new Error('rollback');
  try {
    await db.transaction(async (tx) => {
      const claim = claimStatement(tx, 'bench-explain', limit, 60_000);
      const res = await tx.execute(sql`explain (analyze, buffers) ${claim.getSQL()}`);
      lines = rowsOf<Record<string, string>>(res).map((r) => Object.values(r)[0]!);
      throw rollback;
    });
  } catch (err) {
    if (err !== rollback) throw err;
  }
  return lines;
}

/** Workers started by the scenarios: stopped before the database closes, also when a scenario throws. */
const liveWorkers = new Set<Worker>();

async function stopWorkers(): Promise<void> {
  for (const w of liveWorkers) await w.stop({ graceMs: 2000 }).catch(() => {});
  liveWorkers.clear();
}

function newWorker(t: Target, concurrency: number): Worker {
  const h = t.handle;
  const worker = new Worker(h.db, {
    concurrency,
    pollMs: POLL_MS,
    mode: 'test',
    exclusive: h.driver === 'pglite',
    listen: h.listen ? (onWake) => h.listen!('jp_jobs', onWake) : undefined,
  });
  liveWorkers.add(worker);
  return worker;
}

type EnqueueProbe = (id: number) => Promise<unknown>;

/** Probes one at a time, each after the worker has gone back to sleep; returns latencies after the warm-up. */
async function sequentialProbes(count: number, warmup: number, enqueueProbe: EnqueueProbe): Promise<{ latencies: number[]; lost: number }> {
  const latencies: number[] = [];
  let lost = 0;
  for (let i = 0; i < count + warmup; i++) {
    await sleep(IDLE_GAP_MS + Math.random() * 5);
    const id = nextProbe++;
    const handled = awaitProbe(id, 10_000);
    const t0 = performance.now();
    await enqueueProbe(id);
    const at = await handled;
    if (i < warmup) continue;
    if (at === null) lost++;
    else latencies.push(at - t0);
  }
  return { latencies, lost };
}

async function scenarioSequential(t: Target, kind: 'idle' | 'notify' | 'future', probes: number, backlog: number): Promise<Scenario> {
  const { db } = t.handle;
  await truncateJobs(db);
  if (kind === 'future') await insertBacklog(db, backlog, new Date(now().getTime() + 86_400_000));
  const worker = newWorker(t, 2);
  await worker.start();
  await sleep(50); // past the first (empty) tick
  const enqueueProbe: EnqueueProbe =
    kind === 'notify'
      ? // Through the second pool and without lib/jobs' in-process kick: only the NOTIFY of the insert wakes the worker.
        (id) => t.second!.db.insert(jobs).values({ type: noop.type, payload: { probe: id }, runAt: now(), maxAttempts: 5 })
      : (id) => enqueue(db, noop, { probe: id });
  const h0 = handledCount;
  const meter = cpuMeter();
  const t0 = performance.now();
  const { latencies, lost } = await sequentialProbes(probes, kind === 'idle' ? FIRST_WARMUP_PROBES : WARMUP_PROBES, enqueueProbe);
  const wallMs = performance.now() - t0;
  const cpu = meter();
  const explains: Explain[] = kind === 'future' ? [{ when: 'backlog', limit: 2, lines: await explainClaim(db, 2) }] : [];
  await worker.stop({ graceMs: 5000 });
  const handled = handledCount - h0;
  return {
    driver: t.handle.driver,
    kind,
    label: kind === 'future' ? `future ${backlog.toLocaleString('en')} c2` : kind === 'notify' ? 'idle NOTIFY c2' : 'idle c2',
    concurrency: 2,
    backlog: kind === 'future' ? backlog : 0,
    probes: latencies.length,
    lostProbes: lost,
    latencyMs: summarise(latencies),
    handled,
    wallMs: Math.round(wallMs),
    jobsPerSec: round(handled / (wallMs / 1000)),
    failed: worker.stats.failed,
    cpu,
    explains,
  };
}

async function scenarioDue(t: Target, concurrency: number, backlog: number): Promise<Scenario> {
  const { db } = t.handle;
  await truncateJobs(db);
  await insertBacklog(db, backlog, now());
  const worker = newWorker(t, concurrency);
  const pending: Promise<number | null>[] = [];
  const starts: number[] = [];
  const probeErrors: unknown[] = [];
  // A probe after every `every` backlog jobs, enqueued from inside the handler (not awaited there): a timer would not
  // do — on PGlite the draining worker never yields to the timers phase (see eventLoopMaxMs).
  const every = Math.max(1, Math.floor(backlog / DUE_PROBES));
  let seen = 0;
  // The claim's plan on the backlog as inserted (no ANALYZE yet, as after a real fan-out), with this worker's limit and
  // with 8 free slots; then mid-drain from inside a handler (a timer would not fire on PGlite).
  const explains: Explain[] = [];
  for (const limit of new Set([concurrency, 8])) explains.push({ when: 'fresh', limit, lines: await explainClaim(db, limit) });
  let midDrain: Promise<string[]> | undefined;
  onBacklogJob = () => {
    seen++;
    if (seen === Math.floor(backlog / 2)) midDrain = explainClaim(db, concurrency);
    if (seen % every !== 0 || seen >= backlog) return;
    const id = nextProbe++;
    pending.push(awaitProbe(id));
    starts.push(performance.now());
    enqueue(db, noop, { probe: id }).catch((err: unknown) => probeErrors.push(err));
  };
  const h0 = handledCount;
  const meter = cpuMeter();
  const t0 = performance.now();
  const loopGap = loopGapMonitor();
  await worker.start();
  const deadline = t0 + 10 * 60_000;
  while (handledCount - h0 < backlog + pending.length && performance.now() < deadline) await sleep(20);
  const eventLoopMaxMs = loopGap();
  onBacklogJob = null;
  const ats = await Promise.all(pending);
  const handled = handledCount - h0;
  const wallMs = lastHandledAt - t0;
  const cpu = meter();
  await worker.stop({ graceMs: 5000 });
  if (probeErrors.length) throw new Error(`enqueue of a probe failed: ${String(probeErrors[0])}`);
  const latencies = ats.flatMap((at, i) => (at === null ? [] : [at - starts[i]!]));
  return {
    driver: t.handle.driver,
    kind: 'due',
    label: `due ${backlog.toLocaleString('en')} c${concurrency}`,
    concurrency,
    backlog,
    probes: latencies.length,
    lostProbes: ats.filter((a) => a === null).length,
    latencyMs: summarise(latencies),
    handled,
    wallMs: Math.round(wallMs),
    jobsPerSec: round(handled / (wallMs / 1000)),
    failed: worker.stats.failed,
    cpu,
    eventLoopMaxMs: round(eventLoopMaxMs),
    explains: midDrain ? [...explains, { when: 'mid-drain', limit: concurrency, lines: await midDrain }] : explains,
  };
}

/** The open target's cleanup, run on SIGINT/SIGTERM so that an interrupted run still drops its scratch database. */
let activeCleanup: (() => Promise<void>) | null = null;

async function runDriver(driver: Driver, opts: RunOptions): Promise<DriverReport> {
  let t: Target;
  const url = process.env.DATABASE_URL || DEFAULT_PG_URL;
  try {
    t = driver === 'pglite' ? await openPgliteTarget() : await openPostgresTarget(url);
  } catch (err) {
    const u = new URL(url);
    const reason = `${driver === 'postgres' ? `PostgreSQL at ${u.host} ` : ''}not available: ${err instanceof Error ? err.message : String(err)}`;
    log(`skipping ${driver}: ${reason}`);
    return { driver, target: driver === 'postgres' ? u.host : '', skipped: reason, scenarios: [] };
  }
  activeCleanup = async () => {
    await stopWorkers();
    await t.cleanup();
  };
  const scenarios: Scenario[] = [];
  const report = (s: Scenario) => {
    scenarios.push(s);
    log(
      `${driver.padEnd(8)} ${s.label.padEnd(18)} p50 ${String(s.latencyMs.p50).padStart(8)} ms  p95 ${String(s.latencyMs.p95).padStart(8)} ms  ` +
        `${String(s.jobsPerSec).padStart(7)} jobs/s  (${s.handled} jobs, ${(s.wallMs / 1000).toFixed(1)} s, cpu self ${s.cpu.self} db ${s.cpu.db} other ${s.cpu.other ?? '?'})`,
    );
  };
  try {
    log(`${driver}: ${t.target}`);
    report(await scenarioSequential(t, 'idle', opts.probes, 0));
    if (t.second) report(await scenarioSequential(t, 'notify', opts.probes, 0));
    report(await scenarioSequential(t, 'future', opts.probes, opts.backlog));
    report(await scenarioDue(t, 2, opts.backlog));
    report(await scenarioDue(t, 8, opts.c8Backlog));
  } finally {
    activeCleanup = null;
    await stopWorkers();
    await t.cleanup();
  }
  return { driver, target: t.target, scenarios };
}

export interface RunOptions {
  backlog: number;
  c8Backlog: number;
  probes: number;
  drivers: Driver[];
}

export async function runJobsBench(opts: RunOptions): Promise<JobsRunReport> {
  const start = loadavg();
  const drivers: DriverReport[] = [];
  for (const d of opts.drivers) drivers.push(await runDriver(d, opts));
  return { backlog: opts.backlog, c8Backlog: opts.c8Backlog, probes: opts.probes, loadavg: { start, end: loadavg() }, cpus: os.cpus().length, drivers };
}

async function main() {
  for (const sig of ['SIGINT', 'SIGTERM'] as const) {
    process.once(sig, () => {
      log(`${sig}: removing the scratch database and leaving`);
      const cleanup = activeCleanup;
      activeCleanup = null;
      void (cleanup ?? (async () => {}))().finally(() => process.exit(130));
    });
  }
  const backlog = Number(arg('--backlog') ?? DEFAULT_BACKLOG);
  const c8Backlog = Number(arg('--c8-backlog') ?? Math.min(backlog, DEFAULT_C8_BACKLOG));
  const probes = Number(arg('--probes') ?? DEFAULT_PROBES);
  const drivers = (arg('--drivers') ?? 'pglite,postgres').split(',').filter(Boolean) as Driver[];
  if (![backlog, c8Backlog, probes].every((n) => Number.isInteger(n) && n >= 1)) throw new Error('--backlog, --c8-backlog and --probes take positive whole numbers');
  if (drivers.some((d) => d !== 'pglite' && d !== 'postgres')) throw new Error('--drivers takes pglite, postgres or both (comma-separated)');
  const report = await runJobsBench({ backlog, c8Backlog, probes, drivers });
  console.log(JSON.stringify(report));
}

runIfMain(import.meta.filename, main);
