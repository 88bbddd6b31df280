/**
 * The production server the benchmarks run against: build if needed, a fresh seeded PGlite directory (or a scratch
 * database on the DATABASE_URL server), `next start` on a free loopback port, readiness on GET /api/v1/ping, and a
 * clean stop.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import postgres from 'postgres';
import { cpuSeconds, findNextServerPid, peakRssMiB, rssMiB } from './proc';

const BIN = (name: string) => path.join('node_modules', '.bin', name);

/**
 * A fixed, public, benchmark-only master key (base64 of 32 bytes): keys derived from it encrypt the throwaway
 * database's phone numbers and sign its audit chain. Never use it for real data.
 */
export const BENCH_MASTER_KEY = Buffer.from('jingpiao-bench-only-not-a-secret').toString('base64');

/**
 * The per-IP login throttle (lib/auth/login.ts: LOGIN_IP_LIMIT attempts per 15 minutes, default 50) counts every
 * attempt from 127.0.0.1, successes included, so it would stop the login benchmark after 50 requests. The bench
 * server raises it; the throttle itself is exercised by the auth tests, not here.
 */
export const BENCH_LOGIN_IP_LIMIT = '1000000000';

/**
 * The environment of a bench server: the caller's, the database's, the bench key and per-IP limits lifted (every
 * request comes from 127.0.0.1), plus `extra`. Not inherited: NODE_ENV (next start sets production itself) and the
 * test clock.
 */
export function benchServerEnv(dbEnv: Record<string, string>, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    ...dbEnv,
    APP_ENV: 'test',
    APP_MASTER_KEY: BENCH_MASTER_KEY,
    NEXT_TELEMETRY_DISABLED: '1',
    LOGIN_IP_LIMIT: BENCH_LOGIN_IP_LIMIT,
    ...extra,
  };
  Reflect.deleteProperty(env, 'NODE_ENV');
  Reflect.deleteProperty(env, 'APP_TEST_CLOCK');
  return env;
}

export type Log = (message: string) => void;

export function buildInfo(): { buildId: string | null; stale: boolean } {
  const idFile = path.join('.next', 'BUILD_ID');
  if (!fs.existsSync(idFile)) return { buildId: null, stale: false };
  const builtAt = fs.statSync(idFile).mtimeMs;
  let newest = 0;
  const visit = (p: string) => {
    let st: fs.Stats;
    try {
      st = fs.statSync(p);
    } catch {
      return;
    }
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(p)) if (!e.startsWith('.') && e !== 'node_modules') visit(path.join(p, e));
    } else if (/\.(tsx?|mjs|css|json)$/.test(p) && !p.endsWith('.test.ts')) {
      newest = Math.max(newest, st.mtimeMs);
    }
  };
  for (const p of ['app', 'components', 'lib', 'db', 'proxy.ts', 'instrumentation.ts', 'next.config.mjs']) visit(p);
  return { buildId: fs.readFileSync(idFile, 'utf8').trim(), stale: newest > builtAt };
}

/** Runs `next build` when .next/BUILD_ID is missing (or when forced). */
export function ensureBuild(force: boolean, log: Log): { buildId: string; built: boolean; stale: boolean } {
  const before = buildInfo();
  if (before.buildId && !force) {
    if (before.stale) log('⚠ .next is older than some sources; pass --build to rebuild / 构建产物早于源码，可加 --build 重新构建');
    return { buildId: before.buildId, built: false, stale: before.stale };
  }
  log(force ? 'Building (--build) / 构建中…' : 'No production build (.next/BUILD_ID missing): running next build / 未找到构建产物，开始构建…');
  const r = spawnSync(BIN('next'), ['build'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) throw new Error(`next build failed (exit ${r.status}) / 构建失败`);
  const after = buildInfo();
  if (!after.buildId) throw new Error('next build produced no .next/BUILD_ID / 构建未生成 BUILD_ID');
  return { buildId: after.buildId, built: true, stale: false };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))));
    });
  });
}

export interface Database {
  driver: 'pglite' | 'postgres';
  /** The temporary run directory (PGlite data + lock), removed by cleanup(). */
  runDir: string | null;
  env: Record<string, string>;
  /** Host/database the benchmark runs on, without credentials; or the PGlite directory. */
  target: string;
  /** Removes the run directory or drops the scratch database. */
  cleanup(): Promise<void>;
  /** What to remove by hand when the run is killed before cleanup() finished. */
  leftover: string;
}

/**
 * A fresh PGlite directory under .data-bench/, or — with DATABASE_URL — a scratch database created on that server
 * for this run and dropped afterwards (like the jobs and reverse benchmarks), migrated and seeded either way. The
 * benchmark never writes into the database DATABASE_URL names: seeding there under the benchmark's master key mixed
 * rows another key cannot read into existing data, and its audit rows later verified as edited (issue 14 §1).
 */
export async function prepareDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  if (url) return createScratchPostgres(url);
  const root = path.resolve('.data-bench');
  const runDir = path.join(root, `run-${new Date().toISOString().replace(/[:.]/g, '-')}-${process.pid}`);
  const dataDir = path.join(runDir, 'pglite');
  fs.mkdirSync(runDir, { recursive: true });
  return {
    driver: 'pglite',
    runDir,
    env: { PGLITE_DIR: dataDir },
    target: path.relative(process.cwd(), dataDir),
    leftover: runDir,
    async cleanup() {
      fs.rmSync(runDir, { recursive: true, force: true });
      try {
        fs.rmdirSync(root); // only when no other run is using it
      } catch {
        /* not empty or already gone */
      }
    },
  };
}

/** Prefix of the scratch databases, so a leftover one is recognisable (and droppable) as the benchmark's. */
export const SCRATCH_PREFIX = 'jp_bench_run_';

export async function createScratchPostgres(url: string): Promise<Database> {
  const name = `${SCRATCH_PREFIX}${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    await admin.unsafe(`create database ${name}`);
  } catch (err) {
    throw new Error(`Cannot create the scratch database ${name} on ${new URL(url).host} (the benchmark needs CREATEDB there): ${err instanceof Error ? err.message : String(err)} / 无法创建临时数据库`);
  } finally {
    await admin.end({ timeout: 2 });
  }
  const u = new URL(url);
  u.pathname = `/${name}`;
  return {
    driver: 'postgres',
    runDir: null,
    env: { DATABASE_URL: u.toString() },
    target: `${u.host}/${name} (scratch, dropped afterwards)`,
    leftover: `database ${name} on ${u.host}`,
    async cleanup() {
      const dropper = postgres(url, { max: 1, onnotice: () => {}, connect_timeout: 10 });
      try {
        await dropper.unsafe(`drop database if exists ${name} with (force)`);
      } finally {
        await dropper.end({ timeout: 2 });
      }
    },
  };
}

export interface SeedOptions {
  /** Synthetic talents (scripts/seed.ts --scale N); 0 or unset: reference data and demo accounts only. */
  scale?: number;
  /** Zone to move the synthetic talents into afterwards (scripts/bench/prepare-db.ts), e.g. 'jkq'. */
  zone?: string;
}

export interface SeedResult {
  /** Wall time of scripts/seed.ts. */
  seedMs: number;
  /** Wall time of the zone move and VACUUM ANALYZE (0 without a scaled seed). */
  prepareMs: number;
  /** scripts/bench/prepare-db.ts's one-line summary, e.g. "37506 synthetic talents moved to zone jkq (经开区); 50003 profiles in the zone; VACUUM ANALYZE done". */
  prepared: string | null;
}

function runTsx(args: string[], env: NodeJS.ProcessEnv, what: string): string {
  const r = spawnSync(BIN('tsx'), args, { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0) {
    throw new Error(`${what} failed (exit ${r.status ?? r.signal}) / 数据初始化失败:\n${(r.stderr || r.stdout || '').trim().slice(-2000)}`);
  }
  return r.stdout;
}

/**
 * Seeds with scripts/seed.ts (migrations + reference data + demo accounts, plus `--scale N` synthetic talents when
 * asked); must finish before the server opens PGlite. After a scaled seed, scripts/bench/prepare-db.ts moves the
 * synthetic talents into the zone (if one is given) and runs VACUUM ANALYZE, as autovacuum would on a real server after
 * a bulk load — up front, so autovacuum does not compete with the measurements (PGlite has no autovacuum).
 */
export function seed(env: NodeJS.ProcessEnv, log: Log, opts: SeedOptions = {}): SeedResult {
  const scale = opts.scale ?? 0;
  log(scale > 0 ? `Seeding the benchmark database with ${scale.toLocaleString('en')} synthetic talents / 初始化基准数据库（${scale} 名合成人才）…` : 'Seeding the benchmark database / 初始化基准数据库…');
  const t0 = performance.now();
  runTsx(['scripts/seed.ts', ...(scale > 0 ? ['--scale', String(scale)] : [])], env, 'Seeding');
  const seedMs = Math.round(performance.now() - t0);
  if (scale > 0) log(`Seeded in ${(seedMs / 1000).toFixed(1)} s / 数据初始化完成`);
  if (scale <= 0) return { seedMs, prepareMs: 0, prepared: null };
  const t1 = performance.now();
  const prepared = runTsx(['scripts/bench/prepare-db.ts', ...(opts.zone ? ['--zone', opts.zone] : [])], env, 'Preparing the benchmark database').trim().split('\n').pop() ?? '';
  const prepareMs = Math.round(performance.now() - t1);
  log(`${prepared} in ${(prepareMs / 1000).toFixed(1)} s`);
  return { seedMs, prepareMs, prepared };
}

export interface RunningServer {
  baseUrl: string;
  /** The spawned process (process-group leader). */
  rootPid: number;
  /** The next-server process whose RSS and CPU are measured. */
  serverPid: number;
  bootMs: number;
  logFile: string;
  rss(): number | null;
  peakRss(): number | null;
  /** SIGTERM to the server's process group, SIGKILL after 15 s; resolves when it has exited. Idempotent. */
  stop(): Promise<void>;
  /** SIGKILL now (second Ctrl-C). */
  kill(): void;
}

function tail(file: string, lines = 30): string {
  try {
    return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function waitForPing(baseUrl: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`next start exited early (${child.exitCode ?? child.signalCode})`);
    try {
      const res = await fetch(new URL('/api/v1/ping', baseUrl), { signal: AbortSignal.timeout(2000) });
      if (res.ok) return;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`GET /api/v1/ping did not answer within ${timeoutMs / 1000} s`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * Waits until the server has finished its start-up work before anything is measured: the embedded search index
 * (built from the database after the first request, 9–11 s on the demo seed) and whatever the in-process job worker
 * catches up on. Without this the first benchmark of a run shared the CPU with the index build (`api`'s /api/v1/me
 * measured 0.24× ping right after start, 0.45× half a minute later). Done when health reports the index ready (or
 * failed, or Meilisearch) and the server then uses under a fifth of a core for two half-second samples in a row;
 * gives up (and says so) after 90 s. Returns the milliseconds waited.
 */
export async function waitUntilSettled(server: RunningServer, log: Log, timeoutMs = 90_000): Promise<number> {
  const t0 = performance.now();
  const deadline = Date.now() + timeoutMs;
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  for (;;) {
    const health = (await fetch(new URL('/api/v1/health', server.baseUrl))
      .then((r) => r.json())
      .catch(() => null)) as { search?: { engine?: string; state?: string } } | null;
    const state = health?.search?.state;
    if (health?.search?.engine === 'meilisearch' || state === 'ready' || state === 'failed') break;
    if (Date.now() > deadline) {
      log(`the search index is still ${state ?? 'unknown'} after ${timeoutMs / 1000} s: measuring anyway / 搜索索引仍未就绪`);
      return Math.round(performance.now() - t0);
    }
    await sleep(250);
  }
  let quiet = 0;
  let last = cpuSeconds(server.serverPid);
  while (last !== null && quiet < 2 && Date.now() < deadline) {
    await sleep(500);
    const now = cpuSeconds(server.serverPid);
    if (now === null) break;
    quiet = now - last < 0.1 ? quiet + 1 : 0;
    last = now;
  }
  return Math.round(performance.now() - t0);
}

export async function startServer(env: NodeJS.ProcessEnv, logFile: string, log: Log): Promise<RunningServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, 'w');
  const t0 = performance.now();
  // Own process group (detached) so stop() can signal next-server and anything it forks, and nothing else.
  const child = spawn(BIN('next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    env: { ...env, NEXTAUTH_URL: baseUrl, PORT: String(port) },
    stdio: ['ignore', out, out],
    detached: true,
  });
  fs.closeSync(out);
  if (!child.pid) throw new Error('could not spawn next start');
  const rootPid = child.pid;
  log(`Starting next start on ${baseUrl} (pid ${rootPid}, log ${logFile}) / 启动服务器…`);

  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-rootPid, sig);
    } catch {
      /* group already gone */
    }
  };
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      signal('SIGTERM');
      const exitedInTime = await Promise.race([exited(child).then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), 15_000))]);
      if (!exitedInTime) {
        log('next start ignored SIGTERM for 15 s: sending SIGKILL / 服务器未在 15 秒内退出，强制结束');
        signal('SIGKILL');
        await exited(child);
      }
    })());

  try {
    await waitForPing(baseUrl, child, 120_000);
  } catch (err) {
    await stop();
    throw new Error(`${(err as Error).message} / 服务器未就绪\n--- ${logFile} ---\n${tail(logFile)}`);
  }
  const bootMs = Math.round(performance.now() - t0);
  const serverPid = findNextServerPid(rootPid);
  return { baseUrl, rootPid, serverPid, bootMs, logFile, rss: () => rssMiB(serverPid), peakRss: () => peakRssMiB(serverPid), stop, kill: () => signal('SIGKILL') };
}
