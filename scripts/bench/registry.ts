/**
 * Every benchmark `npm run bench` knows, in the order they run. To add one: write
 * scripts/bench/benchmarks/<name>.ts exporting `defineBenchmark({ name, description, defaultConnections,
 * measurementCount, setup?, run })` and list it here. `run` calls `ctx.load()` once per request shape; the harness
 * handles the server, warm-up, durations, RSS, the table and the JSON.
 *
 * `npm run bench` with no names runs the default set (login, api, policies: about a minute and a half on the demo data). Benchmarks marked
 * `optIn` run only when named, because they declare `seedScale` (synthetic talents, scripts/seed.ts --scale) and
 * `seedZone` (the zone those talents are moved into):
 *   npm run bench -- talents export          50,000 talents in 经开区 (jkq): directory API + /profile page, exports
 *   npm run bench -- export --scale 5000     the same on a smaller seed (a quick try)
 * The harness seeds the largest seedScale among the selected benchmarks (--scale overrides it), then moves the
 * synthetic talents into the zone and runs VACUUM ANALYZE (scripts/bench/prepare-db.ts). 50,000 talents take about
 * 20 s to seed on PGlite (15 s on a local PostgreSQL via DATABASE_URL — use a scratch database) plus ~3 s to prepare.
 *   npm run bench -- reverse                 reverse match (policy → people) in process on its own database of
 *                                            100,000 talents (scripts/bench/reverse-run.ts); no seedScale
 *   npm run bench -- impact                  政策沙盘 impact preview in process on its own database of 100,000
 *                                            talents, every catalogue policy (scripts/bench/impact-run.ts); no server
 *   npm run bench -- jobs                    the job queue in process (scripts/bench/jobs-run.ts): enqueue → handled
 *                                            latency idle and with 10,000 queued, no-op throughput, PGlite and a
 *                                            scratch PostgreSQL database in the same run; no server (needsServer:
 *                                            false), about two minutes
 *   npm run bench -- pages                   anonymous /policies, /policies/JP-001, /api/v1/policies (+ 304), the
 *                                            talent's /my-policies and /dashboard, the staff dashboard; ratios to ping
 *   npm run bench -- party                   流动党员 dashboard and district view (API + pages) on a database of its
 *                                            own: 5,000 members, 20,000 attendance rows (scripts/bench/party-seed.ts);
 *                                            with DATABASE_URL on a scratch PostgreSQL database; ratio to ping
 *   npm run bench -- search                  search in process (scripts/bench/search-run.ts): judged-query relevance,
 *                                            10,000-document rebuild, filtered faceted top-20 p95; no server
 *   npm run bench -- search-http             GET /api/v1/search through next start on a database of its own with
 *                                            10,000 synthetic public mentors (scripts/bench/search-seed.ts): cold
 *                                            load (spawn → index ready), four query shapes at 20 connections vs
 *                                            ping, freshness over HTTP (staff edit; consent withdrawal via the job)
 *   npm run bench -- bookings                space bookings in process (scripts/bench/bookings-run.ts): create p95 at
 *                                            20 clients, 40-way contention (1 × 201, 39 × 409, one row), month
 *                                            availability of a 500-booking space p95; own PGlite + scratch PostgreSQL
 *                                            (DATABASE_URL) database; no server
 */
import api from './benchmarks/api';
import bookings from './benchmarks/bookings';
import exportBench from './benchmarks/export';
import impact from './benchmarks/impact';
import jobs from './benchmarks/jobs';
import login from './benchmarks/login';
import pages from './benchmarks/pages';
import party from './benchmarks/party';
import policies from './benchmarks/policies';
import reverse from './benchmarks/reverse';
import search from './benchmarks/search';
import searchHttp from './benchmarks/search-http';
import talents from './benchmarks/talents';
import type { Benchmark } from './types';

export const BENCHMARKS: readonly Benchmark[] = [login, api, policies, pages, talents, exportBench, reverse, impact, jobs, party, search, searchHttp, bookings];

export const BENCHMARK_NAMES = BENCHMARKS.map((b) => b.name);

/** What `npm run bench` runs when no benchmark is named. */
export const DEFAULT_BENCHMARK_NAMES = BENCHMARKS.filter((b) => !b.optIn).map((b) => b.name);

export function benchmarkByName(name: string): Benchmark | undefined {
  return BENCHMARKS.find((b) => b.name === name);
}
