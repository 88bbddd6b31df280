/**
 * export: CSV and XLSX exports (each twice) of the whole zone as zone staff — 50,000 seeded talents moved into 经开区
 * (seedZone 'jkq') plus the demo profiles — through GET /api/v1/talents/export (streamed, audited with its purpose).
 * Not an autocannon run: one request at a time, read to the end by this process, while the server's memory is
 * watched; each format twice on the same server (#1 includes one-off growth, #2 is the steady state). Per export it
 * reports the time (and time to first byte), bytes, rows, and the next-server's RSS before, at its peak during the
 * export and after. The peak is VmHWM after resetting it just before the request
 * (`echo 5 > /proc/<pid>/clear_refs`), cross-checked by sampling VmRSS every 25 ms. Streaming keeps that peak bounded;
 * a buffering export would grow by roughly the file's size (and more: strings, rows, the zip).
 * Checked, and reported as failures: HTTP 200, the CSV's UTF-8 BOM, the XLSX's zip signature, a row count equal to
 * the zone's total, and no 11-digit phone number in the file. Opt-in (`npm run bench -- export`), because of the seed.
 */
import fs from 'node:fs';
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DEMO_PASSWORD } from '@/db/seed-data';
import { cpuSeconds, cpuSecondsByName, machineBusySeconds, peakRssMiB, rssMiB } from '../proc';
import { defineBenchmark, type BenchContext, type Measurement } from '../types';
import { SEED_TALENTS, STAFF_ACCOUNT } from './talents';

const FORMATS = ['csv', 'xlsx'] as const;
type Format = (typeof FORMATS)[number];
const PURPOSE = '性能基准：全园区名录导出 / benchmark: whole-zone export';
const PHONE = /(?<!\d)1[3-9]\d{9}(?!\d)/;

const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Resets VmHWM to the current RSS (Linux ≥ 4.0; needs to own the process). False when not possible. */
function resetPeak(pid: number | null): boolean {
  if (!pid) return false;
  try {
    fs.writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}

async function countXlsxRows(file: Buffer): Promise<{ rows: number; phones: number }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(file), { worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore' });
  let rows = 0;
  let phones = 0;
  for await (const sheet of reader) {
    for await (const row of sheet as unknown as AsyncIterable<ExcelJS.Row>) {
      rows++;
      if (PHONE.test(JSON.stringify(row.values))) phones++;
    }
  }
  return { rows: Math.max(0, rows - 1), phones };
}

interface Run {
  measurement: Measurement;
  derived: Record<string, number>;
  problems: string[];
}

async function exportOnce(ctx: BenchContext, token: string, format: Format, pass: number, total: number): Promise<Run> {
  const tag = `${format}${pass}`;
  const pid = ctx.serverPid;
  const path = `/api/v1/talents/export?format=${format}&purpose=${encodeURIComponent(PURPOSE)}`;
  const problems: string[] = [];
  // Let the previous export's garbage go first, so "before" is a resting server.
  await new Promise((r) => setTimeout(r, 2000));
  const hwmReset = resetPeak(pid);
  const rssBefore = pid ? rssMiB(pid) : null;
  let sampledMax = rssBefore ?? 0;
  const sampler = setInterval(() => {
    const r = pid ? rssMiB(pid) : null;
    if (r !== null && r > sampledMax) sampledMax = r;
  }, 25);
  const cpu0 = pid ? cpuSeconds(pid) : null;
  const busy0 = machineBusySeconds();
  const db0 = cpuSecondsByName('postgres');
  const self0 = process.cpuUsage();
  const t0 = performance.now();
  const res = await fetch(new URL(path, ctx.baseUrl), { headers: { authorization: `Bearer ${token}`, 'accept-language': 'zh-CN' } });
  const ttfbMs = performance.now() - t0;
  const chunks: Buffer[] = [];
  let bytes = 0;
  if (res.body) {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      chunks.push(Buffer.from(chunk));
    }
  }
  const wall = (performance.now() - t0) / 1000;
  clearInterval(sampler);
  const cpu1 = pid ? cpuSeconds(pid) : null;
  const busy1 = machineBusySeconds();
  const dbCores = (cpuSecondsByName('postgres') - db0) / wall;
  const self = process.cpuUsage(self0);
  const serverCores = cpu0 !== null && cpu1 !== null ? (cpu1 - cpu0) / wall : null;
  const genCores = (self.user + self.system) / 1e6 / wall;
  const hwm = pid ? peakRssMiB(pid) : null;
  const rssAfter = pid ? rssMiB(pid) : null;
  const peak = hwmReset && hwm !== null ? Math.max(hwm, sampledMax) : sampledMax;

  const body = Buffer.concat(chunks);
  let rows = 0;
  if (res.status !== 200) {
    problems.push(`${tag}: HTTP ${res.status} ${body.toString('utf8').slice(0, 300)}`);
  } else if (format === 'csv') {
    if (!(body[0] === 0xef && body[1] === 0xbb && body[2] === 0xbf)) problems.push(`${tag}: no UTF-8 BOM at the start`);
    const text = body.toString('utf8');
    rows = Math.max(0, text.split('\r\n').filter((l) => l !== '').length - 1);
    if (PHONE.test(text)) problems.push(`${tag}: contains an 11-digit phone number (phones must stay masked)`);
  } else {
    if (body.subarray(0, 4).toString('latin1') !== 'PK\x03\x04') problems.push(`${tag}: not a zip file (no PK signature)`);
    const x = await countXlsxRows(body);
    rows = x.rows;
    if (x.phones) problems.push(`${tag}: ${x.phones} rows contain an 11-digit phone number (phones must stay masked)`);
  }
  if (res.status === 200 && rows !== total) {
    problems.push(`${tag}: ${rows.toLocaleString('en')} rows exported, but the zone lists ${total.toLocaleString('en')} talents (${(total - rows).toLocaleString('en')} missing)`);
  }
  const ms = round(wall * 1000, 1);
  const measurement: Measurement = {
    label: `${format}#${pass}`,
    method: 'GET',
    path: path.replace(/&purpose=.*/, '&purpose=…'),
    connections: 1,
    durationSeconds: round(wall, 2),
    warmupSeconds: 0,
    responses: 1,
    reqPerSec: round(1 / wall, 2),
    latencyMs: { p50: ms, p95: ms, p99: ms, mean: ms, max: ms },
    errors: 0,
    timeouts: 0,
    non2xx: res.status >= 200 && res.status < 300 ? 0 : 1,
    statusCodes: { [String(res.status)]: 1 },
    serverCpuCores: serverCores === null ? null : round(serverCores, 2),
    loadGenCpuCores: round(genCores, 2),
    dbCpuCores: round(dbCores, 2),
    otherCpuCores: busy0 !== null && busy1 !== null && serverCores !== null ? round(Math.max(0, (busy1 - busy0) / wall - serverCores - genCores - dbCores), 2) : null,
  };
  const derived: Record<string, number> = {
    [`${tag}Rows`]: rows,
    [`${tag}Bytes`]: bytes,
    [`${tag}Seconds`]: round(wall, 2),
    [`${tag}TtfbMs`]: round(ttfbMs, 1),
    [`${tag}RowsPerSec`]: Math.round(rows / wall),
    [`${tag}RssBeforeMiB`]: rssBefore ?? -1,
    [`${tag}RssPeakMiB`]: round(peak, 1),
    [`${tag}RssGrowthMiB`]: rssBefore === null ? -1 : round(peak - rssBefore, 1),
    [`${tag}RssAfterMiB`]: rssAfter ?? -1,
  };
  ctx.log(`  ${format} #${pass}: ${rows.toLocaleString('en')} rows, ${(bytes / 1024 / 1024).toFixed(2)} MiB in ${wall.toFixed(2)} s; RSS ${rssBefore ?? '?'} → peak ${round(peak, 1)} → ${rssAfter ?? '?'} MiB${hwmReset ? '' : ' (VmHWM not resettable: sampled peak)'}`);
  return { measurement, derived, problems };
}

export default defineBenchmark<{ token: string; total: number }>({
  name: 'export',
  description: 'CSV and XLSX exports (each twice) of the whole zone (50,000 talents) as zone staff: time, bytes, rows, server peak RSS / 全园区名录导出：耗时、大小、行数、内存峰值',
  defaultConnections: 1,
  measurementCount: 0,
  seedScale: SEED_TALENTS,
  seedZone: 'jkq',
  optIn: true,
  async setup(ctx) {
    const token = await ctx.login(STAFF_ACCOUNT, DEMO_PASSWORD);
    const auth = { authorization: `Bearer ${token}`, 'accept-language': 'en' };
    const res = await fetch(new URL('/api/v1/talents?pageSize=1', ctx.baseUrl), { headers: auth });
    if (!res.ok) throw new Error(`GET /api/v1/talents: HTTP ${res.status} ${(await res.text()).slice(0, 300)}`);
    const { total } = (await res.json()) as { total: number };
    // Warm-up: one empty export per format loads the route and exceljs, so the measured RSS growth is the export's own.
    for (const format of FORMATS) {
      const warm = await fetch(new URL(`/api/v1/talents/export?format=${format}&q=${encodeURIComponent('无此人-warmup')}&purpose=${encodeURIComponent(PURPOSE)}`, ctx.baseUrl), { headers: auth });
      await warm.arrayBuffer();
      if (!warm.ok) throw new Error(`warm-up export (${format}): HTTP ${warm.status}`);
    }
    ctx.log(`  zone jkq lists ${total.toLocaleString('en')} talents`);
    return { token, total };
  },
  async run(ctx, { token, total }) {
    // Each format twice: the first export also grows the server once for good (PGlite's WASM heap only grows, JIT,
    // caches); the second shows the steady state: streaming means it needs no more memory than the first.
    const runs: Run[] = [];
    for (const format of FORMATS) for (const pass of [1, 2]) runs.push(await exportOnce(ctx, token, format, pass, total));
    return {
      measurements: runs.map((r) => r.measurement),
      derived: { zoneTalents: total, ...Object.assign({}, ...runs.map((r) => r.derived)) },
      problems: runs.flatMap((r) => r.problems),
      notes: [
        `${STAFF_ACCOUNT} (zone jkq), bearer token; one request at a time, read to the end; purpose "${PURPOSE}" (audited)`,
        'csv1/csv2, xlsx1/xlsx2: first and second export of each format on the same server',
        'RssPeakMiB: next-server VmHWM after a reset just before the request (max with VmRSS sampled every 25 ms); RssGrowthMiB = peak − before',
        'req/s and latency for one request: 1 ÷ wall time and the wall time itself',
      ],
    };
  },
});
