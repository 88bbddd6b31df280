import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditLog, consents, policyApplications, talentProfiles, users } from '@/db/schema';
import { listMyCreditsRoute, respondCreditRoute, addWorkImageRoute, createWorkRoute, getWorkImageRoute, reviewEvidenceRoute, submitEvidenceRoute } from '@/lib/portfolio/api';
import { setNow } from '@/lib/clock';
import { idCheckChar } from '@/lib/talent/id-number';
import { PRIVACY_NOTICE_VERSION } from '@/lib/talent/privacy-notice';
import {
  exportTalentsRoute,
  getMyProfileRoute,
  getShowcaseRoute,
  getTalentRoute,
  listTalentsRoute,
  patchMyProfileRoute,
  putMyProfileRoute,
  registerTalentRoute,
  revealTalentRoute,
  setMyConsentRoute,
  assignTalentZoneRoute,
} from '@/lib/talent/api';
import { DEFAULT_ZONE } from '@/lib/talent/zones';
import { setupTestDb } from './helpers/db';
import { bearer, makeTalent, makeUser, samplePng, tokenFor } from './helpers/factories';
import { callRoute } from './helpers/http';
import { insertApplication } from './helpers/policies';
import { touchesPublicPages } from '@/lib/cache/public-pages';
import { collectEventTypes } from '@/lib/events';

const t = setupTestDb();
const ID = (() => {
  const body = '36020319950615123';
  return body + idCheckChar(body);
})();

const register = (body: Record<string, unknown>) =>
  callRoute(registerTalentRoute, {
    body: { phone: '13970381234', password: 'Glaze-Kiln-2026!', legalName: '陈小满', nationality: 'CN', noticeVersion: PRIVACY_NOTICE_VERSION, consentProfile: true, consentSensitive: true, idNumber: ID, ...body },
  });
const count = async () => (await t.db().select({ n: sql<number>`count(*)::int` }).from(users))[0]!.n;

function form(bytes: Uint8Array | Buffer, name: string, type: string, fields: Record<string, string> = {}) {
  const f = new FormData();
  f.set('file', new Blob([new Uint8Array(bytes)], { type }), name);
  for (const [k, v] of Object.entries(fields)) f.set(k, v);
  return f;
}

describe('nobody is left without an office (issue 14 §3)', () => {
  it('a talent in 昌江区, or with no district, is handled by the default office, sees which office that is, and its staff can read them', async () => {
    const res = await register({});
    const { token, user } = res.json as { token: string; user: { id: string } };
    const me = async () => (await callRoute(getMyProfileRoute, { headers: bearer(token) })).json as { zone: string | null; office: { code: string; name: string } | null };
    expect((await me()).zone).toBe(DEFAULT_ZONE); // no district yet
    expect((await me()).office).toMatchObject({ code: DEFAULT_ZONE, name: '珠山区人才办' });
    expect((await callRoute(patchMyProfileRoute, { headers: bearer(token), body: { residence_district: '昌江区' } })).status).toBe(200);
    expect((await me()).zone).toBe(DEFAULT_ZONE);
    expect((await callRoute(patchMyProfileRoute, { headers: bearer(token), body: { residence_district: '经开区' } })).status).toBe(200);
    expect((await me()).office?.code).toBe('jkq');
    expect((await callRoute(patchMyProfileRoute, { headers: bearer(token), body: { residence_district: null } })).status).toBe(200);
    const staff = await makeUser(t.db(), 'zone_staff', { zoneCode: DEFAULT_ZONE });
    expect((await callRoute(getTalentRoute, { headers: bearer(await tokenFor(t.db(), staff)), params: { id: user.id } })).status).toBe(200);
    // No profile is left without a zone.
    expect((await t.db().select({ n: sql<number>`count(*)::int` }).from(talentProfiles).where(sql`zone_code is null`))[0]!.n).toBe(0);
  });

  it('staff reassign a talent of their zone to another office, audited; the assignment sticks when the talent moves', async () => {
    const talent = await makeTalent(t.db(), { zone: 'zsq', profile: { residenceDistrict: '浮梁县' } });
    const zsq = await tokenFor(t.db(), await makeUser(t.db(), 'zone_staff', { zoneCode: 'zsq' }));
    const jkq = await tokenFor(t.db(), await makeUser(t.db(), 'zone_staff', { zoneCode: 'jkq' }));
    // Not theirs: the 经开区 office cannot take (or probe) a 珠山区 talent — denied like a missing one.
    expect((await callRoute(assignTalentZoneRoute, { headers: bearer(jkq), params: { id: talent.id }, body: { zone: 'jkq', reason: '就近服务' } })).status).toBe(403);
    expect((await callRoute(assignTalentZoneRoute, { headers: bearer(zsq), params: { id: talent.id }, body: { zone: 'nowhere', reason: '就近服务' } })).status).toBe(400);
    const open = await insertApplication(t.db(), talent.id, 'JP-003', 'zsq', 'submitted');
    const ok = await callRoute(assignTalentZoneRoute, { headers: bearer(zsq), params: { id: talent.id }, body: { zone: 'jkq', reason: '工作室在经开区' } });
    expect(ok.status).toBe(200);
    // Their open application goes with them: the new office can act on it.
    expect((await t.db().select().from(policyApplications).where(eq(policyApplications.id, open.id)))[0]!.zoneCode).toBe('jkq');
    expect((await callRoute(getTalentRoute, { headers: bearer(jkq), params: { id: talent.id } })).status).toBe(200);
    expect((await callRoute(getTalentRoute, { headers: bearer(zsq), params: { id: talent.id } })).status).toBe(403);
    const [a] = await t.db().select().from(auditLog).where(eq(auditLog.action, 'talents.assign_zone'));
    expect(a!.detail).toMatchObject({ from: 'zsq', to: 'jkq', reason: '工作室在经开区' });
    // The talent moves house: the office staff chose stays.
    const tt = await tokenFor(t.db(), talent);
    expect((await callRoute(patchMyProfileRoute, { headers: bearer(tt), body: { residence_district: '珠山区' } })).status).toBe(200);
    expect(((await callRoute(getMyProfileRoute, { headers: bearer(tt) })).json as { zone: string }).zone).toBe('jkq');
  });
});

describe('registration (景漂登记)', () => {
  it('creates the account, the profile and both consents, and signs the person in', async () => {
    const res = await register({});
    expect(res.status).toBe(201);
    const { token, user } = res.json as { token: string; user: { id: string } };
    const me = await callRoute(getMyProfileRoute, { headers: bearer(token) });
    expect(me.status).toBe(200);
    const body = me.json as { id_number: string; phone: string; consents: { profile: boolean; sensitive: boolean }; profile: { birth_date: string; nationality: string } };
    expect(body.id_number).toBe(`3602**********${ID.slice(-4)}`);
    expect(body.phone).toBe('139****1234');
    expect(body.consents).toMatchObject({ profile: true, sensitive: true });
    expect(body.profile.birth_date).toBe('1995-06-15'); // taken from the ID number
    const rows = await t.db().select().from(consents).where(eq(consents.userId, user.id));
    expect(rows.map((r) => r.kind).sort()).toEqual(['profile', 'sensitive']);
    expect(rows.every((r) => r.noticeVersion === PRIVACY_NOTICE_VERSION && /^[0-9a-f]{64}$/.test(r.noticeHash))).toBe(true);
  });

  it('stores no ID number or phone in clear: a raw SELECT finds no 18-digit ID or 11-digit phone', async () => {
    await register({});
    const dump = JSON.stringify(await t.db().execute(sql`select u.*, p.* from users u join talent_profiles p on p.user_id = u.id`));
    expect(dump).not.toMatch(/\d{17}[\dX]/);
    expect(dump).not.toMatch(/1[3-9]\d{9}/);
    expect(dump).not.toContain(ID);
  });

  it('refuses bad input with localized field errors and stores nothing', async () => {
    const before = await count();
    const cases: [Record<string, unknown>, string, string][] = [
      [{ idNumber: `${ID.slice(0, 17)}${ID[17] === '1' ? '2' : '1'}` }, 'idNumber', '身份证号校验位不正确，请核对'],
      [{ birthDate: '2099-01-01', idNumber: undefined }, 'birthDate', '日期不能晚于今天'],
      [{ birthDate: '1995-06-16' }, 'idNumber', '出生日期与身份证号不一致'],
      [{ consentSensitive: false }, 'idNumber', '提交证件号码需要单独同意处理敏感个人信息'],
      [{ nationality: 'JP' }, 'idNumber', '外籍人士请填写护照号码'],
      [{ consentProfile: false }, 'consentProfile', '需要同意个人信息处理告知才能登记'],
      [{ password: 'password123' }, 'password', '这个密码太常见，请换一个'],
    ];
    for (const [patch, field, message] of cases) {
      const res = await register(patch);
      expect(res.status, JSON.stringify(patch)).toBe(400);
      expect((res.json as { errors: Record<string, string[]> }).errors[field], JSON.stringify(res.json)).toContain(message);
    }
    const unknown = await register({ role: 'org_admin', zone: 'jkq' });
    expect(unknown.status).toBe(400);
    expect(Object.keys((unknown.json as { errors: object }).errors).sort()).toEqual(['role', 'zone']);
    expect(await count()).toBe(before);
  });

  it('one ID number, one account (blind index)', async () => {
    expect((await register({})).status).toBe(201);
    const again = await register({ phone: '13970389999' });
    expect(again.status).toBe(409);
    expect((again.json as { errors: Record<string, string[]> }).errors.idNumber).toEqual(['该证件号码已登记']);
  });

  it('foreign artists register with a passport', async () => {
    const res = await register({ nationality: 'JP', idNumber: undefined, passportNumber: 'TR1234567', legalName: 'Sato Yuki', phone: undefined, email: 'yuki@test.local' });
    expect(res.status).toBe(201);
    const me = (await callRoute(getMyProfileRoute, { headers: bearer((res.json as { token: string }).token) })).json as { id_kind: string; derived: { is_local_hukou: boolean } };
    expect(me.id_kind).toBe('passport');
    expect(me.derived.is_local_hukou).toBe(false);
  });
});

describe('profile (canonical §6.2 fields)', () => {
  it('round-trips canonical names and nested objects; derived values follow', async () => {
    const u = await makeTalent(t.db(), { zone: null });
    const token = await tokenFor(t.db(), u);
    const profile = {
      birth_date: '1996-03-01',
      nationality: 'CN',
      hukou_province: '湖南',
      hukou_city: '长沙',
      residence_since: '2023-05-10',
      residence_district: '珠山区',
      education: '本科',
      graduation_date: '2019-06-30',
      practice_start: '2019-09-01',
      sector: '陶瓷',
      crafts: ['qinghua_outline', 'throwing_round'],
      employment: 'self_employed',
      business: { form: 'individual', registered_district: '珠山区', registered_date: '2024-01-15', first_time: true, employees_insured: 0 },
      studio: { district: '珠山区', lease_months: 12, area_m2: 30, monthly_rent: 800, government_free: false },
      owns_home_in_jdz: false,
      title: { level: '助理', date: '2022-12-01' },
      skill_level: 3,
      honours: [{ type: '市级大师', province: '江西', year: 2024 }],
      ich: { level: 'none' },
      awards: [{ level: 'provincial', rank: 'gold', year: 2025, name: '百花奖' }],
      exhibitions: [],
      apprentices: [],
    };
    const put = await callRoute(putMyProfileRoute, { headers: bearer(token), body: profile });
    expect(put.status, put.text).toBe(200);
    const body = put.json as { profile: Record<string, unknown>; derived: Record<string, unknown>; zone: string; verification: { title: string; honours: Record<string, string> } };
    expect(body.profile.business).toEqual(profile.business);
    expect(body.profile.title).toEqual(profile.title);
    expect(body.profile.skill_level).toBe(3);
    expect(body.profile.ich).toEqual({ level: 'none', project: null, year: null });
    expect((body.profile.honours as { id: string }[])[0]!.id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(body.profile.education).toBe('本科');
    expect(body.derived.business_registered_in_jdz).toBe(true);
    expect(body.derived.is_local_hukou).toBe(false);
    expect(body.zone).toBe('zsq');
    expect(body.verification.title).toBe('claimed');
    // PATCH changes only what is sent; PUT with fewer fields makes the rest unknown
    const patched = (await callRoute(patchMyProfileRoute, { headers: bearer(token), body: { education: '硕士', bio: '青花勾线' } })).json as { profile: { education: string; crafts: string[] } };
    expect(patched.profile).toMatchObject({ education: '硕士', crafts: profile.crafts });
    const replaced = (await callRoute(putMyProfileRoute, { headers: bearer(token), body: { education: '大专' } })).json as { profile: { crafts: unknown; business: unknown } };
    expect(replaced.profile.crafts).toBeNull();
    expect(replaced.profile.business).toBeNull();
  });

  it('refuses impossible dates and unknown keys, and changes nothing', async () => {
    const u = await makeTalent(t.db());
    const token = await tokenFor(t.db(), u);
    const bad = await callRoute(patchMyProfileRoute, { headers: bearer(token), body: { birth_date: '2000-01-01', graduation_date: '1999-06-30', practice_start: '2999-01-01' } });
    expect(bad.status).toBe(400);
    const errors = (bad.json as { errors: Record<string, string[]> }).errors;
    expect(errors.graduation_date).toEqual(['日期不能早于出生日期']);
    expect(errors.practice_start).toContain('日期不能晚于今天');
    const sneaky = await callRoute(patchMyProfileRoute, { headers: bearer(token), body: { role: 'org_admin', zone: 'zsq', zoneCode: 'zsq' } });
    expect(sneaky.status).toBe(400);
    const [row] = await t.db().select().from(talentProfiles).where(eq(talentProfiles.userId, u.id));
    expect(row!.birthDate).toBeNull();
    expect(row!.zoneCode).toBe('jkq');
    expect((await t.db().select().from(users).where(eq(users.id, u.id)))[0]!.role).toBe('talent');
  });

  it('withdrawing the sensitive consent deletes the ID number and stops evidence uploads', async () => {
    const res = await register({});
    const token = (res.json as { token: string }).token;
    const w = await callRoute(setMyConsentRoute, { headers: bearer(token), params: { kind: 'sensitive' }, body: { granted: false } });
    expect(w.json).toEqual({ profile: true, sensitive: false });
    const me = (await callRoute(getMyProfileRoute, { headers: bearer(token) })).json as { id_number: string | null };
    expect(me.id_number).toBeNull();
    await callRoute(patchMyProfileRoute, { headers: bearer(token), body: { title: { level: '中级', date: '2020-01-01' } } });
    const up = await callRoute(submitEvidenceRoute, { headers: bearer(token), form: form(await samplePng(), 'cert.png', 'image/png', { subject: 'title' }) });
    expect(up.status).toBe(403);
  });
});

describe('staff directory', () => {
  it('lists only the staff member’s zone, masked, and hides people who withdrew consent', async () => {
    const staff = await makeUser(t.db(), 'zone_staff', { zoneCode: 'jkq' });
    const token = await tokenFor(t.db(), staff);
    const mine = await makeTalent(t.db(), { zone: 'jkq', phone: '13912345678', profile: { crafts: ['famille_rose'], education: '本科' } });
    const other = await makeTalent(t.db(), { zone: 'zsq', phone: '13912340000' });
    const withdrawn = await makeTalent(t.db(), { zone: 'jkq' });
    await t.db().update(consents).set({ withdrawnAt: new Date() }).where(eq(consents.userId, withdrawn.id));
    const list = (await callRoute(listTalentsRoute, { headers: bearer(token) })).json as { items: { id: string; phone: string }[]; total: number };
    expect(list.items.map((i) => i.id)).toEqual([mine.id]);
    expect(list.items[0]!.phone).toBe('139****5678');
    expect((await callRoute(listTalentsRoute, { headers: bearer(token), query: { craft: 'qinghua_outline' } })).json).toMatchObject({ total: 0 });
    expect((await callRoute(listTalentsRoute, { headers: bearer(token), query: { education: '本科' } })).json).toMatchObject({ total: 1 });
    expect((await callRoute(getTalentRoute, { headers: bearer(token), params: { id: other.id } })).status).toBe(403);
    const detail = await callRoute(getTalentRoute, { headers: bearer(token), params: { id: mine.id } });
    expect(detail.text).not.toMatch(/1[3-9]\d{9}/);
  });

  it('reveals a full value only with a reason, and audits it', async () => {
    const staff = await makeUser(t.db(), 'zone_staff', { zoneCode: 'jkq' });
    const token = await tokenFor(t.db(), staff);
    const talent = await makeTalent(t.db(), { zone: 'jkq', phone: '13912345678' });
    expect((await callRoute(revealTalentRoute, { headers: bearer(token), params: { id: talent.id }, body: { field: 'phone' } })).status).toBe(400);
    const ok = await callRoute(revealTalentRoute, { headers: bearer(token), params: { id: talent.id }, body: { field: 'phone', reason: '核实补贴申请联系方式' } });
    expect(ok.json).toEqual({ field: 'phone', value: '13912345678' });
    const [row] = await t.db().select().from(auditLog).where(eq(auditLog.action, 'talents.reveal'));
    expect(row!.detail).toMatchObject({ field: 'phone', reason: '核实补贴申请联系方式' });
    expect(JSON.stringify(row)).not.toContain('13912345678');
  });

  it('names the export file by the Jingdezhen clock (07:30 on 2 March there is still 1 March in UTC; issue 14 §2)', async () => {
    setNow(new Date('2027-03-01T23:30:00Z'));
    const staff = await makeUser(t.db(), 'zone_staff', { zoneCode: 'jkq' });
    const token = await tokenFor(t.db(), staff);
    const res = await callRoute(exportTalentsRoute, { headers: bearer(token), query: { format: 'csv', purpose: '年度人才统计' } });
    expect(res.status).toBe(200);
    const disposition = decodeURIComponent(res.headers.get('content-disposition') ?? '');
    expect(disposition).toContain('-2027-03-02.csv');
  });

  it('exports CSV with a BOM and XLSX, streamed, only the zone, audited with the purpose', async () => {
    const staff = await makeUser(t.db(), 'zone_staff', { zoneCode: 'jkq' });
    const token = await tokenFor(t.db(), staff);
    for (let i = 0; i < 3; i++) await makeTalent(t.db(), { zone: 'jkq', phone: `1391234567${i}`, profile: { crafts: ['famille_rose'] } });
    await makeTalent(t.db(), { zone: 'zsq' });
    const missingPurpose = await callRoute(exportTalentsRoute, { headers: bearer(token), query: { format: 'csv' } });
    expect(missingPurpose.status).toBe(400);
    const csv = await callRoute(exportTalentsRoute, { headers: bearer(token), query: { format: 'csv', purpose: '年度人才统计' } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.headers.get('content-disposition')).toContain("filename*=UTF-8''");
    expect(csv.text.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.text.slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain('姓名');
    expect(lines[1]).toContain('粉彩');
    expect(csv.text).not.toMatch(/1[3-9]\d{9}/);

    const xlsxRes = await callRoute(exportTalentsRoute, { headers: bearer(token), query: { format: 'xlsx', purpose: '年度人才统计' } });
    expect(xlsxRes.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsxRes.bytes as never);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(4);
    expect(String(sheet.getRow(1).getCell(1).value)).toBe('姓名');
    const audits = await t.db().select().from(auditLog).where(eq(auditLog.action, 'talents.export'));
    expect(audits.map((a) => (a.detail as { purpose: string }).purpose)).toEqual(['年度人才统计', '年度人才统计']);
  });
});

describe('portfolio uploads and credits', () => {
  it('stores a re-encoded image under a random name and serves it only when public or to the owner', async () => {
    const samplePngSync = await samplePng();
    const owner = await makeTalent(t.db());
    const token = await tokenFor(t.db(), owner);
    // Each change to what a showcase shows records the event that renews the cached showcases (ADR 019).
    const created = await collectEventTypes(() => callRoute(createWorkRoute, { headers: bearer(token), body: { title: '青花缠枝莲纹瓶', techniques: ['qinghua_outline'], visibility: 'private' } }));
    expect([...created.types]).toEqual(['portfolio.changed']);
    const work = created.result.json as { id: string };
    const upload = await collectEventTypes(() => callRoute(addWorkImageRoute, { headers: bearer(token), params: { id: work.id }, form: form(samplePngSync, '../../etc/passwd.png', 'image/png') }));
    const up = upload.result;
    expect(up.status, up.text).toBe(201);
    expect(touchesPublicPages(upload.types)).toBe(true);
    const img = (up.json as { images: { id: string }[] }).images[0]!;
    const asOwner = await callRoute(getWorkImageRoute, { headers: bearer(token), params: { id: work.id, imageId: img.id } });
    expect(asOwner.status).toBe(200);
    expect(asOwner.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
    expect(asOwner.headers.get('x-content-type-options')).toBe('nosniff');
    expect((await callRoute(getWorkImageRoute, { params: { id: work.id, imageId: img.id } })).status).toBe(404);
  });

  it('refuses HTML renamed .jpg, SVG with script and oversized uploads', async () => {
    const owner = await makeTalent(t.db());
    const token = await tokenFor(t.db(), owner);
    const work = (await callRoute(createWorkRoute, { headers: bearer(token), body: { title: '作品' } })).json as { id: string };
    const html = await callRoute(addWorkImageRoute, { headers: bearer(token), params: { id: work.id }, form: form(Buffer.from('<html><script>alert(1)</script></html>'), 'x.jpg', 'image/jpeg') });
    expect(html.status).toBe(400);
    expect((html.json as { errors: Record<string, string[]> }).errors.file).toBeDefined();
    const svg = await callRoute(addWorkImageRoute, { headers: bearer(token), params: { id: work.id }, form: form(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'x.svg', 'image/svg+xml') });
    expect(svg.status).toBe(400);
    const big = await callRoute(addWorkImageRoute, { headers: bearer(token), params: { id: work.id }, form: form(Buffer.alloc(11 * 1024 * 1024, 1), 'big.jpg', 'image/jpeg') });
    expect(big.status).toBe(413);
  });

  it('credits name other talents, who confirm or decline', async () => {
    const owner = await makeTalent(t.db());
    // Credited by id under their artist name (never the legal name: issue 14 §1, tests/hardening.db.test.ts).
    const thrower = await makeTalent(t.db(), { profile: { artistName: '拉坯 阿林' } });
    const token = await tokenFor(t.db(), owner);
    const created = await callRoute(createWorkRoute, {
      headers: bearer(token),
      body: { title: '合作瓶', credits: [{ step: 'throwing_round', talentId: thrower.id }, { step: 'wood_firing', name: '柴窑 老周' }] },
    });
    const credits = (created.json as { credits: { id: string; status: string; talent_id: string | null }[] }).credits;
    expect(credits.map((c) => c.status).sort()).toEqual(['confirmed', 'pending']);
    const theirToken = await tokenFor(t.db(), thrower);
    const mine = (await callRoute(listMyCreditsRoute, { headers: bearer(theirToken) })).json as { items: { id: string; status: string }[] };
    expect(mine.items).toHaveLength(1);
    expect((await callRoute(respondCreditRoute, { headers: bearer(token), params: { id: mine.items[0]!.id }, body: { accept: true } })).status).toBe(404);
    expect((await callRoute(respondCreditRoute, { headers: bearer(theirToken), params: { id: mine.items[0]!.id }, body: { accept: true } })).json).toMatchObject({ status: 'confirmed' });
  });
});

describe('evidence, verification and the public showcase', () => {
  it('ICH evidence → staff verifies → verified badge on the showcase, with nothing sensitive', async () => {
    const reg = await register({ legalName: '周窑', phone: '13970385555' });
    const token = (reg.json as { token: string }).token;
    await callRoute(patchMyProfileRoute, { headers: bearer(token), body: { residence_district: '经开区', ich: { level: 'municipal', project: '景德镇手工制瓷技艺', year: 2021 }, crafts: ['wood_firing'], showcase_enabled: true } });
    const filed = await callRoute(submitEvidenceRoute, { headers: bearer(token), form: form(await samplePng(), 'ich.png', 'image/png', { subject: 'ich', note: '市级非遗传承人证书' }) });
    expect(filed.status, filed.text).toBe(201);
    const evidenceId = (filed.json as { id: string }).id;
    const pending = (await callRoute(getMyProfileRoute, { headers: bearer(token) })).json as { verification: { ich: string }; showcase_slug: string };
    expect(pending.verification.ich).toBe('pending');

    const otherZone = await makeUser(t.db(), 'zone_staff', { zoneCode: 'zsq' });
    expect((await callRoute(reviewEvidenceRoute, { headers: bearer(await tokenFor(t.db(), otherZone)), params: { id: evidenceId }, body: { decision: 'verified' } })).status).toBe(403);
    const staff = await makeUser(t.db(), 'zone_staff', { zoneCode: 'jkq' });
    const staffToken = await tokenFor(t.db(), staff);
    expect((await callRoute(reviewEvidenceRoute, { headers: bearer(staffToken), params: { id: evidenceId }, body: { decision: 'rejected' } })).status).toBe(400);
    const reviewed = await collectEventTypes(() => callRoute(reviewEvidenceRoute, { headers: bearer(staffToken), params: { id: evidenceId }, body: { decision: 'verified' } }));
    const ok = reviewed.result;
    expect(ok.json).toMatchObject({ status: 'verified' });
    expect([...reviewed.types]).toEqual(['portfolio.changed']); // the verified badge: the cached showcases are renewed
    const after = (await callRoute(getMyProfileRoute, { headers: bearer(token) })).json as { verification: { ich: string } };
    expect(after.verification.ich).toBe('verified');

    const showcase = await callRoute(getShowcaseRoute, { params: { slug: pending.showcase_slug } });
    expect(showcase.status).toBe(200);
    expect(showcase.json).toMatchObject({ name: '周窑', verified: [{ subject: 'ich', claim: { level: 'municipal' } }] });
    expect(showcase.text).not.toMatch(/1[3-9]\d{9}|\d{17}[\dX]|1995-06-15|phone|birth|id_number/);

    // An administrator disables the account: the showcase is no longer public.
    const owner = await t.db().select({ id: talentProfiles.userId }).from(talentProfiles).where(eq(talentProfiles.showcaseSlug, pending.showcase_slug));
    await t.db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, owner[0]!.id));
    expect((await callRoute(getShowcaseRoute, { params: { slug: pending.showcase_slug } })).status).toBe(404);
  });
});

describe('export paging', () => {
  it('keeps every row when many share one created_at down to the microsecond (keyset cursor keeps full precision)', async () => {
    const staff = await makeUser(t.db(), 'zone_staff', { zoneCode: 'jkq' });
    const ids: string[] = [];
    for (let i = 0; i < 7; i++) ids.push((await makeTalent(t.db(), { zone: 'jkq' })).id);
    await t.db().execute(sql`update talent_profiles set created_at = '2026-03-01 08:00:00.123456+00' where user_id in (${sql.join(ids.slice(0, 5).map((id) => sql`${id}::uuid`), sql`, `)})`);
    await t.db().execute(sql`update talent_profiles set created_at = '2026-03-01 08:00:00.123457+00' where user_id in (${sql.join(ids.slice(5).map((id) => sql`${id}::uuid`), sql`, `)})`);
    const { iterateTalents } = await import('@/lib/talent/directory');
    const { resolveSession } = await import('@/lib/auth/sessions');
    const actor = ((await resolveSession(t.db(), await tokenFor(t.db(), staff))) as { actor: never }).actor;
    const seen: string[] = [];
    for await (const page of iterateTalents(actor, {}, 2)) seen.push(...page.map((r) => r.id));
    expect(seen.sort()).toEqual([...ids].sort());
  });
});
