import { ACCOUNTS, DEMO_PASSWORD, expect, test } from './fixtures';

/** (i) API smoke through Playwright's request fixture: bearer login, /me, and the idle timeout via the test clock. */
test.describe('API v1', () => {
  test('login returns a bearer token that /me accepts', async ({ request }) => {
    const res = await request.post('/api/v1/auth/login', { data: { login: ACCOUNTS.talent.email, password: DEMO_PASSWORD } });
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { token: string; expiresAt: string; user: { id: string; role: string } };
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    expect(body.user.role).toBe('talent');
    expect(Date.parse(body.expiresAt)).toBeGreaterThan(Date.now());

    const me = await request.get('/api/v1/me', { headers: { authorization: `Bearer ${body.token}` } });
    expect(me.status()).toBe(200);
    const account = (await me.json()) as { id: string; role: string; email: string; displayName: string; phone: string | null };
    expect(account).toMatchObject({ id: body.user.id, role: 'talent', email: ACCOUNTS.talent.email, displayName: ACCOUNTS.talent.name });
    // The phone number is masked in API responses.
    expect(account.phone).toMatch(/^\d{3}\*{4}\d{4}$/);

    // Role checks hold on the API as on pages: a talent may not list accounts.
    const denied = await request.get('/api/v1/admin/users', { headers: { authorization: `Bearer ${body.token}` } });
    expect(denied.status()).toBe(403);
    expect(denied.headers()['content-type']).toContain('application/problem+json');

    const anonymous = await request.get('/api/v1/me');
    expect(anonymous.status()).toBe(401);
    expect(anonymous.headers()['content-type']).toContain('application/problem+json');

    expect((await request.post('/api/v1/auth/logout', { headers: { authorization: `Bearer ${body.token}` } })).status()).toBe(204);
    expect((await request.get('/api/v1/me', { headers: { authorization: `Bearer ${body.token}` } })).status()).toBe(401);
  });

  test('a bearer token idle for 31 minutes is rejected (test clock)', async ({ request }) => {
    const res = await request.post('/api/v1/auth/login', { data: { login: ACCOUNTS.talent.email, password: DEMO_PASSWORD } });
    expect(res.status()).toBe(200);
    const { token } = (await res.json()) as { token: string };
    const auth = { authorization: `Bearer ${token}` };
    expect((await request.get('/api/v1/me', { headers: auth })).status()).toBe(200);

    try {
      const set = await request.post('/api/v1/test/clock', { data: { now: new Date(Date.now() + 31 * 60_000).toISOString() } });
      expect(set.status()).toBe(200);
      const { now } = (await set.json()) as { now: string };
      expect(Date.parse(now) - Date.now()).toBeGreaterThan(30 * 60_000);

      const idle = await request.get('/api/v1/me', { headers: auth });
      expect(idle.status()).toBe(401);
    } finally {
      const reset = await request.delete('/api/v1/test/clock');
      expect(reset.status()).toBe(200);
      const { now } = (await reset.json()) as { now: string };
      expect(Math.abs(Date.parse(now) - Date.now())).toBeLessThan(60_000);
    }
    // Back in real time, the idle-expired session stays ended.
    expect((await request.get('/api/v1/me', { headers: auth })).status()).toBe(401);
  });

  test('the health endpoint reports the database', async ({ request }) => {
    const res = await request.get('/api/v1/health');
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { status: string; db: { status: string; driver: string } };
    expect(body.db.status).toBe('ok');
    expect(body.db.driver).toBe(process.env.DATABASE_URL ? 'postgres' : 'pglite');
  });
});
