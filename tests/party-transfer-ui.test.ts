import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CaseNotice, OverdueBadge, StepTracker, Timeline } from '@/components/party/transfer-case-parts';
import { translator } from '@/lib/i18n';
import type { TransferDto } from '@/lib/party/transfer-schemas';

/**
 * The transfer pages' shared parts, rendered on the server as the pages do (no browser): the step tracker places the
 * case where it is held, returns explain themselves in words, an overdue step says 已超时 with its deadline.
 */
const t = translator('zh-CN');
/** The text of the step marked aria-current="step". */
const currentStep = (out: string) => (/<li aria-current="step"[^>]*>(.*?)<\/li>/.exec(out)?.[1] ?? '').replace(/<[^>]+>/g, ' ');
const html = (el: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(el).replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

function dto(over: Partial<TransferDto>): TransferDto {
  return {
    id: '00000000-0000-4000-8000-000000000001',
    state: 'BRANCH_REVIEW',
    recordedState: 'BRANCH_REVIEW',
    stateName: '待转出支部审核',
    memberId: '00000000-0000-4000-8000-000000000002',
    memberName: '林青瓷',
    category: 'in_district',
    channel: 'PAPER',
    reason: '工作调动',
    fromOrgId: '00000000-0000-4000-8000-000000000003',
    fromOrgName: '景漂陶瓷流动党员党支部',
    fromOrgText: null,
    toOrgId: '00000000-0000-4000-8000-000000000004',
    toOrgName: '竞成社区党支部',
    toOrgText: null,
    toBranchId: null,
    currentHandlerOrgId: '00000000-0000-4000-8000-000000000003',
    currentHandlerOrgName: '景漂陶瓷流动党员党支部',
    issuingHops: [],
    letterNo: null,
    issuedAt: null,
    validityDays: null,
    expiresAt: null,
    openedAt: null,
    stepDeadline: '2026-12-10T16:00:00.000Z',
    overdue: false,
    duesPaidThrough: null,
    returnReasonCode: null,
    returnReasonText: null,
    holdReason: null,
    voidedReason: null,
    nationalFlowNo: null,
    incoming: false,
    predecessorId: null,
    successorId: null,
    verifyCode: null,
    completedAt: null,
    receiptAt: null,
    createdAt: '2026-12-03T01:00:00.000Z',
    updatedAt: '2026-12-03T02:00:00.000Z',
    myRoles: ['member'],
    availableActions: ['withdraw'],
    events: [
      { seq: 1, action: 'create', fromState: null, toState: 'DRAFT', actorRole: 'member', actorOrgId: null, actorOrgName: null, comment: '工作调动', at: '2026-12-03T01:00:00.000Z' },
      { seq: 2, action: 'submit', fromState: 'DRAFT', toState: 'BRANCH_REVIEW', actorRole: 'member', actorOrgId: null, actorOrgName: null, comment: null, at: '2026-12-03T02:00:00.000Z' },
    ],
    ...over,
  };
}

describe('transfer case parts', () => {
  it('the tracker marks the current step with its handler and deadline (the deadline day, not the midnight after it)', () => {
    const out = renderToStaticMarkup(createElement(StepTracker, { c: dto({}), t, locale: 'zh-CN' }));
    expect(currentStep(out)).toContain('待转出支部审核');
    expect(html(createElement(StepTracker, { c: dto({}), t, locale: 'zh-CN' }))).toContain('当前办理：景漂陶瓷流动党员党支部');
    expect(html(createElement(StepTracker, { c: dto({}), t, locale: 'zh-CN' }))).toContain('办理期限：2026年12月10日');
    // No 组织部 hop unless the case went there.
    expect(out).not.toContain('待组织部审批/换信');
  });

  it('an overdue step says 已超时 with the deadline', () => {
    const c = dto({ overdue: true });
    expect(html(createElement(OverdueBadge, { deadline: c.stepDeadline, t, locale: 'zh-CN' }))).toContain('已超时 · 期限 2026年12月10日');
    expect(html(createElement(StepTracker, { c, t, locale: 'zh-CN' }))).toContain('已超时：办理期限为 2026年12月10日');
  });

  it('a receiver’s return gives the coded reason in words and the comment; the case sits with the issuer', () => {
    const c = dto({ state: 'RETURNED_BY_RECEIVER', recordedState: 'RETURNED_BY_RECEIVER', returnReasonCode: 'FILE_DEFECT', returnReasonText: '缺少入党志愿书复印件', currentHandlerOrgName: '珠山区两新组织党委' });
    const notice = html(createElement(CaseNotice, { c, t, locale: 'zh-CN' }));
    expect(notice).toContain('被退回：档案材料不全或存疑');
    expect(notice).toContain('缺少入党志愿书复印件');
    expect(currentStep(renderToStaticMarkup(createElement(StepTracker, { c, t, locale: 'zh-CN' })))).toContain('待转出基层党委审批');
  });

  it('a return for changes puts the case back with the applicant', () => {
    const c = dto({ state: 'RETURNED_FOR_EDIT', returnReasonText: '请补充去向单位', currentHandlerOrgId: null, currentHandlerOrgName: null });
    expect(html(createElement(CaseNotice, { c, t, locale: 'zh-CN' }))).toContain('申请被退回 请补充去向单位');
    expect(html(createElement(StepTracker, { c, t, locale: 'zh-CN' }))).toContain('已退回申请人');
  });

  it('the timeline lists events newest first with action, from → to, actor kind', () => {
    const out = html(createElement(Timeline, { c: dto({}), t, locale: 'zh-CN' }));
    expect(out.indexOf('#2')).toBeLessThan(out.indexOf('#1'));
    expect(out).toContain('草稿 → 待转出支部审核');
    expect(out).toContain('党员本人');
  });
});
