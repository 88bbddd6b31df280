/**
 * login: throughput of POST /api/v1/auth/login for one demo account. Deliberately CPU-bound: every request runs one
 * argon2id verification (m=19456 KiB, t=2, p=1; at most 4 at once per process, lib/auth/password.ts), plus the
 * per-IP throttle counter, the lockout check, a new row in user_sessions and an audit-chain append.
 * The bench server raises LOGIN_IP_LIMIT (scripts/bench/server.ts), otherwise the throttle would answer 429 after 50.
 */
import { DEMO_PASSWORD } from '@/db/seed-data';
import { defineBenchmark } from '../types';

export const LOGIN_ACCOUNT = 'admin@demo.local';

export default defineBenchmark({
  name: 'login',
  description: 'POST /api/v1/auth/login (argon2id verify + session + audit row) / 登录接口吞吐量',
  defaultConnections: 8,
  measurementCount: 1,
  async setup(ctx) {
    await ctx.login(LOGIN_ACCOUNT, DEMO_PASSWORD); // fails fast, with the problem+json, if the account cannot log in
  },
  async run(ctx) {
    const m = await ctx.load({
      label: 'login',
      method: 'POST',
      path: '/api/v1/auth/login',
      headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      body: JSON.stringify({ login: LOGIN_ACCOUNT, password: DEMO_PASSWORD }),
      connections: ctx.options.connections ?? 8,
    });
    return {
      measurements: [m],
      notes: [`account ${LOGIN_ACCOUNT}; argon2id m=19456 KiB, t=2, p=1; LOGIN_IP_LIMIT raised for the bench server`],
    };
  },
});
