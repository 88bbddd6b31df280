import fs from 'node:fs';
import path from 'node:path';
import { ACCOUNTS, DEMO_PASSWORD, expect, httpStatusLine, login, loginAs, test, uniqueSuffix, waitForHydration } from './fixtures';

/**
 * Staff policy journeys: build a policy with the structured builder, see a validation error with its path, preview
 * (golden case passes), save, publish with a change note and read the push report, see who qualifies and export the
 * list, then confirm (二次确认) one 免申即享 grant and reject another with a reason. Both projects share one database,
 * so each run makes its own policy code (JP-9xx: desktop 900–949, mobile 950–999).
 */

function policyCode(projectName: string, isMobile: boolean): string {
  const suffix = uniqueSuffix(projectName);
  let h = 0;
  for (const ch of suffix) h = (h * 31 + ch.charCodeAt(0)) % 1_000_003;
  return `JP-${900 + (isMobile ? 50 : 0) + (h % 50)}`;
}

test.describe('staff policy management', () => {
  test('a talent opening /staff/policies gets the 403 page', async ({ page, consoleGuard }) => {
    consoleGuard.allow(httpStatusLine(403));
    await loginAs(page, 'talent');
    const response = await page.goto('/staff/policies');
    expect(response?.status()).toBe(403);
    await expect(page.getByRole('heading', { level: 1, name: '无权访问' })).toBeVisible();
    await expect(page.getByTestId('policy-list')).toHaveCount(0);
  });

  test('staff build, preview, save, publish, see matches, export, and decide the 免申即享 grants', async ({ page, browser, isMobile }, testInfo) => {
    test.setTimeout(180_000);
    const code = policyCode(testInfo.project.name, isMobile);
    const title = `陶瓷青年一次性补贴 ${code}`;

    await login(page, ACCOUNTS.zone_staff.email);
    await page.goto('/staff/policies');
    await expect(page.getByRole('heading', { level: 1, name: '政策管理' })).toBeVisible();
    await expect(page.getByTestId('policy-list')).toContainText('JP-001');
    await page.getByTestId('new-policy').click();
    await expect(page).toHaveURL(/\/staff\/policies\/new$/);
    await waitForHydration(page, '[data-testid="node-criteria"]');

    // Metadata
    await page.getByLabel('政策编号', { exact: true }).fill(code);
    await page.getByLabel('政策名称（中文）', { exact: true }).fill(title);
    await page.getByLabel('发布单位', { exact: true }).fill('景德镇市人社局（演示）');

    // Criteria: sector in [陶瓷, 艺术] and age ≤ 35 (the age is left empty first).
    const first = page.getByTestId('node-criteria.children[0]');
    await first.getByLabel('字段', { exact: true }).selectOption('sector');
    await first.getByLabel('比较方式', { exact: true }).selectOption('in');
    await first.getByRole('checkbox', { name: '陶瓷' }).check();
    await first.getByRole('checkbox', { name: '艺术' }).check();
    await page.getByTestId('node-criteria').getByRole('button', { name: '＋ 条件', exact: true }).click();
    const second = page.getByTestId('node-criteria.children[1]');
    await expect(second.getByLabel('字段', { exact: true })).toHaveValue('age');
    await expect(second.getByLabel('比较方式', { exact: true })).toHaveValue('lte');
    // Only the ops of a number field are offered (no "contains", no "within months").
    await expect(second.getByLabel('比较方式', { exact: true }).locator('option[value="contains_any"]')).toHaveCount(0);

    // Benefit and application: 1000 once, 免申即享.
    await page.getByLabel('金额（元）', { exact: true }).fill('1000');
    await page.getByLabel('待遇说明（中文）', { exact: true }).fill('一次性补贴 1000 元');
    await page.getByLabel('办理方式', { exact: true }).selectOption('免申即享');

    // One golden case: the built-in XIAOLIN (born 2001, ceramics) is ELIGIBLE.
    await page.getByRole('button', { name: '＋ 添加测试用例' }).click();
    const golden = page.getByTestId('golden-0');
    await golden.getByLabel('用例名称', { exact: true }).fill('小林：陶瓷、25 岁，符合');
    await golden.getByLabel('内置示例人物', { exact: true }).selectOption('XIAOLIN');
    await golden.getByLabel('预期结果', { exact: true }).selectOption('ELIGIBLE');

    // Saving with the age value missing: the error is listed with its path and shown at the node.
    await page.getByRole('button', { name: '保存草稿' }).click();
    const issues = page.getByTestId('builder-issues');
    await expect(issues).toContainText('criteria.children[1].value');
    await expect(issues).toContainText('申请条件 › 第 2 项 › 取值');
    await expect(second).toContainText('请填写有效的数字');
    await expect(page).toHaveURL(/\/staff\/policies\/new$/);
    await page.screenshot({ path: testInfo.outputPath('builder-error.png') });

    await second.getByLabel('数值', { exact: true }).fill('35');

    // Preview: valid, the golden case passes, sample talents are counted.
    await page.getByRole('button', { name: '预览', exact: true }).click();
    const preview = page.getByTestId('preview-result');
    await expect(preview).toContainText('条件设置有效');
    await expect(preview).toContainText('测试用例：通过 1 / 1');
    await expect(page.getByTestId('golden-table')).toContainText('通过');
    await expect(issues).toHaveCount(0);
    await page.locator('#pb-section-criteria').screenshot({ path: testInfo.outputPath('builder-criteria.png') });
    await preview.screenshot({ path: testInfo.outputPath('builder-preview.png') });

    // Save the draft → the policy page.
    await page.getByRole('button', { name: '保存草稿' }).click();
    await expect(page).toHaveURL(new RegExp(`/staff/policies/${code}\\?saved=1\\.0\\.0$`));
    await expect(page.getByText('草稿 v1.0.0 已保存')).toBeVisible();
    await expect(page.getByTestId('version-1.0.0')).toContainText('草稿');

    // An anonymous visitor's catalogue is a cached copy (ADR 019): warm it before publishing; publishing must renew it.
    const visitor = await browser.newContext({ baseURL: testInfo.project.use.baseURL, locale: 'zh-CN' });
    const anon = await visitor.newPage();
    const cached = await anon.goto('/policies');
    expect(cached?.headers()['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
    await expect(anon.getByTestId('policy-card').first()).toBeVisible();
    await expect(anon.getByTestId('policy-grid')).not.toContainText(title);

    // Publish with a change note → the push report.
    await waitForHydration(page, '[data-testid="publish-1.0.0"]');
    await page.getByTestId('publish-1.0.0').click();
    const dialog = page.getByTestId('publish-dialog');
    await expect(dialog).toBeVisible();
    await dialog.getByRole('button', { name: '确认发布' }).click();
    await expect(dialog.getByRole('alert')).toContainText('请填写变更说明');
    await dialog.getByLabel('变更说明（必填）').fill('首次发布：陶瓷、艺术青年一次性补贴');
    await dialog.getByRole('button', { name: '确认发布' }).click();
    await expect(dialog.getByTestId('push-report')).toBeVisible();
    // The push runs in the background (issue 8); the dialog follows it until it is done.
    await expect(dialog.getByTestId('push-run')).toHaveAttribute('data-status', 'done', { timeout: 20_000 });
    await expect(dialog.getByTestId('push-eligible')).not.toHaveText('0');
    await expect(dialog.getByTestId('push-grants')).not.toHaveText('0');
    await dialog.getByRole('button', { name: '完成' }).click();
    await expect(page.getByTestId('version-1.0.0')).toContainText('已发布');
    await expect(page.getByTestId('version-1.0.0')).toContainText('首次发布');

    // The visitor's next look shows the new policy at once, in the list and on its own page.
    await anon.goto('/policies');
    await expect(anon.getByTestId('policy-grid')).toContainText(title);
    await anon.goto(`/policies/${code}`);
    await expect(anon.getByRole('heading', { level: 1 })).toHaveText(title);
    await visitor.close();

    // Reverse match: ELIGIBLE talents of the zone (经开区: 陈思远 and Emma Wright).
    await expect(page.getByTestId('match-count-ELIGIBLE')).not.toHaveText('0');
    await expect(page.getByTestId('match-table')).toContainText('陈思远');
    await expect(page.getByTestId('match-stats')).toContainText('位人才的档案计算');
    await expect(page.getByTestId('match-stats')).not.toContainText(/毫秒|初筛/);
    await page.locator('#matches').screenshot({ path: testInfo.outputPath('matches.png') });

    // CSV export needs a purpose.
    await page.getByRole('button', { name: '导出 CSV' }).click();
    await expect(page.getByText('请填写导出用途（至少 4 个字）')).toBeVisible();
    await page.getByLabel('导出用途（必填）').fill('电话通知符合条件的人才');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 CSV' }).click()]);
    expect(download.suggestedFilename()).toContain(`${code}-ELIGIBLE`);

    // A new version starts as a copy of the published one, with the next number.
    await page.getByRole('link', { name: '以此为基础新建版本' }).click();
    await expect(page.getByRole('heading', { level: 1, name: '新建版本 v1.1.0' })).toBeVisible();
    await expect(page.getByTestId('node-criteria.children[0]').getByLabel('字段', { exact: true })).toHaveValue('sector');
    await expect(page.getByTestId('node-criteria.children[1]').getByLabel('数值', { exact: true })).toHaveValue('35');

    // 政策沙盘 before anything is saved: lowering the age limit to 18 shows, for the zone, who would lose eligibility.
    await waitForHydration(page, '[data-testid="run-impact"]');
    await page.getByTestId('node-criteria.children[1]').getByLabel('数值', { exact: true }).fill('18');
    await page.getByTestId('run-impact').click();
    const impact = page.getByTestId('impact-result');
    await expect(impact).toContainText('现行版本 v1.0.0 → 草稿 v1.1.0');
    await expect(page.getByTestId('impact-before-ELIGIBLE')).not.toHaveText('0');
    await expect(page.getByTestId('impact-lost')).not.toHaveText('0');
    await expect(page.getByTestId('impact-delta-ELIGIBLE')).toContainText('−');
    await expect(page.getByTestId('impact-lost-list')).toContainText('陈思远');
    await expect(page.getByTestId('impact-lost-list').getByRole('link', { name: '陈思远' })).toHaveAttribute('href', /\/staff\/talents\//);
    await expect(page.getByTestId('impact-cost-before')).toContainText('元');
    await impact.screenshot({ path: testInfo.outputPath('impact-preview.png') });

    // The queue shows the 免申即享 grants of this policy; approve one (二次确认), reject the other (reason required).
    await page.goto(`/staff/applications?origin=auto&policy=${code}`);
    const rows = page.locator(`[data-testid="application-row"][data-policy="${code}"]`);
    await expect(rows.first()).toBeVisible();
    await expect(rows.first()).toContainText('免申即享');
    const chen = rows.filter({ hasText: '陈思远' });
    await expect(chen).toHaveCount(1);
    await waitForHydration(page, '[data-testid="approve"]');
    await chen.getByTestId('approve').click();
    const approve = page.getByRole('dialog', { name: '确认通过（二次确认）' });
    // Money reads as in the rest of the portal ("1,000 元"; a loan would read "贷款额度最高 …").
    await expect(approve).toContainText('1,000 元');
    await expect(approve).toContainText('待遇立即生效');
    await approve.screenshot({ path: testInfo.outputPath('approve-dialog.png') });
    await approve.getByRole('button', { name: '确认通过并生效' }).click();
    await expect(chen).toHaveCount(0);
    // The row left the queue; the confirmation stays (issue 13 §5).
    await expect(page.getByTestId('toast').filter({ hasText: /已通过.*陈思远/ })).toBeVisible();

    const other = rows.filter({ hasText: 'Emma Wright' });
    await expect(other).toHaveCount(1);
    await other.getByTestId('reject').click();
    const reject = page.getByRole('dialog', { name: '驳回申请' });
    await reject.getByRole('button', { name: '确认驳回' }).click();
    await expect(reject.getByRole('alert')).toContainText('请填写驳回原因');
    await reject.getByLabel('驳回原因（必填）').fill('艺术类不在本次补贴范围（演示）');
    await reject.getByRole('button', { name: '确认驳回' }).click();
    await expect(other).toHaveCount(0);

    await page.goto(`/staff/applications?status=approved&policy=${code}`);
    await expect(page.locator(`[data-testid="application-row"][data-policy="${code}"]`).filter({ hasText: '陈思远' })).toContainText('已通过');
    await page.goto(`/staff/applications?status=rejected&policy=${code}`);
    await expect(page.locator(`[data-testid="application-row"][data-policy="${code}"]`).filter({ hasText: 'Emma Wright' })).toContainText('艺术类不在本次补贴范围');
  });

  test('staff open each material file beside the application; another zone cannot', async ({ page, request, consoleGuard }) => {
    test.setTimeout(120_000);
    // 周窑 (经开区, staff@demo.local's zone) applies through the API with a file per material, unless an earlier run did.
    const apiLogin = async (email: string) => {
      const res = await request.post('/api/v1/auth/login', { data: { login: email, password: DEMO_PASSWORD } });
      expect(res.status(), `API login of ${email}`).toBe(200);
      return { authorization: `Bearer ${((await res.json()) as { token: string }).token}` };
    };
    const zhou = await apiLogin('zhou.yao@demo.local');
    type App = { id: string; policyCode: string; status: string; files: { id: string; url: string }[] };
    const mine = ((await (await request.get('/api/v1/me/applications', { headers: zhou })).json()) as { items: App[] }).items;
    let app = mine.find((a) => a.status === 'submitted' && a.files.length > 0);
    if (!app) {
      const matches = (await (await request.get('/api/v1/me/matches', { headers: zhou })).json()) as { results: { policyCode: string; status: string }[] };
      const taken = new Set(mine.filter((a) => a.status === 'submitted' || a.status === 'approved').map((a) => a.policyCode));
      for (const r of matches.results.filter((x) => (x.status === 'ELIGIBLE' || x.status === 'NEEDS_REVIEW') && !taken.has(x.policyCode))) {
        type Version = { status: string; definition: { application?: { mode?: string; materials?: { code: string }[] } } };
        const detail = (await (await request.get(`/api/v1/policies/${r.policyCode}`)).json()) as { versions: Version[] };
        const listed = detail.versions.find((v) => v.status === 'active')?.definition.application;
        if (!listed?.materials?.length || listed.mode === '免申即享') continue;
        const materials: { code: string; uploadId: string }[] = [];
        for (const [i, m] of listed.materials.entries()) {
          const name = i === 0 ? 'material.png' : 'material.pdf';
          const file = { name, mimeType: i === 0 ? 'image/png' : 'application/pdf', buffer: fs.readFileSync(path.resolve('e2e', 'files', name)) };
          const up = await request.post('/api/v1/me/applications/materials', { headers: zhou, multipart: { policyCode: r.policyCode, code: m.code, file } });
          expect(up.status(), await up.text()).toBe(201);
          materials.push({ code: m.code, uploadId: ((await up.json()) as { id: string }).id });
        }
        const res = await request.post('/api/v1/me/applications', { headers: zhou, data: { policyCode: r.policyCode, materials } });
        expect(res.status(), await res.text()).toBe(201);
        app = (await res.json()) as App;
        break;
      }
    }
    expect(app, '周窑 could apply for no policy with materials').toBeTruthy();

    await loginAs(page, 'zone_staff');
    await page.goto(`/staff/applications/${app!.id}`);
    const items = page.getByTestId('application-material');
    await expect(items.first()).toBeVisible();
    await expect(items.filter({ hasText: '未上传文件' })).toHaveCount(0);
    // Labels, not codes: materials by name, criteria as sentences about the applicant; the applicant's profile linked.
    await expect(items.locator('.font-mono')).toHaveCount(0);
    await expect(page.getByTestId('criteria-snapshot')).toContainText('申请人');
    await expect(page.getByTestId('criteria-snapshot')).not.toContainText(/\bc_[a-z0-9_]+|[≤≥]|当前：/);
    await expect(page.getByTestId('applicant-profile')).toHaveAttribute('href', /^\/staff\/talents\/[0-9a-f-]{36}$/);
    await expect(page.getByTestId('talent-number')).toHaveText(/^JP\d{4}-[0-9A-F]{8}$/);
    // A photo (re-encoded to WebP) opens in a new tab beside the application; PDFs download.
    const photo = items.filter({ hasText: /\.(webp|jpg)\b/ }).first();
    if (await photo.count()) {
      const [popup] = await Promise.all([page.waitForEvent('popup'), photo.getByRole('link', { name: '打开' }).click()]);
      await expect(popup).toHaveURL(new RegExp(`/api/v1/applications/${app!.id}/materials/`));
      await popup.close();
    }
    // Every listed file answers for the staff member (PDFs as downloads).
    for (const href of await items.getByRole('link', { name: '打开' }).evaluateAll((as) => as.map((a) => a.getAttribute('href')!))) {
      const res = await page.request.get(href);
      expect(res.status()).toBe(200);
      expect(res.headers()['x-content-type-options']).toBe('nosniff');
    }

    // Staff of another zone (珠山区) are refused the file.
    consoleGuard.allow(httpStatusLine(403));
    const other = await apiLogin('staff2@demo.local');
    expect((await request.get(app!.files[0]!.url, { headers: other })).status()).toBe(403);
  });
});
