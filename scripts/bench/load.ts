/**
 * One measurement with autocannon 9 (programmatic API, in-process: no worker threads, so the load generator takes
 * at most one of the two cores). A warm-up run precedes the measured run; latency percentiles are computed exactly
 * from every response of the measured run (autocannon's own summary has p97.5 but no p95).
 */
import autocannon from 'autocannon';
import { cpuSeconds, cpuSecondsByName, machineBusySeconds } from './proc';
import type { Latency, LoadSpec, Measurement } from './types';

interface RawRun {
  result: autocannon.Result;
  latencies: number[];
  statusCodes: Record<string, number>;
  serverCpuCores: number | null;
  loadGenCpuCores: number;
  dbCpuCores: number | null;
  otherCpuCores: number | null;
}

const active = new Set<autocannon.Instance>();

/** Stops every running autocannon instance (on Ctrl-C, so the server can drain and exit on SIGTERM). */
export function stopActiveLoad(): void {
  for (const instance of active) instance.stop();
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  const rank = Math.ceil((p / 100) * sorted.length) - 1; // nearest-rank
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))]!;
}

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

export function summarise(latencies: number[]): Latency {
  const sorted = [...latencies].sort((a, b) => a - b);
  const mean = sorted.length ? sorted.reduce((s, v) => s + v, 0) / sorted.length : 0;
  return {
    p50: round(percentile(sorted, 50), 2),
    p95: round(percentile(sorted, 95), 2),
    p99: round(percentile(sorted, 99), 2),
    mean: round(mean, 2),
    max: round(sorted[sorted.length - 1] ?? 0, 2),
  };
}

async function runOnce(baseUrl: string, spec: LoadSpec, seconds: number, serverPid: number | null): Promise<RawRun> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const cpu0 = serverPid ? cpuSeconds(serverPid) : null;
  const busy0 = machineBusySeconds();
  const db0 = cpuSecondsByName('postgres');
  const self0 = process.cpuUsage();
  const t0 = performance.now();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: new URL(spec.path, baseUrl).toString(),
        method: spec.method ?? 'GET',
        headers: spec.headers,
        body: spec.body,
        connections: spec.connections,
        duration: seconds,
        timeout: 30,
        pipelining: 1,
      },
      (err: unknown, res: autocannon.Result) => {
        active.delete(instance);
        if (err) reject(err instanceof Error ? err : new Error(String(err)));
        else resolve(res);
      },
    );
    active.add(instance);
    // autocannon 9 emits ('response', client, statusCode, resBytes, responseTime); @types/autocannon omits `client`.
    (instance as NodeJS.EventEmitter).on('response', (_client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      latencies.push(responseTime);
      statusCodes[String(statusCode)] = (statusCodes[String(statusCode)] ?? 0) + 1;
    });
  });
  const wall = (performance.now() - t0) / 1000;
  const cpu1 = serverPid ? cpuSeconds(serverPid) : null;
  const busy1 = machineBusySeconds();
  const dbCores = (cpuSecondsByName('postgres') - db0) / wall;
  const self = process.cpuUsage(self0);
  const serverCores = cpu0 !== null && cpu1 !== null ? (cpu1 - cpu0) / wall : null;
  const genCores = (self.user + self.system) / 1e6 / wall;
  return {
    result,
    latencies,
    statusCodes,
    serverCpuCores: serverCores === null ? null : round(serverCores, 2),
    loadGenCpuCores: round(genCores, 2),
    dbCpuCores: round(dbCores, 2),
    otherCpuCores: busy0 !== null && busy1 !== null && serverCores !== null ? round(Math.max(0, (busy1 - busy0) / wall - serverCores - genCores - dbCores), 2) : null,
  };
}

export async function measure(
  baseUrl: string,
  spec: LoadSpec,
  opts: { durationSeconds: number; warmupSeconds: number; serverPid: number | null },
): Promise<Measurement> {
  if (opts.warmupSeconds > 0) await runOnce(baseUrl, spec, opts.warmupSeconds, opts.serverPid);
  const run = await runOnce(baseUrl, spec, opts.durationSeconds, opts.serverPid);
  const responses = run.latencies.length;
  const seconds = run.result.duration || opts.durationSeconds;
  return {
    label: spec.label,
    method: spec.method ?? 'GET',
    path: spec.path,
    connections: spec.connections,
    durationSeconds: round(seconds, 2),
    warmupSeconds: opts.warmupSeconds,
    responses,
    reqPerSec: round(responses / seconds, 1),
    latencyMs: summarise(run.latencies),
    errors: run.result.errors,
    timeouts: run.result.timeouts,
    non2xx: spec.expectStatus ? responses - (run.statusCodes[String(spec.expectStatus)] ?? 0) : run.result.non2xx,
    statusCodes: run.statusCodes,
    serverCpuCores: run.serverCpuCores,
    loadGenCpuCores: run.loadGenCpuCores,
    dbCpuCores: run.dbCpuCores,
    otherCpuCores: run.otherCpuCores,
  };
}
