/**
 * tsx --conditions=react-server scripts/bench/bookings-run.ts [--per-client N] [--rounds N] [--availability N]
 *                                                             [--drivers pglite,postgres] [--keep]
 *
 * Innovation-space bookings measured in process (issue 11 §Benchmarks): run by the `bookings` benchmark
 * (scripts/bench/benchmarks/bookings.ts, `npm run bench -- bookings`) or alone (no Next build, no server).
 *
 * Each driver gets a database of its own, migrated, seeded with reference data only, and removed afterwards:
 *   pglite    a fresh PGlite directory under .data-bench/ (file-backed, as the app runs it);
 *   postgres  only when DATABASE_URL is set: a scratch database jp_bench_bookings_<pid> created on that server and
 *             dropped with (force) afterwards (pool of 40 connections). The database the URL names is never written
 *             to. Skipped, with the reason, when the server does not answer or refuses CREATE DATABASE.
 * The process-wide handle (getDb) is pointed at the scratch database before anything runs.
 *
 * Scenarios (requests go through the route handler of POST /api/v1/bookings — toHandler(createBookingRoute) with a
 * real Request and a Bearer session, so auth, validation, the rules, the exclusion constraint and the audit row are in
 * the figure; availability calls spaceAvailability, the function GET /api/v1/spaces/{id}/availability calls):
 *   create c20     20 clients, each its own talent, book distinct free one-hour windows of one space back to back
 *                  (--per-client, default 40, after 5 unmeasured each); latency per request, bookings/s; every
 *                  response must be 201.
 *   contention 40  --rounds (default 10) rounds: 40 talents send the identical request for one window at once; count
 *                  of 201 / 409 SLOT_TAKEN / other, then the rows of that window (must be exactly one booking, and
 *                  exactly one 201 with 39 × 409).
 *   availability   a busy space: 500 blocking bookings (confirmed, pending, checked-in, live holds) of one hour over
 *                  the next 30 days plus 150 non-blocking rows (cancelled, expired holds); the month's grid computed
 *                  --availability (default 200) times after 20 unmeasured, one at a time; p95 of the computation.
 * Prints progress on stderr and one JSON object on the last stdout line.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Db, DbHandle } from '@/db/client';
import { summarise } from './load';
import { createScratchDatabase } from './scratch-pg';
import { cpuSecondsByName, machineBusySeconds } from './proc';
import { arg } from './run-args';
import { runIfMain } from './run-main';
import type { Latency } from './types';

const log = (m: string) => process.stderr.write(`[bookings] ${m}\n`);
const HOUR = 3_600_000;
const DAY = 86_400_000;

export const DEFAULT_PER_CLIENT = 40;
export const CLIENTS = 20;
export const CONTENDERS = 40;
export const DEFAULT_ROUNDS = 10;
export const BUSY_BOOKINGS = 500;
export const DEFAULT_AVAILABILITY_RUNS = 200;
const WARMUP_PER_CLIENT = 5;
const AVAILABILITY_WARMUP = 20;

export type Driver = 'pglite' | 'postgres';

export interface CpuCores {
  /** This process: the handlers and (PGlite) the database itself. */
  self: number;
  /** Local PostgreSQL backends (0 on PGlite). */
  db: number;
  /** Everything else on the machine meanwhile: high means depressed figures (BUSY). */
  other: number | null;
}

export interface Scenario {
  driver: Driver;
  kind: 'create' | 'contention' | 'availability';
  label: string;
  concurrency: number;
  /** Requests (or computations) measured. */
  count: number;
  latencyMs: Latency;
  wallMs: number;
  perSec: number;
  statusCodes: Record<string, number>;
  /** Responses or rows that break the scenario's invariant (non-201 in create; see contention). */
  failures: number;
  cpu: CpuCores;
  /** contention: per round 201s, 409s, others, rows of the window. */
  rounds?: { created: number; taken: number; other: number; rows: number }[];
  /** availability: slots in the month's grid and how many were taken / free. */
  grid?: { slots: number; taken: number; free: number; blocking: number; nonBlocking: number };
  problems: string[];
}

export interface DriverReport {
  driver: Driver;
  target: string;
  skipped?: string;
  scenarios: Scenario[];
}

export interface BookingsRunReport {
  perClient: number;
  rounds: number;
  availabilityRuns: number;
  loadavg: { start: number[]; end: number[] };
  cpus: number;
  drivers: DriverReport[];
}

const round2 = (n: number) => Math.round(n * 100) / 100;
const loadavg = () => os.loadavg().map((n) => round2(n));

/** The app modules, imported when the run starts. */
async function loadApp() {
  const [client, schema, seed, api, route, sessions, service] = await Promise.all([
    import('@/db/client'),
    import('@/db/schema'),
    import('@/db/seed'),
    import('@/lib/bookings/api'),
    import('@/lib/api/route'),
    import('@/lib/auth/sessions'),
    import('@/lib/bookings/service'),
  ]);
  return { client, schema, seed, api, route, sessions, service };
}
type App = Awaited<ReturnType<typeof loadApp>>;

interface Target {
  handle: DbHandle;
  target: string;
  cleanup(): Promise<void>;
}

async function openPgliteTarget(app: App): Promise<Target> {
  const runDir = path.resolve('.data-bench', `bookings-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
  const handle = await app.client.openPglite(path.join(runDir, 'pglite'));
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
async function openPostgresTarget(app: App, url: string): Promise<Target> {
  const scratch = await createScratchDatabase(url, 'bookings');
  const { name, drop } = scratch;
  let handle: DbHandle | undefined;
  try {
    handle = await app.client.openPostgres(scratch.url, { migrate: true, max: CONTENDERS });
  } catch (err) {
    await drop();
    throw err;
  }
  const h = handle;
  return {
    handle: h,
    target: `${scratch.host}/${name} (scratch, dropped afterwards; pool of ${CONTENDERS})`,
    async cleanup() {
      await h.close();
      await drop();
    },
  };
}

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
    return { self: round2(self), db: round2(db), other: other === null ? null : round2(other) };
  };
}

/** A space open around the clock on a one-hour grid, bookable from now for a year (no quotas, no approval). */
async function insertSpace(app: App, db: Db, label: string) {
  const allDay = [{ start: '00:00', end: '24:00' }];
  const [s] = await db
    .insert(app.schema.spaces)
    .values({
      zoneCode: 'jkq',
      kind: 'studio',
      nameZh: `基准测试工作室 ${label}`,
      nameEn: `Bench studio ${label}`,
      openingHours: { '1': allDay, '2': allDay, '3': allDay, '4': allDay, '5': allDay, '6': allDay, '7': allDay },
      slotMinutes: 60,
      minMinutes: 60,
      maxMinutes: 480,
      minNoticeMin: 0,
      maxAdvanceDays: 366,
      cancelCutoffMin: 60,
      checkinToken: crypto.randomBytes(12).toString('hex'),
      icalToken: crypto.randomBytes(12).toString('hex'),
    })
    .returning();
  return s!;
}

/** `n` talents with an API session each (no password work): their Bearer headers. */
async function talents(app: App, db: Db, n: number, tag: string): Promise<{ id: string; headers: Record<string, string> }[]> {
  const rows = await db
    .insert(app.schema.users)
    .values(Array.from({ length: n }, (_, i) => ({ email: `bench-${tag}-${i}-${crypto.randomBytes(3).toString('hex')}@bench.local`, displayName: `基准${tag}${i}`, role: 'talent' as const, passwordHash: 'x' })))
    .returning();
  const out: { id: string; headers: Record<string, string> }[] = [];
  for (const u of rows) {
    const { token } = await app.sessions.createSession(db, u, 'api', { ip: '127.0.0.1', userAgent: 'bench' });
    out.push({ id: u.id, headers: { authorization: `Bearer ${token}` } });
  }
  return out;
}

/** POST /api/v1/bookings through the route handler, as Next calls it; returns the status and the elapsed ms. */
function poster(app: App) {
  const handler = app.route.toHandler(app.api.createBookingRoute);
  return async (headers: Record<string, string>, body: unknown, ip: string): Promise<{ status: number; ms: number; code?: string }> => {
    const req = new Request('http://localhost:3000/api/v1/bookings', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': ip, ...headers },
      body: JSON.stringify(body),
    });
    const t0 = performance.now();
    const res = await handler(req, { params: Promise.resolve({}) });
    const text = await res.text();
    const ms = performance.now() - t0;
    let code: string | undefined;
    if (res.status >= 400) {
      try {
        code = (JSON.parse(text) as { code?: string }).code;
      } catch {
        code = undefined;
      }
    }
    return { status: res.status, ms, code };
  };
}

/** The start of the hour `n` hours after the next full hour. */
function hourSlot(base: number, n: number): { startsAt: string; endsAt: string } {
  const start = base + n * HOUR;
  return { startsAt: new Date(start).toISOString(), endsAt: new Date(start + HOUR).toISOString() };
}

async function scenarioCreate(app: App, t: Target, perClient: number): Promise<Scenario> {
  const { db, driver } = t.handle;
  const s = await insertSpace(app, db, 'create');
  const clients = await talents(app, db, CLIENTS, 'c');
  const post = poster(app);
  const base = Math.ceil(Date.now() / HOUR) * HOUR + HOUR;
  let next = 0;
  const codes: Record<string, number> = {};
  const latencies: number[] = [];
  const problems: string[] = [];
  let failures = 0;
  const run = async (measured: boolean, each: number) =>
    Promise.all(
      clients.map(async (c, i) => {
        for (let k = 0; k < each; k++) {
          const win = hourSlot(base, next++); // distinct free windows: each is taken once
          const r = await post(c.headers, { spaceId: s.id, ...win }, `198.51.100.${i + 1}`);
          if (!measured) continue;
          codes[r.status] = (codes[r.status] ?? 0) + 1;
          latencies.push(r.ms);
          if (r.status !== 201) {
            failures++;
            if (problems.length < 3) problems.push(`create c20: ${r.status} ${r.code ?? ''} for a free window`);
          }
        }
      }),
    );
  await run(false, WARMUP_PER_CLIENT);
  const meter = cpuMeter();
  const t0 = performance.now();
  await run(true, perClient);
  const wallMs = performance.now() - t0;
  const cpu = meter();
  return { driver, kind: 'create', label: 'create c20', concurrency: CLIENTS, count: latencies.length, latencyMs: summarise(latencies), wallMs: Math.round(wallMs), perSec: round2(latencies.length / (wallMs / 1000)), statusCodes: codes, failures, cpu, problems };
}

async function scenarioContention(app: App, t: Target, rounds: number): Promise<Scenario> {
  const { db, driver } = t.handle;
  const { bookings } = app.schema;
  const { and, eq } = await import('drizzle-orm');
  const s = await insertSpace(app, db, 'contention');
  const people = await talents(app, db, CONTENDERS, 'x');
  const post = poster(app);
  const base = Math.ceil(Date.now() / HOUR) * HOUR + 2 * HOUR;
  const codes: Record<string, number> = {};
  const latencies: number[] = [];
  const perRound: NonNullable<Scenario['rounds']> = [];
  const problems: string[] = [];
  let failures = 0;
  // One unmeasured round first (plans, connections).
  const warm = hourSlot(base, 10 * rounds + 5);
  await Promise.all(people.map((p, i) => post(p.headers, { spaceId: s.id, ...warm }, `203.0.113.${i + 1}`)));
  const meter = cpuMeter();
  const t0 = performance.now();
  for (let r = 0; r < rounds; r++) {
    const win = hourSlot(base, r * 3);
    const body = { spaceId: s.id, ...win };
    const res = await Promise.all(people.map((p, i) => post(p.headers, body, `203.0.113.${i + 1}`)));
    const created = res.filter((x) => x.status === 201).length;
    const taken = res.filter((x) => x.status === 409 && x.code === 'SLOT_TAKEN').length;
    for (const x of res) {
      codes[x.status] = (codes[x.status] ?? 0) + 1;
      latencies.push(x.ms);
    }
    const rows = (await db.select({ id: bookings.id }).from(bookings).where(and(eq(bookings.spaceId, s.id), eq(bookings.startsAt, new Date(win.startsAt))))).length;
    perRound.push({ created, taken, other: res.length - created - taken, rows });
    if (created !== 1 || taken !== CONTENDERS - 1 || rows !== 1) {
      failures++;
      problems.push(`contention round ${r + 1}: ${created} × 201, ${taken} × 409 SLOT_TAKEN, ${res.length - created - taken} other, ${rows} rows for the window (expected 1, ${CONTENDERS - 1}, 0, 1)`);
    }
  }
  const wallMs = performance.now() - t0;
  const cpu = meter();
  return { driver, kind: 'contention', label: `contention ${CONTENDERS}×${rounds}`, concurrency: CONTENDERS, count: latencies.length, latencyMs: summarise(latencies), wallMs: Math.round(wallMs), perSec: round2(latencies.length / (wallMs / 1000)), statusCodes: codes, failures, cpu, rounds: perRound, problems };
}

async function scenarioAvailability(app: App, t: Target, runs: number): Promise<Scenario> {
  const { db, driver } = t.handle;
  const { bookings } = app.schema;
  const s = await insertSpace(app, db, 'busy');
  const people = await talents(app, db, 25, 'b');
  const from = new Date(Math.ceil(Date.now() / DAY) * DAY + DAY); // a day boundary (UTC) after tomorrow's start
  const to = new Date(from.getTime() + 30 * DAY);
  // 500 of the month's 720 hours, chosen at random (a fixed seed keeps runs comparable), in blocking statuses.
  const hoursOfMonth = Array.from({ length: 30 * 24 }, (_, i) => i);
  let seed = 11;
  const rand = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  for (let i = hoursOfMonth.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [hoursOfMonth[i], hoursOfMonth[j]] = [hoursOfMonth[j]!, hoursOfMonth[i]!];
  }
  const at = (h: number) => new Date(from.getTime() + h * HOUR);
  const statusFor = (i: number) => (i % 10 === 0 ? 'pending' : i % 25 === 1 ? 'held' : i % 20 === 2 ? 'checked_in' : 'confirmed') as 'pending' | 'held' | 'checked_in' | 'confirmed';
  const blocking = hoursOfMonth.slice(0, BUSY_BOOKINGS).map((h, i) => {
    const status = statusFor(i);
    return { spaceId: s.id, userId: people[i % people.length]!.id, status, startsAt: at(h), endsAt: at(h + 1), blockStart: at(h), blockEnd: at(h + 1), holdExpiresAt: status === 'held' ? new Date(Date.now() + 7 * DAY) : null };
  });
  // Rows that must not block: cancelled bookings anywhere, holds that expired without a sweep (still "held" in the table).
  const nonBlocking = hoursOfMonth.slice(0, 150).map((h, i) => ({
    spaceId: s.id,
    userId: people[(i + 7) % people.length]!.id,
    status: 'cancelled' as const,
    startsAt: at(h),
    endsAt: at(h + 1),
    blockStart: at(h),
    blockEnd: at(h + 1),
    holdExpiresAt: null,
  }));
  const staleHolds = hoursOfMonth.slice(BUSY_BOOKINGS, BUSY_BOOKINGS + 20).map((h, i) => ({ spaceId: s.id, userId: people[i % people.length]!.id, status: 'held' as const, startsAt: at(h), endsAt: at(h + 1), blockStart: at(h), blockEnd: at(h + 1), holdExpiresAt: new Date(Date.now() - HOUR) }));
  for (let i = 0; i < blocking.length; i += 250) await db.insert(bookings).values(blocking.slice(i, i + 250));
  await db.insert(bookings).values([...nonBlocking, ...staleHolds]);
  const range = { from: from.toISOString(), to: to.toISOString() };
  let last: Awaited<ReturnType<App['service']['spaceAvailability']>> | undefined;
  for (let i = 0; i < AVAILABILITY_WARMUP; i++) last = await app.service.spaceAvailability(s.id, range);
  const latencies: number[] = [];
  const meter = cpuMeter();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) {
    const a = performance.now();
    last = await app.service.spaceAvailability(s.id, range);
    latencies.push(performance.now() - a);
  }
  const wallMs = performance.now() - t0;
  const cpu = meter();
  const slots = last!.slots;
  const taken = slots.filter((x) => x.state === 'taken').length;
  const free = slots.filter((x) => x.state === 'free').length;
  const problems: string[] = [];
  if (taken !== BUSY_BOOKINGS) problems.push(`availability: ${taken} slots taken in the month, expected ${BUSY_BOOKINGS} (one per blocking booking; cancelled rows and expired holds never block)`);
  return {
    driver,
    kind: 'availability',
    label: `availability 30 d, ${BUSY_BOOKINGS} bookings`,
    concurrency: 1,
    count: latencies.length,
    latencyMs: summarise(latencies),
    wallMs: Math.round(wallMs),
    perSec: round2(latencies.length / (wallMs / 1000)),
    statusCodes: {},
    failures: problems.length,
    cpu,
    grid: { slots: slots.length, taken, free, blocking: blocking.length, nonBlocking: nonBlocking.length + staleHolds.length },
    problems,
  };
}

/** The open target's cleanup, run on SIGINT/SIGTERM so that an interrupted run still drops its scratch database. */
let activeCleanup: (() => Promise<void>) | null = null;

async function runDriver(app: App, driver: Driver, opts: RunOptions): Promise<DriverReport> {
  const url = process.env.DATABASE_URL;
  if (driver === 'postgres' && !url) return { driver, target: '', skipped: 'DATABASE_URL is not set', scenarios: [] };
  let t: Target;
  try {
    t = driver === 'pglite' ? await openPgliteTarget(app) : await openPostgresTarget(app, url!);
  } catch (err) {
    const reason = `${driver === 'postgres' ? `PostgreSQL at ${new URL(url!).host} ` : ''}not available: ${err instanceof Error ? err.message : String(err)}`;
    log(`skipping ${driver}: ${reason}`);
    return { driver, target: driver === 'postgres' ? new URL(url!).host : '', skipped: reason, scenarios: [] };
  }
  activeCleanup = () => t.cleanup();
  // Every service call (getDb) goes to the scratch database, never to DATABASE_URL's.
  app.client.setDbHandle(t.handle);
  const scenarios: Scenario[] = [];
  const report = (s: Scenario) => {
    scenarios.push(s);
    log(
      `${driver.padEnd(8)} ${s.label.padEnd(30)} p50 ${String(s.latencyMs.p50).padStart(8)} ms  p95 ${String(s.latencyMs.p95).padStart(8)} ms  ` +
        `${String(s.perSec).padStart(7)}/s  (${s.count}, ${JSON.stringify(s.statusCodes)}, cpu self ${s.cpu.self} db ${s.cpu.db} other ${s.cpu.other ?? '?'})`,
    );
  };
  try {
    log(`${driver}: ${t.target}`);
    await app.seed.seedReferenceData(t.handle.db);
    report(await scenarioCreate(app, t, opts.perClient));
    report(await scenarioContention(app, t, opts.rounds));
    report(await scenarioAvailability(app, t, opts.availabilityRuns));
  } finally {
    activeCleanup = null;
    app.client.setDbHandle(undefined);
    await t.cleanup();
  }
  return { driver, target: t.target, scenarios };
}

export interface RunOptions {
  perClient: number;
  rounds: number;
  availabilityRuns: number;
  drivers: Driver[];
}

export async function runBookingsBench(opts: RunOptions): Promise<BookingsRunReport> {
  const app = await loadApp();
  const start = loadavg();
  const drivers: DriverReport[] = [];
  for (const d of opts.drivers) drivers.push(await runDriver(app, d, opts));
  return { perClient: opts.perClient, rounds: opts.rounds, availabilityRuns: opts.availabilityRuns, loadavg: { start, end: loadavg() }, cpus: os.cpus().length, drivers };
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
  const perClient = Number(arg('--per-client') ?? DEFAULT_PER_CLIENT);
  const rounds = Number(arg('--rounds') ?? DEFAULT_ROUNDS);
  const availabilityRuns = Number(arg('--availability') ?? DEFAULT_AVAILABILITY_RUNS);
  const drivers = (arg('--drivers') ?? 'pglite,postgres').split(',').filter(Boolean) as Driver[];
  if (![perClient, rounds, availabilityRuns].every((n) => Number.isInteger(n) && n >= 1)) throw new Error('--per-client, --rounds and --availability take positive whole numbers');
  if (drivers.some((d) => d !== 'pglite' && d !== 'postgres')) throw new Error('--drivers takes pglite, postgres or both (comma-separated)');
  const report = await runBookingsBench({ perClient, rounds, availabilityRuns, drivers });
  console.log(JSON.stringify(report));
}

runIfMain(import.meta.filename, main);
