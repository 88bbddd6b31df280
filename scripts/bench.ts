/**
 * npm run bench [-- <benchmark ...>] [--duration s] [--warmup s] [--connections n] [--scale n] [--build] [--list] [--out dir]
 *
 * Without names it runs the default benchmarks (login, api); the opt-in ones (talents, export) need 50,000 seeded
 * talents and run only when named: `npm run bench -- talents export`.
 *
 * Runs named benchmarks (scripts/bench/registry.ts) against a production server it starts itself:
 *   1. `next build` when .next/BUILD_ID is missing (or with --build);
 *   2. a fresh PGlite directory under .data-bench/ seeded with scripts/seed.ts — or, when DATABASE_URL is set, a
 *      scratch database created on that server for the run (migrated, seeded, dropped afterwards; the database the
 *      URL names is never written to, so the server needs CREATEDB for that role); with
 *      `--scale N` synthetic talents when a selected benchmark asks for them (seedScale; --scale overrides), moved
 *      into one zone if it asks (seedZone), then VACUUM ANALYZE (scripts/bench/prepare-db.ts);
 *   3. `next start` on a free 127.0.0.1 port with APP_ENV=test, a fixed benchmark master key and a raised
 *      LOGIN_IP_LIMIT, ready when GET /api/v1/ping answers;
 *   4. each benchmark: warm-up, then a bounded autocannon run (one in-process worker), server RSS and CPU recorded;
 *   5. SIGTERM to the server, temp directory removed, table printed, JSON written to .bench/<timestamp>.json and
 *      .bench/latest.json.
 * Benchmarks that measure in process on databases of their own (`needsServer: false`, e.g. jobs) skip steps 1–3 and 5's
 * server stop when they are the only ones selected.
 * Exit codes: 0 all benchmarks clean; 1 a benchmark failed or saw errors / non-2xx responses; 2 bad command line.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseCli, usage } from './bench/cli';
import { measure, stopActiveLoad } from './bench/load';
import { renderTable, writeReport, type Machine, type Report, type ServerInfo } from './bench/report';
import { BENCHMARKS, BENCHMARK_NAMES, DEFAULT_BENCHMARK_NAMES, benchmarkByName } from './bench/registry';
import { BENCH_LOGIN_IP_LIMIT, benchServerEnv, ensureBuild, prepareDatabase, seed, startServer, waitUntilSettled, type Database, type RunningServer } from './bench/server';
import type { BenchContext, BenchResult, RunOptions } from './bench/types';

const log = (message: string) => process.stderr.write(`[bench] ${message}\n`);

function packageVersion(name: string): string | null {
  try {
    return (JSON.parse(fs.readFileSync(path.join('node_modules', name, 'package.json'), 'utf8')) as { version: string }).version;
  } catch {
    return null;
  }
}

async function login(baseUrl: string, loginId: string, password: string): Promise<string> {
  const res = await fetch(new URL('/api/v1/auth/login', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    body: JSON.stringify({ login: loginId, password }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`login as ${loginId} failed: HTTP ${res.status} ${text.slice(0, 300)} / 登录失败`);
  const token = (JSON.parse(text) as { token?: unknown }).token;
  if (typeof token !== 'string') throw new Error(`login as ${loginId}: no token in ${text.slice(0, 200)}`);
  return token;
}

async function main(): Promise<number> {
  const parsed = parseCli(process.argv.slice(2), BENCHMARK_NAMES, DEFAULT_BENCHMARK_NAMES);
  if (!parsed.ok) {
    console.error(`${parsed.message}\n\n${usage(BENCHMARK_NAMES, DEFAULT_BENCHMARK_NAMES)}`);
    return 2;
  }
  const cli = parsed.options;
  if (cli.help) {
    console.log(usage(BENCHMARK_NAMES, DEFAULT_BENCHMARK_NAMES));
    return 0;
  }
  if (cli.list) {
    for (const b of BENCHMARKS) {
      const seedNote = b.seedScale ? `, seeds ${b.seedScale.toLocaleString('en')} talents${b.seedZone ? ` in zone ${b.seedZone}` : ''}` : '';
      console.log(`${b.name.padEnd(10)} ${b.description} (default ${b.defaultConnections} connections${seedNote}${b.optIn ? '; runs only when named' : ''})`);
    }
    return 0;
  }

  const selected = cli.benchmarks.map((n) => benchmarkByName(n)!);
  const options: RunOptions = { durationSeconds: cli.durationSeconds, warmupSeconds: cli.warmupSeconds, connections: cli.connections };
  const measuredSeconds = selected.reduce((s, b) => s + (b.expectedSeconds ?? b.measurementCount * (cli.durationSeconds + cli.warmupSeconds)), 0);
  const needsServer = selected.some((b) => b.needsServer !== false);
  // The largest seed any selected benchmark asks for (--scale overrides); the zone of the first that names one.
  const seedScale = cli.scale ?? Math.max(0, ...selected.map((b) => b.seedScale ?? 0));
  const seedZone = seedScale > 0 ? (selected.find((b) => b.seedZone)?.seedZone ?? null) : null;
  const seedNote = seedScale > 0 ? ` plus seeding ${seedScale.toLocaleString('en')} talents (~${Math.max(1, Math.round(seedScale / 2500))} s on PGlite)` : '';
  log(
    needsServer
      ? `${selected.map((b) => b.name).join(', ')}: about ${Math.round(measuredSeconds)} s of load${seedNote} plus ~15 s setup / 预计负载 ${Math.round(measuredSeconds)} 秒`
      : `${selected.map((b) => b.name).join(', ')}: in process, no server; about ${Math.round(measuredSeconds)} s / 进程内测量，无需服务器，预计 ${Math.round(measuredSeconds)} 秒`,
  );

  const startedAt = new Date().toISOString();
  let build: ReturnType<typeof ensureBuild> | null = null;
  if (needsServer) {
    try {
      build = ensureBuild(cli.build, log);
    } catch (err) {
      log(`✗ ${err instanceof Error ? err.message : String(err)}`);
      return 1;
    }
  }
  let db: Database | null = null;
  if (needsServer) {
    try {
      db = await prepareDatabase();
    } catch (err) {
      log(`✗ ${err instanceof Error ? err.message : String(err)}`);
      return 1;
    }
  }
  let server: RunningServer | undefined;
  let serverInfo: ServerInfo | null = null;
  const results: BenchResult[] = [];

  const shutdown = async () => {
    await server?.stop();
    await db?.cleanup();
  };
  // First Ctrl-C: stop the load, let the current benchmark report what it measured, stop the server, write the JSON.
  // Second Ctrl-C: kill the server and leave at once.
  let interrupted: NodeJS.Signals | null = null;
  const onSignal = (sig: NodeJS.Signals) => {
    if (interrupted) {
      server?.kill();
      if (db?.runDir) fs.rmSync(db.runDir, { recursive: true, force: true });
      else if (db) log(`Forced exit: drop ${db.leftover} by hand / 强制退出：请手动删除 ${db.leftover}`);
      process.exit(130);
    }
    interrupted = sig;
    log(`${sig}: stopping the load, the server and cleaning up (again to force) / 收到 ${sig}，正在停止并清理（再按一次强制退出）`);
    stopActiveLoad();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);

  try {
    let ctx: BenchContext;
    let srv: RunningServer | null = null;
    if (!db || !build) {
      const noServer = () => Promise.reject(new Error('this benchmark declares needsServer: false / 该基准测试声明无需服务器'));
      ctx = { baseUrl: '', serverPid: null, options, log, login: noServer, load: noServer };
    } else {
      const env = benchServerEnv(db.env, { EVALUATE_IP_LIMIT: BENCH_LOGIN_IP_LIMIT });
      const seeded = seed(env, log, { scale: seedScale, zone: seedZone ?? undefined });
      const logFile = path.join(cli.outDir, 'server.log');
      server = await startServer(env, logFile, log);
      const health = (await (await fetch(new URL('/api/v1/health', server.baseUrl))).json()) as { db?: { driver?: string; status?: string } };
      if (health.db?.status !== 'ok') throw new Error(`GET /api/v1/health reports the database ${health.db?.status ?? 'missing'} / 数据库不可用`);
      if (health.db.driver !== db.driver) throw new Error(`server uses ${health.db.driver}, expected ${db.driver} / 数据库驱动不符`);
      const settleMs = await waitUntilSettled(server, log);
      const rssReady = server.rss();
      serverInfo = {
        url: server.baseUrl,
        pid: server.serverPid,
        buildId: build.buildId,
        buildStale: build.stale,
        seedMs: seeded.seedMs,
        seedScale,
        seedZone,
        prepareMs: seeded.prepareMs,
        prepared: seeded.prepared,
        bootMs: server.bootMs,
        settleMs,
        rssMiB: { ready: rssReady, end: null, peak: null },
        logFile,
      };
      log(`Ready in ${server.bootMs} ms, start-up work done ${settleMs} ms later; next-server pid ${server.serverPid}, RSS ${rssReady ?? '?'} MiB, db ${health.db?.driver} / 服务器就绪`);

      srv = server;
      const running = server;
      ctx = {
        baseUrl: srv.baseUrl,
        serverPid: srv.serverPid,
        options,
        log,
        login: (id, pw) => login(running.baseUrl, id, pw),
        load: (spec) => {
          log(`  ${spec.label}: ${spec.method ?? 'GET'} ${spec.path}, ${spec.connections} connections, ${options.warmupSeconds} s warm-up + ${options.durationSeconds} s`);
          return measure(running.baseUrl, spec, { ...options, serverPid: running.serverPid });
        },
      };
    }

    for (const bench of selected) {
      if (interrupted) break;
      log(`▶ ${bench.name}: ${bench.description}`);
      const t0 = performance.now();
      const result: BenchResult = {
        name: bench.name,
        description: bench.description,
        ok: true,
        problems: [],
        startedAt: new Date().toISOString(),
        elapsedSeconds: 0,
        rssMiB: { before: srv?.rss() ?? null, after: null },
        measurements: [],
        derived: {},
        notes: [],
      };
      try {
        const state = bench.setup ? await bench.setup(ctx) : undefined;
        const outcome = await bench.run(ctx, state);
        result.measurements = outcome.measurements;
        result.derived = outcome.derived ?? {};
        result.notes = outcome.notes ?? [];
        result.problems.push(...(outcome.problems ?? []));
        for (const m of outcome.measurements) {
          if (m.errors > 0) result.problems.push(`${m.label}: ${m.errors} connection errors (${m.timeouts} timeouts)`);
          if (m.non2xx > 0) result.problems.push(`${m.label}: ${m.non2xx} non-2xx responses ${JSON.stringify(m.statusCodes)}`);
          if (m.responses === 0) result.problems.push(`${m.label}: no responses`);
        }
      } catch (err) {
        result.problems.push(err instanceof Error ? err.message : String(err));
      }
      if (interrupted) result.problems.push(`interrupted by ${interrupted}: figures cover only part of the run`);
      result.ok = result.problems.length === 0;
      result.rssMiB.after = srv?.rss() ?? null;
      result.elapsedSeconds = Math.round((performance.now() - t0) / 100) / 10;
      results.push(result);
    }
    if (serverInfo && srv) {
      serverInfo.rssMiB.end = srv.rss();
      serverInfo.rssMiB.peak = srv.peakRss();
    }
  } catch (err) {
    log(`✗ ${err instanceof Error ? err.message : String(err)}`);
    results.push({
      name: 'harness',
      description: 'build, seed or server start',
      ok: false,
      problems: [err instanceof Error ? err.message.split('\n')[0]! : String(err)],
      startedAt,
      elapsedSeconds: 0,
      rssMiB: { before: null, after: null },
      measurements: [],
      derived: {},
      notes: [],
    });
  } finally {
    await shutdown();
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
  }

  const cpus = os.cpus();
  const machine: Machine = {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    totalMemoryMiB: Math.round(os.totalmem() / 1024 / 1024),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    next: packageVersion('next'),
    autocannon: packageVersion('autocannon'),
    driver: db?.driver ?? null,
    dbTarget: db?.target ?? 'no server: in-process benchmarks on databases of their own',
  };
  const report: Report = {
    schema: 1,
    startedAt,
    finishedAt: new Date().toISOString(),
    command: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
    options: { benchmarks: cli.benchmarks, durationSeconds: cli.durationSeconds, warmupSeconds: cli.warmupSeconds, connections: cli.connections ?? null },
    machine,
    server: serverInfo,
    ok: results.every((r) => r.ok),
    results,
  };
  console.log(`\n${renderTable(report)}`);
  const file = writeReport(report, cli.outDir);
  console.log(`\nWritten / 已写入: ${file} and ${path.join(cli.outDir, 'latest.json')}`);
  return interrupted ? 130 : report.ok ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
