import 'server-only';
import { z } from 'zod';
import { defineRoute } from '@/lib/api/route';
import { now, resetClock, setNow, testClockEnabled } from '@/lib/clock';
import { kickWorkers } from '@/lib/jobs/signal';
import { checkAuditChain } from './audit-check';
import { checkHealth, healthDto } from './health';

export const health = defineRoute({
  id: 'health',
  method: 'GET',
  path: '/api/v1/health',
  summary: 'Liveness and dependencies: database and search status, version',
  tags: ['system'],
  access: 'public',
  response: healthDto,
  async handler() {
    const body = await checkHealth();
    return new Response(JSON.stringify(body), {
      status: body.status === 'down' ? 503 : 200,
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    });
  },
});

/** A bare handler: no database, no session. Load balancers use it, and the benchmark compares against it. */
export const ping = defineRoute({
  id: 'ping',
  method: 'GET',
  path: '/api/v1/ping',
  summary: 'Bare liveness probe (no database, no session)',
  tags: ['system'],
  access: 'public',
  response: z.object({ pong: z.literal(true) }),
  handler: async () => ({ pong: true as const }),
});

export const openapi = defineRoute({
  id: 'openapi',
  method: 'GET',
  path: '/api/v1/openapi.json',
  summary: 'This API’s OpenAPI 3.1 document, generated from the same zod schemas the handlers use',
  tags: ['system'],
  access: 'public',
  async handler() {
    const { buildOpenApi } = await import('@/lib/api/openapi');
    return new Response(JSON.stringify(buildOpenApi()), {
      headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'public, max-age=60' },
    });
  },
});

const clockDto = z.object({ now: z.iso.datetime() });

export const setTestClock = defineRoute({
  id: 'setTestClock',
  method: 'POST',
  path: '/api/v1/test/clock',
  summary: 'Test servers only (APP_TEST_CLOCK=1): set the server’s "now"',
  tags: ['test'],
  access: 'public',
  enabled: testClockEnabled,
  body: z.strictObject({ now: z.iso.datetime({ offset: true }) }),
  response: clockDto,
  async handler({ body }) {
    setNow(new Date(body.now));
    kickWorkers(); // jobs that just became due run now, not at the next poll
    return { now: now().toISOString() };
  },
});

export const resetTestClock = defineRoute({
  id: 'resetTestClock',
  method: 'DELETE',
  path: '/api/v1/test/clock',
  summary: 'Test servers only (APP_TEST_CLOCK=1): return to real time',
  tags: ['test'],
  access: 'public',
  enabled: testClockEnabled,
  response: clockDto,
  async handler() {
    resetClock();
    return { now: now().toISOString() };
  },
});

export const verifyAudit = defineRoute({
  id: 'verifyAudit',
  method: 'GET',
  path: '/api/v1/audit/verify',
  summary: 'Verify the audit hash chain and report edited, inserted or deleted rows',
  tags: ['system'],
  access: 'audit.verify',
  response: z.object({ rows: z.number().int(), ok: z.boolean(), lastSeq: z.number().int(), problems: z.array(z.object({ seq: z.number(), kind: z.string() }).loose()) }),
  handler: ({ actor, ip }) => checkAuditChain(actor, ip),
});
