/** The printed table and the JSON files under .bench/. */
import fs from 'node:fs';
import path from 'node:path';
import type { BenchResult } from './types';

export interface Machine {
  cpus: number;
  cpuModel: string;
  totalMemoryMiB: number;
  node: string;
  platform: string;
  next: string | null;
  autocannon: string | null;
  /** The bench server's database; null when no selected benchmark needed a server. */
  driver: 'pglite' | 'postgres' | null;
  dbTarget: string;
}

export interface ServerInfo {
  url: string;
  pid: number;
  buildId: string;
  buildStale: boolean;
  seedMs: number | null;
  /** Synthetic talents seeded (scripts/seed.ts --scale); 0 = demo data only. */
  seedScale: number;
  /** Zone the synthetic talents were moved into (scripts/bench/prepare-db.ts), or null. */
  seedZone: string | null;
  /** Zone move + VACUUM ANALYZE after a scaled seed (scripts/bench/prepare-db.ts), and its summary line. */
  prepareMs: number;
  prepared: string | null;
  bootMs: number;
  /** Waited after readiness for the start-up work (search index, job catch-up) before the first measurement. */
  settleMs?: number;
  rssMiB: { ready: number | null; end: number | null; peak: number | null };
  logFile: string;
}

export interface Report {
  schema: 1;
  startedAt: string;
  finishedAt: string;
  command: string;
  options: { benchmarks: string[]; durationSeconds: number; warmupSeconds: number; connections: number | null };
  machine: Machine;
  server: ServerInfo | null;
  ok: boolean;
  results: BenchResult[];
}

function pad(cells: string[][], rightAlign: boolean[]): string[] {
  const width = (s: string) => [...s].reduce((w, ch) => w + (/[\u1100-\uffff]/.test(ch) ? 2 : 1), 0);
  const widths = cells[0]!.map((_, i) => Math.max(...cells.map((r) => width(r[i] ?? ''))));
  return cells.map((row) =>
    row
      .map((c, i) => {
        const fill = ' '.repeat(widths[i]! - width(c));
        return rightAlign[i] ? fill + c : c + fill;
      })
      .join('  ')
      .trimEnd(),
  );
}

/** Cores used by other processes above which a measurement is marked BUSY (figures depressed by competition). */
export const BUSY_THRESHOLD = 0.25;

const fmt = (n: number | null | undefined, digits = 1) => (n === null || n === undefined ? '–' : n.toFixed(digits));

export function renderTable(report: Report): string {
  const header = ['benchmark', 'measure', 'request', 'conn', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'errors', 'non-2xx', 'srv cpu', 'db cpu', 'gen cpu', 'other', 'status'];
  const rows: string[][] = [header];
  for (const r of report.results) {
    if (r.measurements.length === 0) {
      rows.push([r.name, '–', '–', '', '', '', '', '', '', '', '', '', '', '', '', r.ok ? 'ok' : 'FAILED']);
      continue;
    }
    for (const m of r.measurements) {
      rows.push([
        r.name,
        m.label,
        `${m.method} ${m.path}`,
        String(m.connections),
        fmt(m.reqPerSec),
        fmt(m.latencyMs.p50),
        fmt(m.latencyMs.p95),
        fmt(m.latencyMs.p99),
        fmt(m.latencyMs.max),
        String(m.errors),
        String(m.non2xx),
        m.serverCpuCores === null ? '–' : `${m.serverCpuCores.toFixed(2)}`,
        m.dbCpuCores === null ? '–' : m.dbCpuCores.toFixed(2),
        m.loadGenCpuCores.toFixed(2),
        m.otherCpuCores === null ? '–' : m.otherCpuCores.toFixed(2),
        m.errors > 0 || m.non2xx > 0 ? 'CHECK' : (m.otherCpuCores ?? 0) > BUSY_THRESHOLD ? 'BUSY' : 'ok',
      ]);
    }
  }
  const lines = pad(rows, header.map((_, i) => i >= 3 && i <= 14));
  lines.splice(1, 0, '-'.repeat(Math.max(...lines.map((l) => l.length))));

  const extra: string[] = [''];
  for (const r of report.results) {
    const derived = Object.entries(r.derived).map(([k, v]) => `${k} ${v}`);
    const rss = `server RSS ${fmt(r.rssMiB.before)} → ${fmt(r.rssMiB.after)} MiB`;
    extra.push(`${r.name}: ${[...derived, rss, `${r.elapsedSeconds.toFixed(1)} s`].join(' · ')}`);
    for (const n of r.notes) extra.push(`  · ${n}`);
    for (const p of r.problems) extra.push(`  ✗ ${p}`);
    for (const m of r.measurements) {
      if ((m.otherCpuCores ?? 0) > BUSY_THRESHOLD) {
        extra.push(`  ⚠ ${m.label}: other processes kept ${m.otherCpuCores} cores busy meanwhile; figures are depressed, rerun on an idle machine / 测量期间有其他进程占用 CPU`);
      }
    }
  }
  const m = report.machine;
  const s = report.server;
  extra.push(
    '',
    `machine: ${m.cpus} cpus (${m.cpuModel}), ${Math.round(m.totalMemoryMiB / 1024)} GiB, node ${m.node}, next ${m.next ?? '?'}, autocannon ${m.autocannon ?? '?'} (1 in-process worker), ${m.driver ? `db ${m.driver} (${m.dbTarget})` : m.dbTarget}`,
  );
  if (s) {
    extra.push(
      `server: next-server pid ${s.pid}, build ${s.buildId}${s.buildStale ? ' (older than sources)' : ''}, seed ${s.seedMs ?? '–'} ms, ready after ${s.bootMs} ms (+ ${s.settleMs ?? 0} ms start-up work), RSS ready ${fmt(s.rssMiB.ready)} / end ${fmt(s.rssMiB.end)} / peak ${fmt(s.rssMiB.peak)} MiB`,
    );
    if (s.seedScale > 0) {
      extra.push(`data: ${s.seedScale.toLocaleString('en')} synthetic talents seeded in ${fmt((s.seedMs ?? 0) / 1000)} s; ${s.prepared ?? 'not prepared'} (${fmt(s.prepareMs / 1000)} s)`);
    }
  }
  // HTTP measurements only (a run without a server has none).
  if (s) {
    extra.push(
      `each measurement: ${report.options.warmupSeconds} s warm-up + ${report.options.durationSeconds} s measured; latency percentiles exact (nearest rank) over every response; srv / db / gen cpu, other = cores kept busy by the server / local PostgreSQL / this load generator / everything else (BUSY: other > ${BUSY_THRESHOLD}, another job competed for the CPUs)`,
    );
  }
  return [...lines, ...extra].join('\n');
}

/** Writes .bench/<timestamp>.json and .bench/latest.json; returns the timestamped path. */
export function writeReport(report: Report, outDir: string): string {
  fs.mkdirSync(outDir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const file = path.join(outDir, `${stamp}.json`);
  const json = `${JSON.stringify(report, null, 2)}\n`;
  fs.writeFileSync(file, json);
  fs.writeFileSync(path.join(outDir, 'latest.json'), json);
  return file;
}
