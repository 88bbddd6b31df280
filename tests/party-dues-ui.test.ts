import { createElement as h } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { DuesExplain, DuesLedgerList, DuesSummary } from '@/components/party/dues-ledger-view';
import { translator } from '@/lib/i18n';
import type { MemberDuesDto } from '@/lib/party/dues-schemas';

/** 我的党费 and the secretary's dues panel, rendered on the server as the pages do: the bracket in words, what is owed, "在 X 交纳". */
const html = (el: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(el).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

const dues: MemberDuesDto = {
  memberId: 'm',
  memberName: '周窑',
  joinDate: '2001-07-01',
  currentMonth: '2026-12',
  amountsVisible: true,
  baseType: 'wage',
  quote: { baseType: 'wage', base: '8000.00', rate: '0.015', bracket: 2, computedAmount: '120.00', monthlyAmount: '120.00', reduced: false },
  monthlyAmount: '120.00',
  reductionRef: null,
  paidThrough: '2026-10',
  owedMonths: ['2026-11', '2026-12'],
  owedAmount: '240.00',
  beyondBackpay: [],
  payableMonths: ['2026-11', '2026-12'],
  months: [
    { month: '2026-12', status: 'unpaid', amount: null, collectingOrgId: null, collectingOrgName: null, atMyOrg: false, backpay: false, channel: null, receiptNo: null, paidAt: null },
    { month: '2026-10', status: 'paid', amount: '120.00', collectingOrgId: 'h', collectingOrgName: '杭州转塘街道党工委', atMyOrg: false, backpay: false, channel: 'bank', receiptNo: null, paidAt: '2026-10-10T02:00:00Z' },
    { month: '2026-09', status: 'paid', amount: null, collectingOrgId: 'h', collectingOrgName: '杭州转塘街道党工委', atMyOrg: false, backpay: true, channel: null, receiptNo: null, paidAt: '2026-10-10T02:00:00Z' },
  ],
  collectingOrgs: [],
};

describe('dues views', () => {
  it('explains the bracket and the arithmetic (zh-CN and English)', () => {
    expect(html(h(DuesExplain, { q: dues.quote!, t: translator('zh-CN') }))).toContain('5000 元以上至 10000 元（含）按 1.5% 交纳：8000.00 × 1.5% = 120.00 元');
    expect(html(h(DuesExplain, { q: dues.quote!, t: translator('en') }))).toContain('8000.00 × 1.5% = 120.00 yuan');
    const reduced = { ...dues.quote!, reduced: true, monthlyAmount: '10.00' };
    expect(html(h(DuesExplain, { q: reduced, reductionRef: '珠两新党字〔2026〕3号', t: translator('zh-CN') }))).toContain('经批准减免，每月交纳 10.00 元（原应交 120.00 元）');
  });
  it('shows what is owed and the paid-through month', () => {
    const out = html(h(DuesSummary, { d: dues, t: translator('zh-CN') }));
    expect(out).toContain('¥120.00');
    expect(out).toContain('2026-10');
    expect(out).toContain('欠交 2 个月：2026-11、2026-12');
    expect(out).toContain('合计 240.00 元');
    expect(html(h(DuesSummary, { d: { ...dues, owedMonths: [], owedAmount: '0.00' }, t: translator('zh-CN') }))).toContain('已按月交清');
  });
  it('lists months with where they were paid, hiding amounts the reader may not see', () => {
    const out = html(h(DuesLedgerList, { d: dues, t: translator('zh-CN') }));
    expect(out).toContain('2026-12 未交');
    expect(out).toContain('在 杭州转塘街道党工委 交纳 120.00 元');
    expect(out).toContain('补交 在 杭州转塘街道党工委 交纳 金额仅交纳组织可见');
    expect(html(h(DuesLedgerList, { d: { ...dues, months: [] }, t: translator('zh-CN') }))).toContain('近期没有交纳记录');
  });
});
