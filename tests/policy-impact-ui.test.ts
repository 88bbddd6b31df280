import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '@/components/i18n/provider';
import { ImpactView } from '@/components/policy-staff/impact-panel';
import type { ImpactResponse } from '@/lib/policies/impact';
import { STATUSES, type Status } from '@/lib/policy-matching/model';

vi.mock('next/navigation', () => ({ useRouter: () => ({ push: () => {} }) }));

/** The 政策沙盘 panel as staff see it: counts and deltas, changes, people with links, costs kept apart by kind (zh and en). */
const counts = (o: Partial<Record<Status, number>>) => Object.fromEntries(STATUSES.map((s) => [s, o[s] ?? 0])) as Record<Status, number>;
const base: ImpactResponse = {
  policyCode: 'JP-901',
  evalDate: '2026-12-04',
  zone: 'jkq',
  inForceVersion: '1.0.0',
  draftVersion: '1.1.0',
  isNew: false,
  total: 5,
  before: counts({ ELIGIBLE: 3, INELIGIBLE: 2 }),
  after: counts({ ELIGIBLE: 2, NEEDS_INFO: 1, INELIGIBLE: 2 }),
  delta: counts({ ELIGIBLE: -1, NEEDS_INFO: 1 }),
  transitions: [
    { from: 'ELIGIBLE', to: 'ELIGIBLE', count: 2 },
    { from: 'ELIGIBLE', to: 'NEEDS_INFO', count: 1 },
    { from: 'INELIGIBLE', to: 'INELIGIBLE', count: 2 },
  ],
  gained: 0,
  lost: 1,
  changed: 1,
  samples: { gained: [], lost: [{ talentId: 't-1', name: '陈思远', from: 'ELIGIBLE', to: 'NEEDS_INFO', amountBefore: 1000, amountAfter: null }] },
  cost: { before: { kind: 'money', eligible: 3, withAmount: 3, unknownAmount: 0, total: 3000 }, after: { kind: 'finance', eligible: 2, withAmount: 1, unknownAmount: 1, total: 300000 }, delta: 300000 },
  stats: { scanned: 5, evaluated: 3, ms: 1, queryMs: 1, evalMs: 1, prefilter: true, filtered: true, fromSnapshot: 0 },
};
const render = (locale: 'zh-CN' | 'en', data: ImpactResponse, demoData = false) =>
  renderToStaticMarkup(h(I18nProvider, { locale, children: h(ImpactView, { data, demoData }) }));
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('ImpactView', () => {
  it('shows versions, counts with signed deltas, the change, the person with a link, and costs by kind (zh-CN)', () => {
    const html = render('zh-CN', base, true);
    const s = text(html);
    expect(s).toContain('现行版本 v1.0.0 → 草稿 v1.1.0');
    expect(s).toMatch(/符合条件 3 2 −1/);
    expect(s).toContain('符合条件 → 需补充信息');
    expect(html).toContain('href="/staff/talents/t-1"');
    expect(s).toContain('3,000 元（3 人有金额估算）');
    expect(s).toContain('贷款 / 贴息额度合计 300,000 元');
    expect(s).toContain('这是额度上限，不是发放的资金');
    expect(s).toContain('另有 1 人金额无法估算');
    expect(s).toContain('待遇类型改变，支出不可直接相减');
    expect(s).toContain('演示数据');
    expect(s).not.toMatch(/§|毫秒/);
  });

  it('a new policy, nobody in the zone, and English', () => {
    expect(text(render('zh-CN', { ...base, isNew: true, inForceVersion: null }))).toContain('目前没有生效版本（新政策）');
    expect(text(render('zh-CN', { ...base, total: 0 }))).toContain('本园区还没有人才档案');
    const en = text(render('en', { ...base, cost: { ...base.cost, after: { ...base.cost.before, total: 2000, eligible: 2, withAmount: 2 }, delta: -1000 } }));
    expect(en).toContain('In force v1.0.0 → draft v1.1.0');
    expect(en).toContain('Change in cost: −CNY 1,000');
    expect(en).toContain('Talents who lose eligibility');
  });
});
