import fs from 'node:fs/promises';
import sharp from 'sharp';
import { idCheckChar } from '@/lib/talent/id-number';
import { ACCOUNTS, expect, httpStatusLine, login, loginAs, test, waitForHydration } from './fixtures';
import type { Page } from '@playwright/test';

/**
 * Issue 3 on a phone-sized viewport (and on desktop): a new 景漂 registers, finishes the profile wizard, uploads two
 * works with credits, submits ICH evidence; zone staff of 经开区 finds them, verifies the evidence and exports the
 * list; the public showcase shows the verified badge and nothing sensitive. Every run registers a new person
 * (unique phone, ID number and name), so the test does not depend on other specs or on earlier runs.
 */

/** A real image (sharp), so the server's magic-byte check, decode and re-encode all run. */
async function image(format: 'png' | 'jpeg', rgb: [number, number, number]): Promise<Buffer> {
  const [r, g, b] = rgb;
  const base = sharp({ create: { width: 480, height: 360, channels: 3, background: { r, g, b } } });
  return format === 'png' ? base.png().toBuffer() : base.jpeg({ quality: 85 }).toBuffer();
}

/** A person nobody registered before: phone, GB 11643 ID number (valid check character) and a searchable name. */
function newPerson(projectName: string) {
  const n = Date.now();
  const seq = Math.floor(Math.random() * 1000);
  const y = 1990 + (n % 10);
  const m = 1 + (Math.floor(n / 10) % 12);
  const d = 1 + (Math.floor(n / 1000) % 28);
  const birth = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  // 360203: 景德镇市珠山区. Sequence: 3 digits (odd = male, irrelevant here).
  const first17 = `360203${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  const tag = `${projectName === 'mobile' ? '移' : '桌'}${n.toString(36).slice(-6)}`;
  return {
    phone: `139${String(n % 100_000_000).padStart(8, '0')}`,
    idNumber: `${first17}${idCheckChar(first17)}`,
    birth,
    birthZh: `${y}年${m}月${d}日`,
    legalName: `测试景漂${tag}`,
    artistName: `青岚${tag}`,
    password: 'Kiln-Fire-2026',
  };
}

async function uploadWork(page: Page, work: { title: string; year: string; technique: string; credits: { step: string; name: string }[] }) {
  await page.goto('/portfolio/new');
  await waitForHydration(page, 'form[aria-label="新建作品"]');
  await page.getByLabel('作品名称').fill(work.title);
  await page.getByLabel('创作年份').fill(work.year);
  await page.getByRole('checkbox', { name: work.technique, exact: true }).check();
  for (const [i, c] of work.credits.entries()) {
    await page.getByRole('button', { name: '+ 添加署名' }).click();
    const row = page.getByTestId('credit-row').nth(i);
    await row.getByLabel('工序').selectOption({ label: c.step });
    await expect(row.getByLabel('署名方式')).toHaveValue('name');
    await row.getByLabel('姓名').fill(c.name);
  }
  await page.getByRole('button', { name: '创建作品' }).click();
  await expect(page).toHaveURL(/\/portfolio\/[0-9a-f-]{36}\?created=1$/);
  await expect(page.getByText('作品已创建。现在可以上传作品图片。')).toBeVisible();
  const credits = page.getByTestId('work-credits');
  for (const c of work.credits) await expect(credits).toContainText(`${c.step} · ${c.name}`);
}

async function uploadImage(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await waitForHydration(page, 'form[aria-label="上传作品图片"]');
  await page.getByLabel('选择图片').setInputFiles(file);
  await page.getByRole('button', { name: '上传', exact: true }).click();
}

test.describe('talent registration, profile, portfolio, verification, showcase', () => {
  test('a new 景漂 registers and builds a profile; staff verify and export; the showcase shows nothing sensitive', async ({ page, consoleGuard }, testInfo) => {
    test.setTimeout(180_000);
    // The HTML file renamed .jpg is refused by the server with 400 (problem+json); the browser logs that status.
    consoleGuard.allow(httpStatusLine(400));
    const p = newPerson(testInfo.project.name);
    const png = await image('png', [176, 64, 40]);
    const jpeg = await image('jpeg', [40, 72, 160]);

    // ── 1. Registration (phone, password, identity, both PIPL consents) ──────────────────────────────────────
    await page.goto('/register');
    await expect(page.getByRole('heading', { level: 1, name: '景漂登记' })).toBeVisible();
    await waitForHydration(page, 'form[aria-label="景漂登记"]');
    await page.getByLabel('手机号', { exact: true }).fill(p.phone);
    await page.getByLabel('密码', { exact: true }).fill(p.password);
    await page.getByLabel('姓名', { exact: true }).fill(p.legalName);
    await expect(page.getByLabel('国籍')).toHaveValue('CN');
    await page.getByLabel('居民身份证号').fill(p.idNumber);
    await page.getByLabel('我已阅读并同意第一项（必选）').check();
    await page.getByLabel('我单独同意第二项（可选）').check();
    await page.getByRole('button', { name: '提交登记' }).click();

    // ── 2. Profile wizard: five steps, each saved ────────────────────────────────────────────────────────────
    await expect(page).toHaveURL(/\/profile\/wizard$/, { timeout: 20_000 });
    await expect(page.getByRole('heading', { level: 1, name: '完善人才档案' })).toBeVisible();
    const step = async (title: string) => {
      await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
      await waitForHydration(page, `form[aria-label="${title}"]`);
    };
    const next = () => page.getByTestId('wizard-next').click();

    await step('基本情况');
    // The birth date was read from the ID number at registration.
    await expect(page.getByLabel('出生日期', { exact: true })).toHaveValue(p.birth);
    await page.getByLabel('居住区县').selectOption('经开区');
    await page.getByLabel('在景居住起始日期').fill('2022-03-01');
    await next();

    await step('学历与从业');
    await page.getByLabel('学历', { exact: true }).selectOption({ label: '本科' });
    await page.getByLabel('从业起始日期').fill('2019-09-01');
    await page.getByRole('checkbox', { name: '拉坯（圆器）', exact: true }).check();
    await page.getByRole('checkbox', { name: '青花（勾线）', exact: true }).check();
    await next();

    await step('工作与工作室');
    await page.getByLabel('就业方式').selectOption({ label: '自主创业或自由职业' });
    await next();

    await step('职称与荣誉');
    await page.getByLabel('非遗传承人级别').selectOption({ label: '市级' });
    await page.getByLabel('非遗项目').fill('景德镇手工制瓷技艺');
    await page.getByLabel('认定年份').fill('2021');
    await next();

    await step('展示页');
    await page.getByLabel('艺名').fill(p.artistName);
    await page.getByLabel('简介').fill('拉坯与青花，师从本地老艺人，专注日用青花器。');
    await page.getByLabel('公开我的展示页').check();
    await expect(page.getByTestId('wizard-next')).toHaveText('保存并完成');
    await next();

    await expect(page).toHaveURL(/\/profile\?done=1$/);
    await expect(page.getByText('档案已完成，谢谢！')).toBeVisible();
    // Phone and ID number are masked on the person's own profile too.
    await expect(page.getByTestId('masked-phone')).toHaveText(`${p.phone.slice(0, 3)}****${p.phone.slice(-4)}`);
    await expect(page.getByTestId('masked-id')).toHaveText(/^3602\*+\d{3}[\dX]$/);
    await expect(page.getByText('景德镇手工制瓷技艺').first()).toBeVisible();

    // ── 3. Two works with credits per process step; an HTML file renamed .jpg is refused ────────────────────
    await uploadWork(page, {
      title: '青花缠枝莲纹碗',
      year: '2025',
      technique: '青花（勾线）',
      credits: [
        { step: '拉坯（圆器）', name: '王师傅' },
        { step: '把桩（柴窑）', name: '李窑工' },
      ],
    });
    await uploadImage(page, { name: 'invoice.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>') });
    await expect(page.getByRole('alert').filter({ hasText: 'invoice.jpg: 仅支持 JPEG、PNG 或 WebP 图片' })).toBeVisible();
    await expect(page.getByTestId('work-images')).toHaveCount(0);
    await uploadImage(page, { name: 'bowl.png', mimeType: 'image/png', buffer: png });
    await expect(page.getByText('已上传 1 张图片')).toBeVisible();
    await expect(page.getByTestId('work-images').getByRole('img')).toHaveCount(1);

    await uploadWork(page, { title: '青花山水梅瓶', year: '2026', technique: '拉坯（琢器）', credits: [{ step: '青花（分水/混水）', name: '赵画师' }] });
    await uploadImage(page, { name: 'vase.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await expect(page.getByText('已上传 1 张图片')).toBeVisible();
    await expect(page.getByTestId('work-images').getByRole('img')).toHaveCount(1);

    await page.goto('/portfolio');
    await expect(page.getByTestId('work-card')).toHaveCount(2);

    // ── 4. ICH evidence (a photo of the certificate) ─────────────────────────────────────────────────────────
    await page.goto('/profile');
    const ich = page.getByTestId('claim').filter({ hasText: '非遗传承人: 市级' });
    await expect(ich).toContainText('已申报');
    await waitForHydration(page, 'button[aria-label="上传证明: 非遗传承人: 市级"]');
    await ich.getByRole('button', { name: '上传证明: 非遗传承人: 市级' }).click();
    const evidenceForm = page.getByRole('form', { name: '上传证明: 非遗传承人: 市级' });
    await evidenceForm.getByLabel('证书或证明照片').setInputFiles({ name: 'certificate.jpg', mimeType: 'image/jpeg', buffer: jpeg });
    await evidenceForm.getByLabel('补充说明（选填）').fill('市级非遗代表性传承人证书');
    await evidenceForm.getByRole('button', { name: '提交', exact: true }).click();
    await expect(ich).toContainText('审核中');
    await expect(page.getByTestId('evidence-history')).toContainText('审核中');

    // The showcase address, from the API with this page's session cookie. The API masks too.
    const meRes = await page.request.get('/api/v1/me/profile');
    expect(meRes.status()).toBe(200);
    const me = (await meRes.json()) as { showcase_enabled: boolean; showcase_slug: string | null; phone: string; id_number: string; zone: string | null };
    expect(me).toMatchObject({ showcase_enabled: true, zone: 'jkq' });
    expect(me.showcase_slug).toMatch(/^[a-z0-9_-]{4,40}$/);
    expect(me.phone).not.toContain(p.phone);
    expect(me.id_number).not.toContain(p.idNumber);
    const slug = me.showcase_slug!;

    // ── 5. Zone staff of 经开区: directory, verification, export ────────────────────────────────────────────────
    await page.context().clearCookies();
    await login(page, ACCOUNTS.zone_staff.email);

    await page.goto('/staff/talents');
    await page.getByLabel('姓名或艺名').fill(p.legalName);
    await page.getByRole('button', { name: '筛选', exact: true }).click();
    await expect(page).toHaveURL(/[?&]q=/);
    await expect(page.getByTestId('talent-count')).toHaveText('共 1 人');
    await expect(page.getByRole('link', { name: new RegExp(p.legalName) })).toBeVisible();
    await expect(page.getByText('待核验 1').first()).toBeAttached();
    // Masked phone in the list, never the full number.
    await expect(page.getByText(`${p.phone.slice(0, 3)}****${p.phone.slice(-4)}`).first()).toBeAttached();
    expect(await page.content()).not.toContain(p.phone);

    await page.goto('/staff/verification');
    const item = page.getByTestId('evidence-queue').locator(':scope > li').filter({ hasText: p.legalName });
    await expect(item).toContainText('非遗传承人');
    await expect(item).toContainText('景德镇手工制瓷技艺');
    await waitForHydration(page, '[data-testid="verify"]');
    await item.getByTestId('verify').click();
    await expect(item).toHaveCount(0);
    // The item left the queue; the confirmation stays (issue 13 §5).
    await expect(page.getByTestId('toast').filter({ hasText: '已核验通过' })).toBeVisible();
    await page.goto('/staff/verification?status=verified');
    await expect(page.getByTestId('evidence-queue').locator(':scope > li').filter({ hasText: p.legalName })).toContainText('已核验');

    // Export of the whole zone (no filter): CSV, UTF-8 with BOM, masked phones only.
    await page.goto('/staff/talents');
    const exportForm = page.getByTestId('export-form');
    await expect(exportForm.getByLabel('CSV（Excel 可直接打开）')).toBeChecked();
    await exportForm.getByLabel('导出用途').fill('端到端测试：人才名录导出');
    const downloading = page.waitForEvent('download');
    await exportForm.getByRole('button', { name: '导出', exact: true }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/\.csv$/);
    const bytes = await fs.readFile(await download.path());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8');
    expect(csv).toContain(p.legalName);
    expect(csv).toContain(ACCOUNTS.talent.name); // 陈思远 lives in 经开区 too
    expect(csv).not.toMatch(/(?<!\d)1[3-9]\d{9}(?!\d)/);
    expect(csv).not.toContain(p.idNumber);
    const row = csv.split('\r\n').find((l) => l.startsWith(`${p.legalName},`));
    expect(row).toContain(`${p.phone.slice(0, 3)}****${p.phone.slice(-4)}`);

    // ── 6. The public showcase, signed out ───────────────────────────────────────────────────────────────────
    await page.context().clearCookies();
    await page.goto(`/showcases/${slug}`);
    await expect(page.getByTestId('showcase-name')).toHaveText(p.artistName);
    await expect(page.getByText(p.legalName, { exact: true })).toBeVisible();
    const verified = page.getByTestId('verified-honours');
    await expect(verified).toContainText('非遗传承人: 市级');
    await expect(verified).toContainText('✓ 证书已核验');
    await expect(page.getByTestId('showcase-works').locator(':scope > li')).toHaveCount(2);
    await expect(page.getByTestId('showcase-works').getByRole('img').first()).toBeVisible();
    await expect(page.getByTestId('contact')).toBeVisible();
    // Nothing sensitive anywhere in the document, including the serialized React payload.
    const html = await page.content();
    for (const secret of [p.phone, p.phone.slice(-8), `${p.phone.slice(0, 3)}****${p.phone.slice(-4)}`, p.idNumber, `${p.idNumber.slice(0, 4)}**`, p.birth, p.birth.replace(/-/g, ''), p.birthZh]) {
      expect(html, `showcase page must not contain ${secret}`).not.toContain(secret);
    }
    const api = await page.request.get(`/api/v1/showcases/${slug}`);
    expect(api.status()).toBe(200);
    const json = await api.text();
    for (const secret of [p.phone, p.idNumber, p.birth, '"phone"', '"id_number"', '"birth_date"']) expect(json).not.toContain(secret);

    // ── 7. The page above is the cached copy anonymous visitors get (ADR 019): switching the showcase off hides it at once.
    const signIn = await page.request.post('/api/v1/auth/login', { data: { login: p.phone, password: p.password } });
    expect(signIn.status()).toBe(200);
    const bearerToken = ((await signIn.json()) as { token: string }).token;
    const off = await page.request.patch('/api/v1/me/profile', { headers: { authorization: `Bearer ${bearerToken}` }, data: { showcase_enabled: false } });
    expect(off.status(), await off.text()).toBe(200);
    consoleGuard.allow(httpStatusLine(404));
    expect((await page.goto(`/showcases/${slug}`))?.status()).toBe(404);
    await expect(page.getByTestId('showcase-name')).toHaveCount(0);
  });

  test('a talent gets 403 on the staff directory', async ({ page, consoleGuard }) => {
    consoleGuard.allow(httpStatusLine(403));
    await loginAs(page, 'talent');
    const res = await page.goto('/staff/talents');
    expect(res?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1, name: '无权访问' })).toBeVisible();
    await expect(page.getByTestId('talent-count')).toHaveCount(0);
    const api = await page.request.get('/api/v1/talents');
    expect(api.status()).toBe(403);
  });
});
