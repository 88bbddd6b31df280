import type { Widen } from '../widen';

/** 政策沙盘 (impact preview) in the staff policy editor. */
const policyImpactZh = {
  policyImpact: {
    title: '政策沙盘',
    intro: '发布前看看影响：按本园区全部人才，比较草稿与现行版本下的匹配结果——谁新增符合条件、谁不再符合，以及预计支出。不会保存任何内容。',
    run: '政策沙盘',
    running: '正在计算…',
    rerun: '按当前草稿重新计算',
    versions: '现行版本 v{inForce} → 草稿 v{draft}',
    versionsNew: '目前没有生效版本（新政策）：草稿 v{draft} 下的所有结果都是新增',
    basis: '评估日期 {date}（草稿视为当天已生效），本园区 {total} 名人才',
    gained: '新增符合条件',
    lost: '不再符合条件',
    changed: '结果有变化',
    countsTitle: '各状态人数',
    countsCaption: '各状态人数：现行版本与草稿对比',
    colStatus: '状态',
    colBefore: '现行版本',
    colAfter: '草稿',
    colDelta: '变化',
    seriesBefore: '现行版本',
    seriesAfter: '草稿',
    transitionsTitle: '状态变化',
    transitionsNone: '草稿不会改变任何人的结果。',
    transition: '{from} → {to}',
    transitionCount: '{n} 人',
    gainedTitle: '新增符合条件的人才',
    lostTitle: '不再符合条件的人才',
    listNone: '无',
    listMore: '仅列出前 {shown} 人，共 {n} 人',
    costTitle: '预计支出',
    costMoney: '{amount}（{n} 人有金额估算）',
    costUnknown: '另有 {n} 人金额无法估算',
    costFinance: '贷款 / 贴息额度合计 {amount}（{n} 人）：这是额度上限，不是发放的资金',
    costNonCash: '非现金待遇，{n} 人符合条件',
    costNone: '没有符合条件的人',
    costDelta: '支出变化：{amount}',
    costDeltaKinds: '待遇类型改变，支出不可直接相减',
    estimateNote: '金额为按档案估算的参考值，以审核结果为准。',
    demoNote: '本政策为演示数据，金额与人数仅用于演示。',
    error: '政策沙盘暂时无法计算，请检查草稿后重试。',
    empty: '本园区还没有人才档案，暂无可比较的人数。',
  },
} as const;

export type PolicyImpactMessages = Widen<typeof policyImpactZh>;
export default policyImpactZh;
