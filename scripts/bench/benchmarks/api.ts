/**
 * api: an authenticated API call against a bare route handler, in the same server run and at the same concurrency.
 * GET /api/v1/me resolves the bearer token against user_sessions (one join), loads the account and decrypts the
 * phone number; GET /api/v1/ping goes through the same defineRoute/toHandler wrapper with no session and no database.
 * The ratio shows what authentication and the data layer cost per request.
 */
import { DEMO_PASSWORD } from '@/db/seed-data';
import { defineBenchmark } from '../types';

export const API_ACCOUNT = 'talent@demo.local';
const CONNECTIONS = 20;

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

export default defineBenchmark<{ token: string }>({
  name: 'api',
  description: 'GET /api/v1/me (bearer) vs GET /api/v1/ping, 20 connections / 鉴权接口与空接口对比',
  defaultConnections: CONNECTIONS,
  measurementCount: 2,
  async setup(ctx) {
    // One login; the token stays valid for the whole run (idle timeout 30 min for talents, touched every minute).
    return { token: await ctx.login(API_ACCOUNT, DEMO_PASSWORD) };
  },
  async run(ctx, { token }) {
    const connections = ctx.options.connections ?? CONNECTIONS;
    const me = await ctx.load({
      label: 'me',
      path: '/api/v1/me',
      headers: { authorization: `Bearer ${token}`, 'accept-language': 'en' },
      connections,
    });
    const ping = await ctx.load({ label: 'ping', path: '/api/v1/ping', headers: { 'accept-language': 'en' }, connections });
    return {
      measurements: [me, ping],
      derived: {
        throughputRatio: ping.reqPerSec > 0 ? round(me.reqPerSec / ping.reqPerSec) : 0,
        p50Ratio: ping.latencyMs.p50 > 0 ? round(me.latencyMs.p50 / ping.latencyMs.p50, 2) : 0,
        p95Ratio: ping.latencyMs.p95 > 0 ? round(me.latencyMs.p95 / ping.latencyMs.p95, 2) : 0,
      },
      notes: [
        `account ${API_ACCOUNT}, token from one POST /api/v1/auth/login`,
        'throughputRatio = me req/s ÷ ping req/s; p50Ratio / p95Ratio = me latency ÷ ping latency',
      ],
    };
  },
});
