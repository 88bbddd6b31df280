/**
 * party: the 流动党员 secretary dashboard and the 区委组织部's district view over 5,000 Party members (~1,500 mobile
 * members with records in every state), 20,000 attendance rows, a year of activities and the dues ledger (issue 10
 * benchmarks). Opt-in: `npm run bench -- party` (PGlite, the embedded default) and
 * `DATABASE_URL=postgres://… npm run bench -- party` (a scratch database on that PostgreSQL server, dropped afterwards).
 *
 * Its own database and server (needsServer: false for the harness): a fresh PGlite directory or scratch PostgreSQL
 * database (scripts/bench/server.ts prepareDatabase), the demo seed (scripts/seed.ts), the party bulk load in SQL
 * (scripts/bench/party-seed.ts: generate_series, never the services, then VACUUM ANALYZE), then `next start` on it.
 * Measured at 20 connections (--connections overrides) in the same run: GET /api/v1/ping (the baseline), the
 * overview API and the /party/dashboard page as secretary@demo.local (景漂 branch), the district API and the
 * /party/district page as orgdept@demo.local. Derived: each p95 and req/s as a ratio to ping's.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { DEMO_PASSWORD } from '@/db/seed-data';
import { measure } from '../load';
import { benchServerEnv, ensureBuild, prepareDatabase, seed, startServer } from '../server';
import { defineBenchmark, type Measurement } from '../types';
import { cookieLogin } from './talents';

const SECRETARY = 'secretary@demo.local';
const ORGDEPT = 'orgdept@demo.local';

async function bearerLogin(baseUrl: string, login: string): Promise<string> {
  const res = await fetch(new URL('/api/v1/auth/login', baseUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': 'en' },
    body: JSON.stringify({ login, password: DEMO_PASSWORD }),
  });
  const body = (await res.json()) as { token?: string };
  if (!res.ok || !body.token) throw new Error(`login as ${login} failed: HTTP ${res.status} / 登录失败`);
  return body.token;
}

export default defineBenchmark({
  name: 'party',
  description: '流动党员 dashboard + district view (API and pages) over 5,000 members / 20,000 attendance rows, ratio to ping / 流动党员看板与全区视图',
  defaultConnections: 20,
  measurementCount: 5,
  expectedSeconds: 180,
  needsServer: false,
  optIn: true,
  async run(ctx) {
    const build = ensureBuild(false, ctx.log);
    const db = await prepareDatabase();
    const env = benchServerEnv(db.env);
    let stop: (() => Promise<void>) | null = null;
    try {
      ctx.log(`  ${db.driver}: ${db.target}`);
      seed(env, ctx.log);
      const r = spawnSync(path.join('node_modules', '.bin', 'tsx'), ['--conditions=react-server', 'scripts/bench/party-seed.ts'], { env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
      if (r.status !== 0) throw new Error(`scripts/bench/party-seed.ts failed (exit ${r.status}): ${(r.stderr || r.stdout).slice(-1500)}`);
      const seeded = JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, number>;
      ctx.log(`  seeded ${JSON.stringify(seeded)}`);
      const server = await startServer(env, path.join('.bench', 'party-server.log'), ctx.log);
      stop = server.stop;
      const [secToken, admToken, secCookie, admCookie] = await Promise.all([bearerLogin(server.baseUrl, SECRETARY), bearerLogin(server.baseUrl, ORGDEPT), cookieLogin(server.baseUrl, SECRETARY, DEMO_PASSWORD), cookieLogin(server.baseUrl, ORGDEPT, DEMO_PASSWORD)]);
      const connections = ctx.options.connections ?? 20;
      const opts = { durationSeconds: ctx.options.durationSeconds, warmupSeconds: ctx.options.warmupSeconds, serverPid: server.serverPid };
      const load = (label: string, p: string, headers: Record<string, string> = {}) => {
        ctx.log(`  ${db.driver} ${label}: GET ${p}, ${connections} connections`);
        return measure(server.baseUrl, { label: `${db.driver} ${label}`, path: p, headers: { 'accept-language': 'zh-CN', ...headers }, connections }, opts);
      };
      const measurements: Measurement[] = [];
      const ping = await load('ping', '/api/v1/ping');
      measurements.push(ping);
      measurements.push(await load('overview API (secretary)', '/api/v1/party/stats/overview', { authorization: `Bearer ${secToken}` }));
      measurements.push(await load('dashboard page (secretary)', '/party/dashboard', { cookie: secCookie }));
      measurements.push(await load('district API (orgdept)', '/api/v1/party/stats/district', { authorization: `Bearer ${admToken}` }));
      measurements.push(await load('district page (orgdept)', '/party/district', { cookie: admCookie }));
      const derived: Record<string, number> = {};
      const round = (x: number) => Math.round(x * 100) / 100;
      for (const m of measurements.slice(1)) {
        const key = m.label.replace(`${db.driver} `, '').replace(/[^a-z]+/gi, '_').replace(/_+$/, '');
        derived[`${db.driver}_${key}_p95_vs_ping`] = round(m.latencyMs.p95 / Math.max(ping.latencyMs.p95, 0.01));
        derived[`${db.driver}_${key}_rps_vs_ping`] = round(m.reqPerSec / Math.max(ping.reqPerSec, 0.01));
      }
      return {
        measurements,
        derived,
        notes: [
          `${db.driver} (${db.target}); build ${build.buildId}${build.stale ? ' (stale: older than the sources)' : ''}`,
          `seed: ${Object.entries(seeded)
            .map(([k, v]) => `${k} ${v}`)
            .join(', ')}`,
          'overview = secretary@demo.local’s 景漂 branch (audited read); district = 12 months, 组织部',
        ],
      };
    } finally {
      await stop?.();
      await db.cleanup();
    }
  },
});
