import { and, desc, eq, sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditLog, talentProfiles, users, workCredits } from '@/db/schema';
import { resetAnonymousDenials } from '@/lib/audit/anonymous-denials';
import { authLogin } from '@/lib/auth/api';
import { LOGIN_LOCK_THRESHOLD } from '@/lib/auth/login';
import { resolveSession } from '@/lib/auth/sessions';
import { previewPolicyRoute } from '@/lib/policies/api';
import { createWorkAction } from '@/lib/portfolio/actions';
import { addWorkImageRoute, createWorkRoute, getWorkImageRoute } from '@/lib/portfolio/api';
import { saveProfileAction } from '@/lib/talent/actions';
import { getMyProfileRoute, patchMyProfileRoute } from '@/lib/talent/api';
import { getShowcase } from '@/lib/talent/showcase';
import { refuseCrossSitePost } from '@/lib/http/cross-origin-refusal';
import { loadForPage } from '@/lib/http/page';
import { getApplicationForStaff } from '@/lib/policies/staff-application';
import { setupTestDb } from './helpers/db';
import { bearer, makeTalent, makeUser, TEST_PASSWORD, tokenFor } from './helpers/factories';
import { callAction, callRoute } from './helpers/http';
import { insertApplication, seedSimplePolicy, simpleMeta, simpleVersion } from './helpers/policies';

/** Issue 14 §1: the attack run's findings, each with the request that found it. */
const t = setupTestDb();

const auditRows = (action: string) => t.db().select().from(auditLog).where(eq(auditLog.action, action)).orderBy(desc(auditLog.seq));
const artistName = async (id: string) => (await t.db().select({ v: talentProfiles.artistName }).from(talentProfiles).where(eq(talentProfiles.userId, id)))[0]!.v;

beforeEach(() => resetAnonymousDenials());

async function actorOf(userId: string) {
  const resolved = await resolveSession(t.db(), await tokenFor(t.db(), { id: userId }));
  if (!('actor' in resolved)) throw new Error('no actor');
  return resolved.actor;
}
afterEach(() => vi.unstubAllEnvs());

describe('cross-site requests', () => {
  it('compares Origin with the configured public URL, not with X-Forwarded-Host, and audits the refusal', async () => {
    vi.stubEnv('NEXTAUTH_URL', 'https://portal.example.cn');
    const talent = await makeTalent(t.db());
    const auth = bearer(await tokenFor(t.db(), talent));
    const forged = await callRoute(patchMyProfileRoute, { headers: { ...auth, host: 'evil.example', 'x-forwarded-host': 'evil.example', origin: 'https://evil.example' }, body: { artist_name: '越界' } });
    expect(forged.status).toBe(403);
    expect((forged.json as { code: string }).code).toBe('CROSS_ORIGIN');
    expect(await artistName(talent.id)).toBeNull();
    const [row] = await auditRows('http.cross_origin_refused');
    expect(row).toMatchObject({ result: 'denied', ip: '203.0.113.10', detail: { reason: 'origin-mismatch', via: 'api:patchMyProfile', method: 'PATCH' } });

    const same = await callRoute(patchMyProfileRoute, { headers: { ...auth, host: 'internal:3000', 'x-forwarded-host': 'evil.example', origin: 'https://portal.example.cn' }, body: { artist_name: '青石' } });
    expect(same.status, same.text).toBe(200);
    expect(await artistName(talent.id)).toBe('青石');
  });

  it('server actions refuse Sec-Fetch-Site: cross-site without an Origin, Origin: null and a foreign Origin, with an audit row', async () => {
    vi.stubEnv('NEXTAUTH_URL', 'https://portal.example.cn');
    const talent = await makeTalent(t.db());
    const auth = bearer(await tokenFor(t.db(), talent));
    const attempts: Record<string, string>[] = [{ 'sec-fetch-site': 'cross-site' }, { origin: 'null' }, { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' }, { origin: '%%%' }];
    for (const headers of attempts) {
      const res = await callAction(saveProfileAction, { artist_name: '越界' }, { ...auth, ...headers });
      expect(res, JSON.stringify(headers)).toMatchObject({ ok: false, code: 'CROSS_ORIGIN' });
    }
    expect(await artistName(talent.id)).toBeNull();
    expect((await auditRows('http.cross_origin_refused')).map((r) => (r.detail as { via: string }).via)).toContain('action:talent.saveProfile');
    expect(await callAction(saveProfileAction, { artist_name: '青石' }, { ...auth, origin: 'https://portal.example.cn', 'sec-fetch-site': 'same-origin' })).toMatchObject({ ok: true });
  });

  it('a cross-site POST to a page, rewritten there by the proxy, is a 403 problem with an audit row (not the 500 of Next)', async () => {
    vi.stubEnv('NEXTAUTH_URL', 'https://portal.example.cn');
    const req = new Request('https://portal.example.cn/api/internal/cross-origin', {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'next-action': 'abc', 'x-jp-refused-path': '/profile', 'x-forwarded-for': '203.0.113.10', 'accept-language': 'en' },
    });
    const res = await refuseCrossSitePost(req);
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(await res.json()).toMatchObject({ code: 'CROSS_ORIGIN', status: 403 });
    const [row] = await auditRows('http.cross_origin_refused');
    expect(row).toMatchObject({ ip: '203.0.113.10', detail: { reason: 'origin-mismatch', via: 'page:/profile' } });
  });
});

describe('bad input is a 4xx, never a 500', () => {
  it('__proto__ and constructor keys in PATCH /api/v1/me/profile are unknown fields (400), and change nothing', async () => {
    const errors = vi.spyOn(console, 'error');
    const talent = await makeTalent(t.db());
    const auth = bearer(await tokenFor(t.db(), talent));
    for (const rawBody of ['{"__proto__":{"admin":true},"artist_name":"x"}', '{"constructor":{"prototype":{}},"artist_name":"x"}', '{"prototype":1,"toString":2}']) {
      const res = await callRoute(patchMyProfileRoute, { headers: auth, rawBody });
      expect(res.status, res.text).toBe(400);
      expect((res.json as { code: string }).code).toBe('VALIDATION_FAILED');
    }
    expect(await artistName(talent.id)).toBeNull();
    expect(({} as Record<string, unknown>).admin).toBeUndefined();
    expect(errors).not.toHaveBeenCalled();
  });

  it('a 10,000-deep JSON body is refused with 400, not a stack overflow', async () => {
    const talent = await makeTalent(t.db());
    const auth = bearer(await tokenFor(t.db(), talent));
    for (const rawBody of [`${'['.repeat(10_000)}${']'.repeat(10_000)}`, `{"bio":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`]) {
      const res = await callRoute(patchMyProfileRoute, { headers: auth, rawBody });
      expect(res.status, res.text.slice(0, 200)).toBe(400);
      expect((res.json as { code: string }).code).toBe('MALFORMED_JSON');
    }
  });

  it('malformed server action payloads answer VALIDATION_FAILED', async () => {
    const talent = await makeTalent(t.db());
    const auth = bearer(await tokenFor(t.db(), talent));
    const deep: unknown = JSON.parse(`${'['.repeat(10_000)}${']'.repeat(10_000)}`);
    const payloads: unknown[] = [JSON.parse('{"__proto__":{"x":1}}'), { constructor: 1 }, Object.create(null), deep, 'text', null, [1, 2], { title: { toString: 1 } }];
    for (const p of payloads) {
      const res = await callAction(createWorkAction, p as never, auth);
      expect(res).toMatchObject({ ok: false, code: 'VALIDATION_FAILED' });
    }
  });

  it("a zone-staff member opening another zone's /staff/applications/{id} gets the 404 page (audited), not a 500", async () => {
    await seedSimplePolicy(t.db(), 'JP-901');
    const talent = await makeTalent(t.db(), { zone: 'jkq' });
    const app = await insertApplication(t.db(), talent.id, 'JP-901', 'jkq');
    const other = await makeUser(t.db(), 'zone_staff', { zoneCode: 'zsq' });
    const actor = await actorOf(other.id);
    await expect(loadForPage(getApplicationForStaff(actor, app.id, { ip: '203.0.113.10' }))).rejects.toMatchObject({ digest: expect.stringContaining('404') });
    const [row] = await auditRows('authz.denied');
    expect(row).toMatchObject({ actorId: other.id, targetId: app.id, detail: { permission: 'applications.read' } });
    const own = await makeUser(t.db(), 'zone_staff', { zoneCode: 'jkq' });
    expect((await loadForPage(getApplicationForStaff(await actorOf(own.id), app.id))).id).toBe(app.id);
  });

  it('a showcase slug that is not one answers NOT_FOUND (/showcases/%ff%fe)', async () => {
    for (const slug of ['%ff%fe', '\udcff\udcfe', 'x'.repeat(500), '../../etc']) {
      await expect(getShowcase(slug)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
  });
});

describe('audit rows for denials', () => {
  it('a denied private image leaves an audit row (and still answers 404)', async () => {
    const owner = await makeTalent(t.db());
    const token = await tokenFor(t.db(), owner);
    const work = (await callRoute(createWorkRoute, { headers: bearer(token), body: { title: '私藏', visibility: 'private' } })).json as { id: string };
    const { samplePng } = await import('./helpers/factories');
    const f = new FormData();
    f.set('file', new Blob([new Uint8Array(await samplePng())], { type: 'image/png' }), 'a.png');
    const img = ((await callRoute(addWorkImageRoute, { headers: bearer(token), params: { id: work.id }, form: f })).json as { images: { id: string }[] }).images[0]!;
    const other = await makeTalent(t.db());
    const res = await callRoute(getWorkImageRoute, { headers: bearer(await tokenFor(t.db(), other)), params: { id: work.id, imageId: img.id } });
    expect(res.status).toBe(404);
    const [row] = await auditRows('authz.denied');
    expect(row).toMatchObject({ actorId: other.id, targetType: 'work_image', targetId: img.id, detail: { permission: 'works.manage', via: 'api:getWorkImage' } });
  });

  it('attempts on a locked account are audited with the account', async () => {
    const user = await makeUser(t.db(), 'talent');
    for (let i = 0; i < LOGIN_LOCK_THRESHOLD; i++) await callRoute(authLogin, { body: { login: user.email, password: 'wrong-password-1' } });
    const res = await callRoute(authLogin, { body: { login: user.email, password: TEST_PASSWORD } });
    expect(res.status).toBe(401);
    const [row] = await auditRows('auth.login');
    expect(row).toMatchObject({ result: 'failed', actorId: user.id, targetId: user.id, detail: { reason: 'locked' } });
  });

  it('anonymous denials are aggregated per address and route: a flood writes a bounded number of rows', async () => {
    const count = async () => (await t.db().select({ n: sql<number>`count(*)::int` }).from(auditLog).where(and(eq(auditLog.action, 'authz.denied'), eq(auditLog.ip, '198.51.100.7'))))[0]!.n;
    const headers = { 'x-forwarded-for': '198.51.100.7' };
    for (let i = 0; i < 40; i++) expect((await callRoute(getMyProfileRoute, { headers })).status).toBe(401);
    expect(await count()).toBe(3);
    // Another route from the same address is still recorded; a signed-in actor's denial always is.
    await callRoute(patchMyProfileRoute, { headers, body: {} });
    expect(await count()).toBe(4);
    // A minute later the next one carries the count of those left out.
    const { advance } = await import('@/lib/clock');
    advance(61_000);
    await callRoute(getMyProfileRoute, { headers });
    const [row] = await auditRows('authz.denied');
    expect(row!.detail).toMatchObject({ via: 'api:getMyProfile', suppressed: 37 });
  });
});

describe('uploads and credits', () => {
  it('a chunked 60 MB upload (no Content-Length) gets 413, not 400 "file empty"', async () => {
    const owner = await makeTalent(t.db());
    const token = await tokenFor(t.db(), owner);
    const work = (await callRoute(createWorkRoute, { headers: bearer(token), body: { title: '大件' } })).json as { id: string };
    const f = new FormData();
    f.set('file', new Blob([new Uint8Array(60 * 1024 * 1024)], { type: 'image/png' }), 'big.png');
    const res = await callRoute(addWorkImageRoute, { headers: bearer(token), params: { id: work.id }, form: f });
    expect(res.status, res.text).toBe(413);
    expect((res.json as { code: string }).code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('crediting a talent by id shows their artist name, never their legal name', async () => {
    const owner = await makeTalent(t.db());
    const token = await tokenFor(t.db(), owner);
    const named = await makeTalent(t.db(), { profile: { legalName: '王秀英', artistName: '青石' } });
    await t.db().update(users).set({ displayName: '王秀英' }).where(eq(users.id, named.id));
    const res = await callRoute(createWorkRoute, { headers: bearer(token), body: { title: '合作', credits: [{ step: 'throwing_round', talentId: named.id }] } });
    expect(res.status, res.text).toBe(201);
    expect(res.text).not.toContain('王秀英');
    expect((res.json as { credits: { name: string }[] }).credits[0]!.name).toBe('青石');

    const unnamed = await makeTalent(t.db(), { profile: { legalName: '李建国', artistName: null } });
    await t.db().update(users).set({ displayName: '李建国' }).where(eq(users.id, unnamed.id));
    const refused = await callRoute(createWorkRoute, { headers: bearer(token), body: { title: '合作二', credits: [{ step: 'throwing_round', talentId: unnamed.id }] } });
    expect(refused.status).toBe(400);
    expect(refused.text).not.toContain('李建国');
    expect(Object.keys((refused.json as { errors: Record<string, string[]> }).errors)).toEqual(['credits.0.talentId']);
    const byName = await callRoute(createWorkRoute, { headers: bearer(token), body: { title: '合作三', credits: [{ step: 'throwing_round', talentId: unnamed.id, name: '建国' }] } });
    expect(byName.status).toBe(201);
    expect((await t.db().select().from(workCredits)).map((c) => c.name)).not.toContain('李建国');
  });
});

describe('policy preview', () => {
  it('listing sample talents by name is an audited sensitive read', async () => {
    await makeTalent(t.db(), { zone: 'jkq' });
    const staff = await makeUser(t.db(), 'zone_staff');
    const res = await callRoute(previewPolicyRoute, { headers: bearer(await tokenFor(t.db(), staff)), params: { code: 'JP-902' }, body: { version: simpleVersion(), policy: simpleMeta('JP-902'), sampleSize: 5 } });
    expect(res.status, res.text).toBe(200);
    const listed = (res.json as { sample: { talents: unknown[] } }).sample.talents.length;
    expect(listed, res.text).toBeGreaterThan(0);
    const [row] = await auditRows('policy.preview_sample');
    expect(row).toMatchObject({ actorId: staff.id, targetType: 'policy', targetId: 'JP-902', detail: { zone: 'jkq', returned: listed } });
  });
});
