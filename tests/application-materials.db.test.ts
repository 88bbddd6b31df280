/**
 * Application materials (issue 13 §5): a file per listed material, uploaded before submitting, attached and frozen
 * on submission, opened by the applicant and by staff of the application's zone (audited), refused to everyone else.
 */
import { and, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { applicationMaterials, auditLog, policyApplications } from '@/db/schema';
import { applyAction } from '@/lib/policies/actions';
import {
  applicationMaterialFileRoute,
  applyRoute,
  decideApplicationRoute,
  listApplicationsRoute,
  myApplicationMaterialFileRoute,
  myApplicationsRoute,
  uploadApplicationMaterialRoute,
  withdrawApplicationRoute,
} from '@/lib/policies/api';
import { tinyPdf } from '@/lib/policies/material-file';
import { setupTestDb } from './helpers/db';
import { bearer, makeTalent, makeUser, samplePng, tokenFor } from './helpers/factories';
import { callAction, callRoute } from './helpers/http';
import { seedSimplePolicy, simpleVersion } from './helpers/policies';

const t = setupTestDb();

type Problem = { code: string; errors?: Record<string, string[]>; detail?: string };
type Upload = { id: string; code: string; url: string; contentType: string; fileName: string; applicationId: string | null };
type App = { id: string; status: string; files: Upload[] };

const TWO = simpleVersion({
  application: {
    mode: '申请',
    materials: [
      { code: 'id_card', name_zh: '身份证', name_en: 'ID card' },
      { code: 'degree', name_zh: '学历证书', name_en: 'Degree certificate' },
    ],
    manual_confirmation: true,
  },
});

function form(bytes: Uint8Array, name: string, fields: Record<string, string>) {
  const f = new FormData();
  f.set('file', new Blob([new Uint8Array(bytes)]), name);
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

const upload = (token: string, code: string, bytes: Uint8Array = tinyPdf(code), name = `${code}.pdf`, policyCode = 'JP-901') =>
  callRoute(uploadApplicationMaterialRoute, { headers: bearer(token), form: form(bytes, name, { policyCode, code }) });

const counts = async () =>
  JSON.stringify(
    await Promise.all([policyApplications, applicationMaterials].map(async (tb) => (await t.db().select({ n: sql<number>`count(*)::int` }).from(tb))[0]!.n)),
  ) + JSON.stringify(await t.db().select({ id: applicationMaterials.id, a: applicationMaterials.applicationId }).from(applicationMaterials).orderBy(applicationMaterials.id));

describe('application materials', () => {
  it('upload → submit → the applicant and staff of the zone open each file; other zones, other talents and anonymous are refused', async () => {
    await seedSimplePolicy(t.db(), 'JP-901', TWO);
    const talent = await makeTalent(t.db(), { zone: 'jkq' });
    const token = await tokenFor(t.db(), talent);

    const pdf = await upload(token, 'id_card', tinyPdf('ID card'), '../../etc/身份证.pdf');
    expect(pdf.status).toBe(201);
    const idCard = pdf.json as Upload;
    expect(idCard).toMatchObject({ code: 'id_card', contentType: 'application/pdf', applicationId: null, fileName: '身份证.pdf' });
    const png = await upload(token, 'degree', await samplePng(), 'degree.png');
    expect(png.status).toBe(201);
    const degree = png.json as Upload;
    expect(degree.contentType).toBe('image/webp'); // re-encoded like evidence

    // Uploading again replaces the draft for that material (one draft per material: storage stays bounded).
    const again = await upload(token, 'id_card', tinyPdf('ID card, second scan'), 'id-2.pdf');
    expect(again.status).toBe(201);
    expect((await callRoute(myApplicationMaterialFileRoute, { params: { materialId: idCard.id }, headers: bearer(token) })).status).toBe(404);
    idCard.id = (again.json as Upload).id;
    expect(await t.db().select().from(applicationMaterials).where(and(eq(applicationMaterials.talentId, talent.id), eq(applicationMaterials.materialCode, 'id_card')))).toHaveLength(1);

    // Before submission only the owner opens a draft upload.
    const own = await callRoute(myApplicationMaterialFileRoute, { params: { materialId: idCard.id }, headers: bearer(token) });
    expect(own.status).toBe(200);
    expect(own.headers.get('content-disposition')).toMatch(/^attachment/);
    expect(own.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const stranger = await makeTalent(t.db(), { zone: 'jkq' });
    expect((await callRoute(myApplicationMaterialFileRoute, { params: { materialId: idCard.id }, headers: bearer(await tokenFor(t.db(), stranger)) })).status).toBe(403);

    const res = await callRoute(applyRoute, { body: { policyCode: 'JP-901', materials: [{ code: 'id_card', uploadId: idCard.id }, { code: 'degree', uploadId: degree.id }] }, headers: bearer(token) });
    expect(res.status).toBe(201);
    const app = res.json as App;
    expect(app.files.map((f) => f.code).sort()).toEqual(['degree', 'id_card']);
    const file = app.files.find((f) => f.code === 'id_card')!;
    expect(file.url).toBe(`/api/v1/applications/${app.id}/materials/${idCard.id}`);

    const get = (token?: string, id = app.id, materialId = idCard.id) =>
      callRoute(applicationMaterialFileRoute, { params: { id, materialId }, ...(token ? { headers: bearer(token) } : {}) });
    const staff = await tokenFor(t.db(), await makeUser(t.db(), 'zone_staff', { zoneCode: 'jkq' }));
    const ok = await get(staff);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('x-content-type-options')).toBe('nosniff');
    expect(ok.headers.get('content-security-policy')).toContain('sandbox');
    const image = await get(staff, app.id, degree.id);
    expect(image.status).toBe(200);
    expect(image.headers.get('content-type')).toBe('image/webp');
    expect(image.headers.get('content-disposition')).toMatch(/^inline/);
    const reads = await t.db().select().from(auditLog).where(and(eq(auditLog.action, 'application.material_read'), eq(auditLog.targetId, idCard.id)));
    expect(reads).toHaveLength(1);

    expect((await get(token)).status).toBe(200); // the applicant
    expect((await get(await tokenFor(t.db(), await makeUser(t.db(), 'zone_staff', { zoneCode: 'zsq' })))).status).toBe(403);
    expect((await get(await tokenFor(t.db(), stranger))).status).toBe(403);
    expect((await get()).status).toBe(401);
    // A material reached through another application id is not found: refused like another zone's (no oracle).
    expect((await get(staff, '00000000-0000-4000-8000-000000000000')).status).toBe(403);

    // The staff queue counts the files; my applications list them.
    const queue = (await callRoute(listApplicationsRoute, { query: {}, headers: bearer(staff) })).json as { items: App[] };
    expect(queue.items[0]!.files).toHaveLength(2);
    const mine = (await callRoute(myApplicationsRoute, { headers: bearer(token) })).json as { items: App[] };
    expect(mine.items[0]!.files).toHaveLength(2);
  });

  it('refuses a submission without a file for each listed material, or with someone else’s, and changes nothing', async () => {
    await seedSimplePolicy(t.db(), 'JP-901', TWO);
    const talent = await makeTalent(t.db(), { zone: 'jkq' });
    const token = await tokenFor(t.db(), talent);
    const idCard = (await upload(token, 'id_card')).json as Upload;
    const other = await makeTalent(t.db(), { zone: 'jkq' });
    const theirs = (await upload(await tokenFor(t.db(), other), 'degree')).json as Upload;
    const before = await counts();

    const missing = await callRoute(applyRoute, { body: { policyCode: 'JP-901', materials: [{ code: 'id_card', uploadId: idCard.id }] }, headers: bearer(token) });
    expect(missing.status).toBe(400);
    expect((missing.json as Problem).errors).toEqual({ 'materials.degree': ['请上传这份材料的文件'] });

    const foreign = await callRoute(applyRoute, { body: { policyCode: 'JP-901', materials: [{ code: 'id_card', uploadId: idCard.id }, { code: 'degree', uploadId: theirs.id }] }, headers: bearer(token) });
    expect(foreign.status).toBe(400);
    expect(Object.keys((foreign.json as Problem).errors!)).toEqual(['materials.degree']);

    // A file uploaded for one material cannot stand in for another.
    const swapped = await callRoute(applyRoute, { body: { policyCode: 'JP-901', materials: [{ code: 'id_card', uploadId: idCard.id }, { code: 'degree', uploadId: idCard.id }] }, headers: bearer(token) });
    expect(swapped.status).toBe(400);

    // The server action answers with the same localized field error.
    const action = await callAction(applyAction, { policyCode: 'JP-901', materials: [{ code: 'id_card', uploadId: idCard.id }] }, { authorization: `Bearer ${token}` });
    expect(action.ok).toBe(false);
    expect(await counts()).toBe(before);
  });

  it('checks the uploaded file: type by its bytes, PDFs without active content, a listed material, the size limit', async () => {
    await seedSimplePolicy(t.db(), 'JP-901', TWO);
    const token = await tokenFor(t.db(), await makeTalent(t.db(), { zone: 'jkq' }));
    const before = await counts();
    const html = await upload(token, 'id_card', new TextEncoder().encode('<html><script>alert(1)</script></html>'), 'id.pdf');
    expect(html.status).toBe(400);
    expect((html.json as Problem).errors).toEqual({ file: ['仅支持 PDF、JPEG、PNG 或 WebP 文件'] });
    const js = new TextEncoder().encode(new TextDecoder().decode(tinyPdf('x')).replace('/Type /Catalog', '/Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >>'));
    expect((await upload(token, 'id_card', js)).status).toBe(400);
    const unknown = await upload(token, 'passport');
    expect(unknown.status).toBe(400);
    expect(Object.keys((unknown.json as Problem).errors!)).toEqual(['code']);
    expect((await upload(token, 'id_card', tinyPdf('x'), 'x.pdf', 'JP-999')).status).toBe(404);
    const big = new Uint8Array(10 * 1024 * 1024 + 1);
    big.set(tinyPdf('x'));
    expect((await upload(token, 'id_card', big)).status).toBe(413);
    expect(await counts()).toBe(before);
  });

  it('keeps the files with the decision: frozen in the database, and a re-application uploads again or reuses explicitly', async () => {
    await seedSimplePolicy(t.db(), 'JP-901');
    const talent = await makeTalent(t.db(), { zone: 'jkq' });
    const token = await tokenFor(t.db(), talent);
    const first = (await upload(token, 'id_card')).json as Upload;
    const app = (await callRoute(applyRoute, { body: { policyCode: 'JP-901', materials: [{ code: 'id_card', uploadId: first.id }] }, headers: bearer(token) })).json as App;
    const staff = await tokenFor(t.db(), await makeUser(t.db(), 'zone_staff', { zoneCode: 'jkq' }));
    expect((await callRoute(decideApplicationRoute, { params: { id: app.id }, body: { decision: 'reject', reason: '身份证已过期' }, headers: bearer(staff) })).status).toBe(200);

    // No path changes an attached file: the trigger refuses even a direct update.
    await expect(t.db().update(applicationMaterials).set({ applicationId: null }).where(eq(applicationMaterials.id, first.id))).rejects.toThrow();
    await expect(t.db().update(applicationMaterials).set({ storageKey: '00000000-0000-4000-8000-000000000000' }).where(eq(applicationMaterials.id, first.id))).rejects.toThrow();
    // The rejected application still opens its file for staff.
    expect((await callRoute(applicationMaterialFileRoute, { params: { id: app.id, materialId: first.id }, headers: bearer(staff) })).status).toBe(200);

    // Re-applying with the earlier file reuses it explicitly (a new row on the same blob); the old row stays put.
    const again = await callRoute(applyRoute, { body: { policyCode: 'JP-901', materials: [{ code: 'id_card', uploadId: first.id }] }, headers: bearer(token) });
    expect(again.status).toBe(201);
    const second = again.json as App;
    expect(second.files).toHaveLength(1);
    expect(second.files[0]!.id).not.toBe(first.id);
    const rows = await t.db().select().from(applicationMaterials).where(eq(applicationMaterials.talentId, talent.id));
    expect(rows.map((r) => r.applicationId).sort()).toEqual([app.id, second.id].sort());
    expect(new Set(rows.map((r) => r.storageKey)).size).toBe(1);

    // Withdrawn: still attached, still frozen.
    expect((await callRoute(withdrawApplicationRoute, { params: { id: second.id }, headers: bearer(token) })).status).toBe(200);
    const [kept] = await t.db().select().from(applicationMaterials).where(eq(applicationMaterials.applicationId, second.id));
    expect(kept).toBeDefined();
  });
});
