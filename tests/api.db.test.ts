import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { users } from '@/db/schema';
import { adminCreateUser, adminUpdateUser } from '@/lib/admin/api';
import { buildOpenApi } from '@/lib/api/openapi';
import { apiRoutes } from '@/lib/api/registry';
import { authLogin } from '@/lib/auth/api';
import { health, openapi, ping, resetTestClock, setTestClock } from '@/lib/system/api';
import { setupTestDb } from './helpers/db';
import { bearer, makeUser, tokenFor } from './helpers/factories';
import { callRoute } from './helpers/http';

const t = setupTestDb();

function expectProblem(res: { status: number; headers: Headers; json: unknown }, status: number, code: string) {
  expect(res.status).toBe(status);
  expect(res.headers.get('content-type')).toContain('application/problem+json');
  const body = res.json as Record<string, unknown>;
  expect(Object.keys(body).sort()).toEqual(expect.arrayContaining(['code', 'detail', 'status', 'title', 'type']));
  expect(body.status).toBe(status);
  expect(body.code).toBe(code);
  expect(typeof body.title).toBe('string');
  expect(typeof body.type).toBe('string');
  return body as { title: string; detail: string; errors?: Record<string, string[]> };
}

const userCount = async () => (await t.db().select({ n: sql<number>`count(*)::int` }).from(users))[0]!.n;

describe('problem+json and bad input', () => {
  it('validation errors name the field paths, in the request language', async () => {
    const admin = await makeUser(t.db(), 'sysadmin');
    const token = await tokenFor(t.db(), admin);
    const before = await userCount();
    const zh = expectProblem(await callRoute(adminCreateUser, { headers: bearer(token), body: { displayName: '', email: 'nope', role: 'king', password: 1 } }), 400, 'VALIDATION_FAILED');
    expect(Object.keys(zh.errors!)).toEqual(expect.arrayContaining(['displayName', 'email', 'role', 'password']));
    expect(zh.title).toBe('提交的数据有误');
    const en = expectProblem(await callRoute(adminCreateUser, { headers: { ...bearer(token), 'accept-language': 'en' }, body: { displayName: '' } }), 400, 'VALIDATION_FAILED');
    expect(en.title).toBe('The submitted data is invalid');
    expect(en.errors!.displayName![0]).toBe('Enter a name of 1–40 characters');
    expect(await userCount()).toBe(before);
  });

  it('unknown fields such as role or scope are refused, never applied', async () => {
    const admin = await makeUser(t.db(), 'sysadmin');
    const target = await makeUser(t.db(), 'talent');
    const token = await tokenFor(t.db(), admin);
    const res = await callRoute(adminUpdateUser, { headers: bearer(token), params: { id: target.id }, body: { displayName: 'x', sessionVersion: 99, passwordHash: 'x' } });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(Object.keys(body.errors!)).toEqual(expect.arrayContaining(['sessionVersion', 'passwordHash']));
    const login = expectProblem(await callRoute(authLogin, { body: { login: 'a@b.cn', password: 'x', role: 'org_admin' } }), 400, 'VALIDATION_FAILED');
    expect(login.errors!.role).toBeDefined();
  });

  it('malformed JSON, wrong content type, wrong types and oversized bodies', async () => {
    expectProblem(await callRoute(authLogin, { rawBody: '{"login":' }), 400, 'MALFORMED_JSON');
    expectProblem(await callRoute(authLogin, { rawBody: 'login=a', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'UNSUPPORTED_MEDIA_TYPE');
    const types = expectProblem(await callRoute(authLogin, { body: { login: 12, password: ['x'] } }), 400, 'VALIDATION_FAILED');
    expect(Object.keys(types.errors!).sort()).toEqual(['login', 'password']);
    expectProblem(await callRoute(authLogin, { body: { login: 'a@b.cn', password: 'x'.repeat(10_000) } }), 413, 'PAYLOAD_TOO_LARGE');
    expectProblem(await callRoute(authLogin, { body: [1, 2, 3] }), 400, 'VALIDATION_FAILED');
    expectProblem(await callRoute(authLogin, { body: null }), 400, 'VALIDATION_FAILED');
    // still healthy afterwards
    expect((await callRoute(health)).status).toBe(200);
  });

  it('invalid path parameters are a 400 with the parameter path, not a 500', async () => {
    const admin = await makeUser(t.db(), 'sysadmin');
    const res = await callRoute(adminUpdateUser, { headers: bearer(await tokenFor(t.db(), admin)), params: { id: "1' or 1=1 --" }, body: {} });
    const body = expectProblem(res, 400, 'VALIDATION_FAILED');
    expect(Object.keys(body.errors!)).toEqual(['params.id']);
  });

  it('refuses cross-site mutations (Origin mismatch, Origin: null, Sec-Fetch-Site: cross-site)', async () => {
    const admin = await makeUser(t.db(), 'sysadmin');
    const token = await tokenFor(t.db(), admin);
    const body = { displayName: '甲', email: 'x@test.local', role: 'talent', password: 'Glaze-Kiln-2026!' };
    const before = await userCount();
    const attempts: Record<string, string>[] = [{ origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }, { origin: 'not a url' }];
    for (const headers of attempts) {
      expectProblem(await callRoute(adminCreateUser, { headers: { ...bearer(token), host: 'localhost:3000', ...headers }, body }), 403, 'CROSS_ORIGIN');
    }
    expect(await userCount()).toBe(before);
    const sameSite = await callRoute(adminCreateUser, { headers: { ...bearer(token), host: 'localhost:3000', origin: 'http://localhost:3000' }, body });
    expect(sameSite.status).toBe(201);
  });

  it('401 and 403 are problem documents too', async () => {
    expectProblem(await callRoute(adminCreateUser, { body: {} }), 401, 'UNAUTHENTICATED');
    const talent = await makeUser(t.db(), 'talent');
    expectProblem(await callRoute(adminCreateUser, { headers: bearer(await tokenFor(t.db(), talent)), body: {} }), 403, 'FORBIDDEN');
  });
});

describe('system routes', () => {
  it('health reports the database, search and version', async () => {
    const res = await callRoute(health);
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ status: 'ok', db: { status: 'ok' }, search: { engine: 'embedded' }, version: expect.any(String) });
  });

  it('health reports the worker heartbeat and the backlog: due work without a live worker is degraded', async () => {
    const { jobs } = await import('@/db/schema');
    const { Worker } = await import('@/lib/jobs/worker');
    let body = (await callRoute(health)).json as { status: string; jobs: Record<string, unknown> };
    expect(body.jobs).toMatchObject({ status: 'stale', liveWorkers: 0, due: 0, dead: 0 });
    expect(body.status).toBe('ok'); // nothing waits
    await t.db().insert(jobs).values([
      { type: 'jobs.prune', payload: {}, runAt: new Date(Date.now() - 90_000) },
      { type: 'jobs.prune', payload: {}, runAt: new Date(Date.now() - 1000), status: 'dead' },
    ]);
    body = (await callRoute(health)).json as typeof body;
    expect(body.status).toBe('degraded');
    expect(body.jobs).toMatchObject({ status: 'stale', due: 1, dead: 1 });
    expect(body.jobs.oldestDueAgeSeconds).toBeGreaterThanOrEqual(89);
    const worker = new Worker(t.db(), { mode: 'test', pollMs: 60_000 });
    await worker.start();
    try {
      body = (await callRoute(health)).json as typeof body;
      expect(body.jobs).toMatchObject({ status: 'ok', liveWorkers: 1, lastHeartbeatAgeSeconds: 0 });
    } finally {
      await worker.stop();
    }
  });

  it('ping answers without touching the database', async () => {
    expect((await callRoute(ping)).json).toEqual({ pong: true });
  });

  it('the test clock route does not exist without APP_TEST_CLOCK=1, and moves "now" with it', async () => {
    delete process.env.APP_TEST_CLOCK;
    expect((await callRoute(setTestClock, { body: { now: '2030-01-01T00:00:00Z' } })).status).toBe(404);
    process.env.APP_TEST_CLOCK = '1';
    try {
      const res = await callRoute(setTestClock, { body: { now: '2030-01-01T00:00:00+08:00' } });
      expect(res.status).toBe(200);
      expect(new Date((res.json as { now: string }).now).getTime()).toBeGreaterThanOrEqual(Date.parse('2029-12-31T16:00:00Z'));
      expectProblem(await callRoute(setTestClock, { body: { now: 'tomorrow' } }), 400, 'VALIDATION_FAILED');
      const reset = await callRoute(resetTestClock);
      expect(Math.abs(new Date((reset.json as { now: string }).now).getTime() - Date.now())).toBeLessThan(5000);
    } finally {
      delete process.env.APP_TEST_CLOCK;
    }
  });

  it('openapi.json lists every route with its method, generated from the zod schemas', async () => {
    process.env.APP_TEST_CLOCK = '1';
    try {
      const doc = (await callRoute(openapi)).json as { openapi: string; paths: Record<string, Record<string, { operationId: string; requestBody?: unknown }>> };
      expect(doc.openapi).toBe('3.1.0');
      for (const d of apiRoutes) {
        const op = doc.paths[d.path]?.[d.method.toLowerCase()];
        expect(op?.operationId, `${d.method} ${d.path}`).toBe(d.id);
        if (d.body && d.method !== 'DELETE') expect(op?.requestBody, d.id).toBeDefined();
      }
      const login = doc.paths['/api/v1/auth/login']!.post as unknown as { requestBody: { content: { 'application/json': { schema: { properties: Record<string, unknown>; additionalProperties: boolean } } } } };
      expect(Object.keys(login.requestBody.content['application/json'].schema.properties).sort()).toEqual(['login', 'password']);
    } finally {
      delete process.env.APP_TEST_CLOCK;
    }
    expect(JSON.stringify(buildOpenApi())).not.toContain('/api/v1/test/clock');
  });
});
