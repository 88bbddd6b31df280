import { afterEach, describe, expect, it, vi } from 'vitest';

afterEach(() => {
  vi.unstubAllEnvs();
  vi.resetModules();
});

async function options() {
  const mod = await import('@/lib/auth/next-auth');
  return mod.authOptions();
}

describe('next-auth options', () => {
  it('has exactly one provider, the credentials one (no undocumented authentication paths)', async () => {
    const o = await options();
    expect(o.providers.map((p) => p.id)).toEqual(['credentials']);
  });

  it('uses an HttpOnly, SameSite=Lax session cookie, __Host- prefixed and Secure under HTTPS', async () => {
    vi.stubEnv('NEXTAUTH_URL', 'https://jingpiao.example.cn');
    const o = await options();
    expect(o.cookies?.sessionToken?.name).toBe('__Host-jp.session');
    expect(o.cookies?.sessionToken?.options).toMatchObject({ httpOnly: true, sameSite: 'lax', path: '/', secure: true });
    expect(o.cookies?.sessionToken?.options).not.toHaveProperty('domain');
  });

  it('never puts the session secret into the session object sent to the browser', async () => {
    const o = await options();
    const session = await o.callbacks!.session!({ session: { expires: 'x', user: {} }, token: { sub: 'u1', sid: 'secret-sid', role: 'talent', name: 'A' } } as never);
    expect(JSON.stringify(session)).not.toContain('secret-sid');
    expect(session).toEqual({ expires: 'x', user: { id: 'u1', role: 'talent', name: 'A' } });
  });
});
