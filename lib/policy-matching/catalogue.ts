import {
  CHANGELOG_SEED,
  CORE_EXCLUSION_GROUPS,
  CORE_POLICIES,
  FOUNDING,
  REGION,
  REVIEW,
  SECTORS_CORE,
  app,
  gc,
  worksInJdz,
} from './core-policies';
import { AJIE, LIHUA, XIAOLIN, XIAOMEI, ZHAO } from './golden-profiles';
import { allOf, anyOf, gate, leaf, manual, type ExclusionGroup, type Policy, type PolicyVersion } from './model';

/**
 * The seed catalogue of domain-talent-policy.md §6.4 as data: the 21 core policies of ./core-policies.ts (criteria
 * exactly as §6.5) plus the other 27 rows, whose criteria follow the §6.4 summaries using only the §6.2 fields.
 *
 * Where §6.2 has no field for a condition (a child of school age, admission to an incubator, a micro firm, no wage
 * arrears, a new skill certificate, a residency length, a jury…), the rule uses a manual leaf (→ NEEDS_REVIEW once
 * everything else passes) with a label saying what staff check, instead of inventing profile fields.
 *
 * DEMO DATA: provenance ≠ 'published' means a placeholder, not verified Jingdezhen policy (§6.4). Versions start on
 * 2023-01-01 (placeholder) unless stated.
 */

const ON = '2026-06-01';
const FROM = '2023-01-01';
const v1 = (criteria: PolicyVersion['criteria'], benefit: PolicyVersion['benefit'], extra: Partial<PolicyVersion>): PolicyVersion => ({
  version: '1.0.0',
  effective_from: FROM,
  status: 'active',
  criteria,
  benefit,
  changelog: CHANGELOG_SEED,
  review: REVIEW,
  ...extra,
});
const TIERS_BD = ['B', 'C', 'D'];
/** A business registered in Jingdezhen means founding one: not remediable (core-policies.ts FOUNDING). */
const FOUNDED_IN_JDZ = { ...FOUNDING, evidence: 'business_licence' } as const;
const ACHIEVEMENT_LEVELS = ['provincial', 'national', 'international'];

// --- housing / living (tier benefits) --------------------------------------------------------------------------

export const JP_022: Policy = {
  code: 'JP-022',
  title_zh: '人才购房补贴',
  title_en: 'Home purchase subsidy for certified talent',
  category: 'housing',
  provenance: 'modelled',
  issuer: '景德镇市委人才办、市住建局',
  level: 'municipal',
  region_scope: [REGION.JDZ],
  tags: ['购房补贴', '人才安居', 'goufang butie', 'anju'],
  sources: [{ title: '杭州 高层次人才购房补贴 200万/150万/100万/20万 (template)' }],
  summary_zh: 'B–E 类人才在认定后三年内在景购买首套房并承诺服务 5 年，可获 5 万至 60 万元购房补贴，分三期发放。',
  summary_en: 'Tier B–E talent who buy a first home in Jingdezhen within 3 years of certification and commit to 5 years get CNY 50k–600k, paid in three instalments.',
  versions: [
    v1(
      allOf(
        leaf('tier', 'in', ['B', 'C', 'D', 'E'], { id: 'c_tier' }),
        leaf('commitment_years', 'gte', 5, { id: 'c_commit5', evidence: 'commitment_letter' }),
        // No §6.2 field records a home purchase or the certification date.
        manual('c_first_home', { label_zh: '认定后三年内在景购买首套住房（核验购房合同与不动产登记）', label_en: 'first home in Jingdezhen bought within 3 years of certification (deed check)', evidence: 'home_purchase_contract' }),
      ),
      {
        kind: 'cash_once',
        amount_table: [
          { when: leaf('tier', 'eq', 'B'), amount: 600_000 },
          { when: leaf('tier', 'eq', 'C'), amount: 300_000 },
          { when: leaf('tier', 'eq', 'D'), amount: 150_000 },
          { when: leaf('tier', 'eq', 'E'), amount: 50_000 },
        ],
        schedule: [0.4, 0.3, 0.3],
        text_zh: 'B 类 60 万 / C 类 30 万 / D 类 15 万 / E 类 5 万元，按 40/30/30 分期拨付',
        text_en: 'CNY 600k / 300k / 150k / 50k (tier B / C / D / E), paid 40/30/30',
      },
      {
        application: app('申请', ['id_card', 'talent_certificate', 'home_purchase_contract', 'commitment_letter', 'bank_card'], { office: '景德镇市委人才办', processing_days: 30, payout_days: 60, manual_confirmation: true }),
        test_cases: [
          gc('C 类人才承诺 5 年，待核验购房', 'ZHAO', ON, 'NEEDS_REVIEW', 300_000),
          gc('E 类人才未填服务承诺', 'LIHUA', ON, 'NEEDS_INFO', 50_000),
          gc('E 类人才承诺 5 年', { ...LIHUA, commitment_years: 5 }, ON, 'NEEDS_REVIEW', 50_000),
          gc('无人才层次', { ...XIAOLIN, commitment_years: 5 }, ON, 'INELIGIBLE'),
        ],
      },
    ),
  ],
};

export const JP_023: Policy = {
  code: 'JP-023',
  title_zh: '高层次人才生活津贴',
  title_en: 'Living allowance for high-level talent',
  category: 'living',
  provenance: 'modelled',
  issuer: '景德镇市委人才办',
  level: 'municipal',
  region_scope: [REGION.JDZ],
  tags: ['生活津贴', '高层次人才', 'shenghuo jintie'],
  sources: [{ title: '高层次人才生活津贴（模拟规则）' }],
  summary_zh: '在景工作的 B–D 类人才每月领取 1,000–3,000 元生活津贴，最长 3 年，认定后自动发放。',
  summary_en: 'Tier B–D talent working in Jingdezhen receive CNY 1,000–3,000 a month for up to 3 years, paid automatically once certified.',
  versions: [
    v1(
      allOf(leaf('tier', 'in', TIERS_BD, { id: 'c_tier' }), worksInJdz()),
      {
        kind: 'cash_periodic',
        period: 'month',
        duration_months: 36,
        amount_table: [
          { when: leaf('tier', 'eq', 'B'), amount: 3000 },
          { when: leaf('tier', 'eq', 'C'), amount: 2000 },
          { when: leaf('tier', 'eq', 'D'), amount: 1000 },
        ],
        text_zh: 'B 类 3,000 / C 类 2,000 / D 类 1,000 元每月，最长 36 个月',
        text_en: 'CNY 3,000 / 2,000 / 1,000 a month (tier B / C / D), up to 36 months',
      },
      {
        application: app('免申即享', ['talent_certificate', 'jdz_work_proof', 'bank_card'], { payout_days: 30, manual_confirmation: true }),
        test_cases: [
          gc('C 类人才在景开公司', 'ZHAO', ON, 'ELIGIBLE', 2000),
          gc('B 类人才', 'MASTER_WANG', ON, 'ELIGIBLE', 3000),
          gc('E 类不在范围', 'LIHUA', ON, 'INELIGIBLE'),
          gc('信息不足', 'SPARSE', ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

export const JP_024: Policy = {
  code: 'JP-024',
  title_zh: '子女入学统筹',
  title_en: 'School placement for talents’ children',
  category: 'living',
  provenance: 'analog',
  issuer: '景德镇市教育局',
  level: 'municipal',
  region_scope: [REGION.JDZ],
  tags: ['子女入学', '教育', 'zinv ruxue', 'jiaoyu'],
  sources: [{ title: '高层次人才子女入学统筹安排 (template, 多地通行做法)' }],
  summary_zh: 'B–D 类人才的适龄子女，由教育局统筹安排入学。',
  summary_en: 'The school-age children of tier B–D talent get a coordinated school placement.',
  versions: [
    v1(
      allOf(
        leaf('tier', 'in', TIERS_BD, { id: 'c_tier' }),
        // §6.2 has no field for children.
        manual('c_child_school_age', { label_zh: '有适龄子女需入学（核验出生证明或户口簿）', label_en: 'has a child of school age (birth certificate check)', evidence: 'child_documents' }),
      ),
      { kind: 'service', text_zh: '统筹安排子女入学', text_en: 'Coordinated school placement' },
      {
        application: app('申请', ['talent_certificate', 'child_documents', 'residence_proof'], { office: '景德镇市教育局', processing_days: 30 }),
        test_cases: [
          gc('C 类人才，待核验子女信息', 'ZHAO', ON, 'NEEDS_REVIEW'),
          gc('E 类不在范围', 'LIHUA', ON, 'INELIGIBLE'),
          gc('信息不足', 'SPARSE', ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

export const JP_025: Policy = {
  code: 'JP-025',
  title_zh: '医疗绿色通道 + 年度体检',
  title_en: 'Medical fast track and yearly check-up',
  category: 'living',
  provenance: 'analog',
  issuer: '景德镇市卫健委',
  level: 'municipal',
  region_scope: [REGION.JDZ],
  tags: ['医疗', '绿色通道', '体检', 'yiliao', 'tijian'],
  sources: [{ title: '高层次人才就医绿色通道 (template, 多地通行做法)' }],
  summary_zh: 'B、C 类人才可在指定医院走就医绿色通道，每年免费体检一次。',
  summary_en: 'Tier B and C talent get a fast track at designated hospitals and a free yearly check-up.',
  versions: [
    v1(
      allOf(leaf('tier', 'in', ['B', 'C'], { id: 'c_tier' })),
      { kind: 'service', period: 'year', text_zh: '指定医院绿色通道，每年体检一次', text_en: 'Hospital fast track, one check-up a year' },
      {
        application: app('免申即享', ['talent_certificate']),
        test_cases: [
          gc('B 类人才', 'MASTER_WANG', ON, 'ELIGIBLE'),
          gc('C 类人才', 'ZHAO', ON, 'ELIGIBLE'),
          gc('E 类不在范围', 'EMMA', ON, 'INELIGIBLE'),
          gc('信息不足', 'SPARSE', ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

export const JP_026: Policy = {
  code: 'JP-026',
  title_zh: '集体户落户',
  title_en: 'Settling in the talent collective hukou',
  category: 'identity',
  provenance: 'modelled',
  issuer: '景德镇市公安局',
  level: 'municipal',
  region_scope: [REGION.JDZ],
  tags: ['落户', '集体户', '户口', 'luohu', 'jitihu'],
  sources: [{ title: '人才集体户落户（模拟规则）' }],
  summary_zh: '在景工作、来景满 6 个月的外地中国籍人员，可将户口落在人才集体户。',
  summary_en: 'Chinese nationals from elsewhere who work in Jingdezhen and have lived there for 6 months can move their hukou into the talent collective hukou.',
  versions: [
    v1(
      allOf(
        // Interpretation: a hukou move presupposes a Chinese national without a Jingdezhen hukou (§6.4 leaves it implicit).
        leaf('nationality', 'eq', 'CN', { remediable: false }),
        leaf('is_local_hukou', 'eq', false, { evidence: 'hukou_book' }),
        worksInJdz(),
        leaf('months_in_jdz', 'gte', 6, { time_based: true, evidence: 'residence_proof' }),
      ),
      { kind: 'service', text_zh: '落户人才集体户', text_en: 'Hukou in the talent collective household' },
      {
        application: app('申请', ['id_card', 'hukou_book', 'jdz_work_proof', 'residence_proof'], { office: '景德镇市公安局户政窗口', processing_days: 15 }),
        test_cases: [
          gc('外地户籍在景工作两年', 'LIHUA', ON, 'ELIGIBLE'),
          gc('自由职业景漂，珠山区工作室，无营业执照', 'XIAOYU', ON, 'ELIGIBLE'),
          gc('来景未满 6 个月', 'ZHAO', ON, 'NEAR_MISS'),
          gc('来景满 6 个月当天', 'ZHAO', '2026-07-15', 'ELIGIBLE'),
          gc('外籍', 'EMMA', ON, 'INELIGIBLE'),
          gc('本地户籍', 'MASTER_WANG', ON, 'INELIGIBLE'),
        ],
      },
    ),
  ],
};

// --- finance / start-up -----------------------------------------------------------------------------------------

export const JP_031: Policy = {
  code: 'JP-031',
  title_zh: '小微企业创业担保贷款',
  title_en: 'Guaranteed start-up loan (micro and small firms)',
  category: 'finance',
  provenance: 'analog',
  issuer: '景德镇市人社局、市财政局',
  level: 'municipal',
  region_scope: [REGION.JDZ],
  tags: ['小微企业', '创业担保贷款', 'xiaowei qiye', 'daikuan'],
  sources: [{ title: '国家小微企业创业担保贷款政策 (template)' }],
  summary_zh: '在景注册、无欠薪欠缴社保的小微企业，可申请最高 300 万元、期限 2 年的创业担保贷款。',
  summary_en: 'Micro and small firms registered in Jingdezhen with no wage or social-insurance arrears can borrow up to CNY 3M for 2 years.',
  versions: [
    v1(
      allOf(
        leaf('business.registered_in_jdz', 'eq', true, FOUNDED_IN_JDZ),
        // No §6.2 field for firm size or arrears.
        manual('c_micro_firm', { label_zh: '属小微企业（按划型标准核验）', label_en: 'qualifies as a micro or small firm' }),
        manual('c_no_arrears', { label_zh: '无拖欠工资和社保（核验工资及社保记录）', label_en: 'no wage or social-insurance arrears', evidence: 'wage_records' }),
      ),
      { kind: 'loan', amount: 3_000_000, duration_months: 24, text_zh: '贷款额度 ≤ 300 万元，期限 ≤ 2 年', text_en: 'Loan up to CNY 3M, up to 2 years' },
      {
        application: app('申请', ['business_licence', 'wage_records', 'credit_report'], { office: '景德镇市创业担保贷款服务中心', processing_days: 20, manual_confirmation: true }),
        test_cases: [
          gc('在景注册公司，待核验规模与欠缴', 'ZHAO', ON, 'NEEDS_REVIEW', 3_000_000),
          // Founding a company is not "one change away" (issue 14 §4): INELIGIBLE, not NEAR_MISS.
          gc('尚无经营主体', 'XIAOLIN', ON, 'INELIGIBLE'),
          gc('信息不足', 'SPARSE', ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

export const JP_034: Policy = {
  code: 'JP-034',
  title_zh: '带动就业补贴',
  title_en: 'Job-creation subsidy',
  category: 'startup',
  provenance: 'modelled',
  issuer: '景德镇市人社局',
  level: 'municipal',
  region_scope: [REGION.JDZ],
  tags: ['带动就业', '吸纳就业', 'daidong jiuye'],
  sources: [{ title: '带动就业补贴（模拟规则）' }],
  summary_zh: '在景注册的经营主体每新招用一人并为其缴社保满 6 个月，补贴 2,000 元，每年最高 2 万元。',
  summary_en: 'Businesses registered in Jingdezhen get CNY 2,000 for each new employee insured for 6 months, up to CNY 20,000 a year.',
  versions: [
    v1(
      allOf(
        leaf('business.registered_in_jdz', 'eq', true, FOUNDED_IN_JDZ),
        leaf('business.employees_insured', 'gte', 1, { id: 'c_insured_staff' }),
        // §6.2 counts insured employees but not how long each has been insured.
        manual('c_new_hires_6m', { label_zh: '新招用员工参保满 6 个月（核验花名册与社保记录）', label_en: 'each new employee insured for 6 months', evidence: 'employee_roster' }),
      ),
      {
        kind: 'cash_periodic',
        rate: 1,
        of: { field: 'business.employees_insured', times: 2000 },
        cap: 20_000,
        period: 'year',
        text_zh: '每人 2,000 元，每年最高 20,000 元',
        text_en: 'CNY 2,000 per employee, up to CNY 20,000 a year',
      },
      {
        application: app('快申快享', ['business_licence', 'employee_roster', 'bank_card'], { channel: '赣服通', processing_days: 10, payout_days: 30, manual_confirmation: true }),
        test_cases: [
          gc('三名参保员工，待核验', 'ZHAO', ON, 'NEEDS_REVIEW', 6000),
          gc('一名参保员工', 'AJIE', ON, 'NEEDS_REVIEW', 2000),
          gc('企业注册在景外：需在景设立经营主体，不算一步之遥', { ...ZHAO, business: { ...ZHAO.business, registered_district: '南昌县' } }, ON, 'INELIGIBLE'),
          gc('十二名员工封顶', { ...ZHAO, business: { ...ZHAO.business, employees_insured: 12 } }, ON, 'NEEDS_REVIEW', 20_000),
          gc('尚无经营主体', 'XIAOLIN', ON, 'INELIGIBLE'),
        ],
      },
    ),
  ],
};

export const JP_035: Policy = {
  code: 'JP-035',
  title_zh: '陶瓷创业孵化基地 入驻房租补贴',
  title_en: 'Rent relief in ceramic start-up incubators',
  category: 'startup',
  provenance: 'analog',
  issuer: '景德镇市人社局 / 创业园区',
  level: 'park',
  region_scope: [REGION.JDZ],
  tags: ['孵化基地', '创业园', '房租补贴', '曙光', 'fuhua jidi'],
  sources: [{ title: '曙光创业园 入驻补贴（已公开；期限与比例为模拟）' }],
  summary_zh: '成立三年内、获准入驻指定孵化基地的创业主体，首年免租、第二年租金减半，并补贴水电。',
  summary_en: 'Businesses under 3 years old admitted to a designated incubator get the first year rent-free, the second at half rent, plus a utilities subsidy.',
  versions: [
    v1(
      allOf(
        leaf('business.registered_in_jdz', 'eq', true, FOUNDED_IN_JDZ),
        leaf('business_operating_months', 'lte', 36, { remediable: false }),
        // No §6.2 field records incubator admission.
        manual('c_incubator', { label_zh: '已获准入驻指定孵化基地（如曙光创业园）', label_en: 'admitted to a designated incubator', evidence: 'incubator_agreement' }),
      ),
      { kind: 'rent_discount', duration_months: 24, text_zh: '第一年免租，第二年租金减半，另补贴水电费', text_en: 'Year 1 rent-free, year 2 at 50%, utilities subsidised' },
      {
        application: app('申请', ['business_licence', 'incubator_agreement'], { office: '孵化基地管理办公室', processing_days: 15 }),
        test_cases: [
          gc('成立不久，待核验入驻', 'AJIE', ON, 'NEEDS_REVIEW'),
          gc('经营满 37 个月前一天（仍算 36 个月）', 'AJIE', '2029-02-09', 'NEEDS_REVIEW'),
          gc('经营满 37 个月', 'AJIE', '2029-02-10', 'INELIGIBLE'),
          gc('老企业', 'MASTER_WANG', ON, 'INELIGIBLE'),
          gc('企业注册在景外：需在景设立经营主体，不算一步之遥', { ...AJIE, business: { ...AJIE.business, registered_district: '南昌县' } }, ON, 'INELIGIBLE'),
        ],
      },
    ),
  ],
};

export const JP_037: Policy = {
  code: 'JP-037',
  title_zh: '经开区陶瓷设计企业人才引进奖励',
  title_en: 'Hiring reward for ceramic design firms in the development zone',
  category: 'startup',
  provenance: 'modelled',
  issuer: '景德镇经开区管委会',
  level: 'district',
  region_scope: [REGION.JKQ],
  tags: ['经开区', '人才引进', '奖励', 'jingkaiqu', 'yinjin'],
  sources: [{ title: '经开区人才引进奖励（模拟规则；“经开区”名称待确认）' }],
  summary_zh: '新入职经开区企业、本科以上或中级职称以上、签订 3 年以上劳动合同的人才，可获 1 万元奖励（首年、第三年各半）。',
  summary_en: 'New hires of development-zone firms with a bachelor’s degree or an intermediate title and a contract of 3+ years get CNY 10,000 (half in year 1, half in year 3).',
  versions: [
    v1(
      allOf(
        leaf('employment', 'eq', 'contract', { evidence: 'labour_contract' }),
        leaf('employer_district', 'eq', '经开区', { evidence: 'labour_contract' }),
        anyOf(leaf('education', 'in', ['本科', '硕士', '博士'], { evidence: 'diploma' }), leaf('title.level', 'in', ['中级', '副高', '正高'], { evidence: 'title_certificate' })),
        // §6.2 has no hiring date or contract length.
        manual('c_new_hire_3y', { label_zh: '新引进且劳动合同期限 ≥ 3 年（核验劳动合同）', label_en: 'new hire on a contract of at least 3 years', evidence: 'labour_contract' }),
      ),
      { kind: 'cash_once', amount: 10_000, schedule: [0.5, 0.5], text_zh: '奖励 1 万元，首年、第三年各发 50%', text_en: 'CNY 10,000, 50% in year 1 and 50% in year 3' },
      {
        application: app('申请', ['id_card', 'labour_contract', 'diploma', 'title_certificate', 'bank_card'], { office: '经开区人才服务窗口', processing_days: 20, manual_confirmation: true }),
        test_cases: [
          gc('本科新入职经开区企业，待核验合同', 'LIHUA', ON, 'NEEDS_REVIEW', 10_000),
          gc('雇主在昌江区', { ...LIHUA, employer_district: '昌江区' }, ON, 'NEAR_MISS'),
          gc('自雇：改签劳动合同后雇主所在地仍未知，不算差一项', 'AJIE', ON, 'INELIGIBLE'),
          gc('就业信息未知', { ...LIHUA, employment: null, employer_district: null }, ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

// --- markets, spaces, live-streaming ----------------------------------------------------------------------------

export const JP_038: Policy = {
  code: 'JP-038',
  title_zh: '原创设计版权登记 免费服务',
  title_en: 'Free design-copyright registration',
  category: 'space',
  provenance: 'published',
  issuer: '陶溪川文创街区',
  level: 'park',
  region_scope: [REGION.ZHUSHAN],
  tags: ['版权登记', '原创', '陶溪川', 'banquan', 'taoxichuan'],
  sources: [{ title: '陶溪川 原创设计版权登记免费服务（已公开）' }],
  summary_zh: '陶溪川市集和摊位经营者可免费办理原创设计作品的版权登记。',
  summary_en: 'Market and stall holders at Taoxichuan can register the copyright of their original designs for free.',
  versions: [
    v1(
      allOf(
        // Interpretation: the service is for original ceramic / design work (the market's sectors).
        leaf('sector', 'in', SECTORS_CORE, { remediable: false }),
        // No §6.2 field for stall holding.
        manual('c_stall_holder', { label_zh: '为陶溪川市集或摊位经营者（核验摊位协议）', label_en: 'holds a Taoxichuan market stall', evidence: 'stall_agreement' }),
      ),
      { kind: 'service', text_zh: '免费办理原创设计版权登记', text_en: 'Free design-copyright registration' },
      {
        application: app('服务', ['id_card', 'stall_agreement', 'portfolio'], { office: '陶溪川服务中心' }),
        test_cases: [
          gc('陶瓷创作者，待核验摊位', 'XIAOLIN', ON, 'NEEDS_REVIEW'),
          gc('非文创行业', { ...XIAOLIN, sector: 'other' }, ON, 'INELIGIBLE'),
          gc('行业未知', { nationality: 'CN' }, ON, 'NEEDS_INFO'),
          gc('生效前', 'XIAOLIN', '2022-12-31', 'NOT_IN_FORCE'),
        ],
      },
    ),
  ],
};

export const JP_039: Policy = {
  code: 'JP-039',
  title_zh: '直播间预约 免费时段',
  title_en: 'Free hours in the live-streaming rooms',
  category: 'space',
  provenance: 'modelled',
  issuer: '陶溪川直播基地',
  level: 'park',
  region_scope: [REGION.ZHUSHAN],
  tags: ['直播间', '直播', '免费时段', 'zhibo', 'taoxichuan'],
  sources: [{ title: '陶溪川直播基地（79 间直播间已公开；免费时段规则为模拟）' }],
  summary_zh: '景漂或邑空间摊主每周可免费使用直播间最多 8 小时。',
  summary_en: 'Jingpiao or 邑空间 stall holders can use a live-streaming room free for up to 8 hours a week.',
  versions: [
    v1(
      anyOf(gate('JP-001'), manual('c_yi_stall', { label_zh: '邑空间摊主（核验摊位协议）', label_en: '邑空间 stall holder', evidence: 'stall_agreement' })),
      { kind: 'in_kind', text_zh: '每周 ≤ 8 小时免费直播间', text_en: 'Up to 8 free hours a week in a live-stream room' },
      {
        application: app('预约', ['id_card', 'stall_agreement'], { channel: '直播基地预约小程序' }),
        test_cases: [
          gc('外籍景漂', 'EMMA', ON, 'ELIGIBLE'),
          gc('尚非景漂：核验是否邑空间摊主', 'XIAOLIN', ON, 'NEEDS_REVIEW'),
          gc('景漂登记当天', 'XIAOLIN', '2026-07-20', 'ELIGIBLE'),
          gc('信息不足', 'SPARSE', ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

// --- titles -----------------------------------------------------------------------------------------------------

export const JP_042: Policy = {
  code: 'JP-042',
  title_zh: '高级工艺美术师 申报资格',
  title_en: 'Eligibility to apply: senior arts-and-crafts artist',
  category: 'title',
  provenance: 'analog',
  issuer: '江西省人社厅',
  level: 'provincial',
  region_scope: [REGION.JX],
  tags: ['职称', '高级工艺美术师', '副高', 'zhicheng', 'gaoji'],
  sources: [{ title: '上海 / 新疆 高级工艺美术师申报条件 (template)' }],
  summary_zh: '本科以上取得中级职称满 5 年（大专满 7 年）、有省级以上业绩的人员，可申报高级工艺美术师。',
  summary_en: 'Intermediate-title holders with 5 years in grade (7 with a 大专) and provincial-or-higher achievements may apply for the senior title.',
  versions: [
    v1(
      allOf(
        leaf('retired', 'eq', false, { remediable: false }),
        anyOf(
          allOf(leaf('education', 'in', ['本科', '硕士', '博士']), leaf('title.level', 'eq', '中级'), leaf('years_since_title', 'gte', 5, { time_based: true })),
          allOf(leaf('education', 'eq', '大专'), leaf('title.level', 'eq', '中级'), leaf('years_since_title', 'gte', 7, { time_based: true })),
        ),
        leaf('awards_or_exhibitions', 'count_gte', 1, { id: 'c_yeji', filter: { level: ACHIEVEMENT_LEVELS, within_months: 60 }, evidence: 'award_certificate' }),
      ),
      { kind: 'qualification', text_zh: '可申报高级工艺美术师', text_en: 'May apply for the senior title' },
      {
        application: app('申请', ['id_card', 'diploma', 'title_certificate', 'award_certificate', 'exhibition_proof'], { channel: '江西省职称申报系统', processing_days: 90 }),
        test_cases: [
          gc('中级满 5 年且近期国家级参展', { ...LIHUA, title: { level: '中级', date: '2021-05-01' } }, ON, 'ELIGIBLE'),
          gc('中级未满 5 年', 'LIHUA', ON, 'NEAR_MISS'),
          gc('中级满 5 年前一天', 'LIHUA', '2030-12-14', 'NEAR_MISS'),
          gc('中级满 5 年当天', 'LIHUA', '2030-12-15', 'ELIGIBLE'),
          gc('无中级职称', 'XIAOLIN', ON, 'INELIGIBLE'),
          gc('信息不足', 'SPARSE', ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

export const JP_043: Policy = {
  code: 'JP-043',
  title_zh: '正高级工艺美术师 申报资格',
  title_en: 'Eligibility to apply: full senior arts-and-crafts artist',
  category: 'title',
  provenance: 'analog',
  issuer: '江西省人社厅',
  level: 'provincial',
  region_scope: [REGION.JX],
  tags: ['职称', '正高级工艺美术师', '正高', 'zhicheng', 'zhenggao'],
  sources: [{ title: '上海 / 新疆 正高级工艺美术师申报条件 (template)' }],
  summary_zh: '本科以上取得副高满 5 年，或大专从业 25 年且副高满 5 年，并有两项以上省级以上业绩者，可申报正高级工艺美术师。',
  summary_en: 'Associate-senior titles held 5 years (with a 本科, or a 大专 plus 25 years of practice) and two provincial-or-higher achievements qualify to apply for the full senior title.',
  versions: [
    v1(
      allOf(
        leaf('retired', 'eq', false, { remediable: false }),
        anyOf(
          allOf(leaf('education', 'in', ['本科', '硕士', '博士']), leaf('title.level', 'eq', '副高'), leaf('years_since_title', 'gte', 5, { time_based: true })),
          allOf(leaf('education', 'eq', '大专'), leaf('practice_years', 'gte', 25, { time_based: true }), leaf('title.level', 'eq', '副高'), leaf('years_since_title', 'gte', 5, { time_based: true })),
        ),
        // "2–3 listed achievements": modelled as two provincial-or-higher awards or exhibitions within 5 years.
        leaf('awards_or_exhibitions', 'count_gte', 2, { id: 'c_yeji', filter: { level: ACHIEVEMENT_LEVELS, within_months: 60 }, evidence: 'award_certificate' }),
      ),
      { kind: 'qualification', text_zh: '可申报正高级工艺美术师', text_en: 'May apply for the full senior title' },
      {
        application: app('申请', ['id_card', 'diploma', 'title_certificate', 'award_certificate', 'exhibition_proof'], { channel: '江西省职称申报系统', processing_days: 120 }),
        test_cases: [
          gc('副高满 10 年、三项业绩', 'ZHAO', ON, 'ELIGIBLE'),
          gc('只有一项近期业绩', { ...ZHAO, awards: [], exhibitions: [{ level: 'international', year: 2025 }] }, ON, 'NEAR_MISS'),
          gc('已退休', 'MASTER_WANG', ON, 'INELIGIBLE'),
          gc('信息不足', 'SPARSE', ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

export const JP_044: Policy = {
  code: 'JP-044',
  title_zh: '以赛代评（竞赛获奖直接申报高一级职称）',
  title_en: 'Competition route to the next title level',
  category: 'title',
  provenance: 'analog',
  issuer: '江西省人社厅',
  level: 'provincial',
  region_scope: [REGION.JX],
  tags: ['以赛代评', '竞赛', '职称', 'yi sai dai ping'],
  sources: [{ title: '江西 2024 以赛代评（17 名非遗传承人直接晋升；地方条件为模拟）' }],
  summary_zh: '两年内获省级竞赛一等奖或国家级前三名的，可不受资历限制直接申报高一级职称。',
  summary_en: 'A provincial first prize or a national top-3 place within 2 years lets you apply for the next title level without the seniority requirement.',
  versions: [
    v1(
      anyOf(
        leaf('awards', 'count_gte', 1, { id: 'c_prov_first', filter: { level: 'provincial', rank: 'gold', within_months: 24 }, evidence: 'award_certificate' }),
        leaf('awards', 'count_gte', 1, { id: 'c_nat_top3', filter: { level: 'national', rank: ['gold', 'silver', 'bronze'], within_months: 24 }, evidence: 'award_certificate' }),
      ),
      { kind: 'qualification', text_zh: '免资历要求申报高一级职称一次', text_en: 'Skip the seniority requirement for one level' },
      {
        application: app('申请', ['id_card', 'award_certificate', 'title_certificate'], { channel: '江西省职称申报系统', processing_days: 90 }),
        test_cases: [
          gc('省级金奖', 'XIAOMEI', ON, 'ELIGIBLE'),
          gc('获奖满 24 个月当天', 'XIAOMEI', '2028-03-20', 'ELIGIBLE'),
          gc('获奖超过 24 个月', 'XIAOMEI', '2028-03-21', 'INELIGIBLE'),
          gc('无奖项', 'XIAOLIN', ON, 'INELIGIBLE'),
          gc('奖项未知', 'SPARSE', ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

export const JP_045: Policy = {
  code: 'JP-045',
  title_zh: '职称取得奖励',
  title_en: 'Reward for obtaining a professional title',
  category: 'title',
  provenance: 'modelled',
  issuer: '景德镇市人社局',
  level: 'municipal',
  region_scope: [REGION.JDZ],
  tags: ['职称奖励', '中级', '副高', '正高', 'zhicheng jiangli'],
  sources: [{ title: '职称取得奖励（模拟规则）' }],
  summary_zh: '在景工作的景漂近 12 个月内取得中级、副高或正高职称，可一次性获得 2,000–10,000 元奖励（每个职称级别一次）。',
  summary_en: 'Jingpiao working in Jingdezhen who obtained an intermediate, associate-senior or full senior title in the last 12 months get CNY 2,000–10,000, once per title level.',
  exclusion_groups: ['X-ONCE'],
  versions: [
    v1(
      allOf(
        gate('JP-001'),
        leaf('title.level', 'in', ['中级', '副高', '正高'], { evidence: 'title_certificate' }),
        leaf('title.date', 'within_months', 12, { remediable: false, evidence: 'title_certificate' }),
        // "while working in JDZ": read as working in Jingdezhen now.
        worksInJdz(),
      ),
      {
        kind: 'cash_once',
        period: 'once',
        amount_table: [
          { when: leaf('title.level', 'eq', '正高'), amount: 10_000 },
          { when: leaf('title.level', 'eq', '副高'), amount: 5000 },
          { when: leaf('title.level', 'eq', '中级'), amount: 2000 },
        ],
        text_zh: '正高 10,000 / 副高 5,000 / 中级 2,000 元，每个级别一次',
        text_en: 'CNY 10,000 / 5,000 / 2,000 (full senior / associate senior / intermediate), once per level',
      },
      {
        application: app('快申快享', ['id_card', 'title_certificate', 'jdz_work_proof', 'bank_card'], { channel: '赣服通', processing_days: 10, payout_days: 30 }),
        test_cases: [
          gc('半年前取得中级', 'LIHUA', ON, 'ELIGIBLE', 2000),
          gc('取得满 12 个月当天', 'LIHUA', '2026-12-15', 'ELIGIBLE', 2000),
          gc('取得超过 12 个月', 'LIHUA', '2026-12-16', 'INELIGIBLE'),
          gc('本级已领过', { ...LIHUA, received: [{ policy_id: 'JP-045', date: '2026-02-01' }] }, ON, 'EXCLUDED'),
          gc('上一级别领过不影响本级', { ...LIHUA, received: [{ policy_id: 'JP-045', date: '2019-03-01' }] }, ON, 'ELIGIBLE', 2000),
          gc('领过创业补贴不影响（X-ONCE 按政策计）', { ...LIHUA, received: [{ policy_id: 'JP-033', date: '2016-03-01' }] }, ON, 'ELIGIBLE', 2000),
        ],
      },
    ),
  ],
};

export const JP_046: Policy = {
  code: 'JP-046',
  title_zh: '技能等级提升补贴',
  title_en: 'Skill-level upgrade subsidy',
  category: 'title',
  provenance: 'analog',
  issuer: '江西省人社厅 / 景德镇市人社局',
  level: 'municipal',
  region_scope: [REGION.JX, REGION.JDZ],
  tags: ['技能提升', '职业技能等级', '补贴', 'jineng tisheng'],
  sources: [{ title: '国家职业技能提升补贴 (template; not verified)' }],
  summary_zh: '新取得陶瓷类职业技能等级证书、参保满 12 个月的职工，可领 1,000–2,000 元技能提升补贴。',
  summary_en: 'Insured workers (12 months) who obtain a new vocational skill certificate in a ceramic occupation get CNY 1,000–2,000.',
  versions: [
    v1(
      allOf(
        leaf('skill_level', 'in', [5, 4, 3, 2, 1], { evidence: 'skill_certificate' }),
        leaf('social_insurance_months_jdz', 'gte', 12, { time_based: true, evidence: 'social_insurance' }),
        // §6.2 records the level, not when the certificate was issued or for which occupation.
        manual('c_new_certificate', { label_zh: '新取得陶瓷类职业（工种）的技能等级证书（核验证书日期与工种）', label_en: 'a newly issued certificate in a ceramic occupation', evidence: 'skill_certificate' }),
      ),
      {
        kind: 'cash_once',
        amount_table: [
          { when: leaf('skill_level', 'eq', 5), amount: 1000, text_zh: '初级' },
          { when: leaf('skill_level', 'eq', 4), amount: 1500, text_zh: '中级' },
          { when: leaf('skill_level', 'lte', 3), amount: 2000, text_zh: '高级及以上' },
        ],
        text_zh: '初级 1,000 / 中级 1,500 / 高级 2,000 元',
        text_en: 'CNY 1,000 / 1,500 / 2,000 (basic / intermediate / advanced)',
      },
      {
        application: app('快申快享', ['id_card', 'skill_certificate', 'social_insurance', 'bank_card'], { channel: '赣服通', processing_days: 10, payout_days: 30 }),
        test_cases: [
          gc('初级证书，社保满 12 个月', { ...XIAOMEI, social_insurance_months_jdz: 12 }, ON, 'NEEDS_REVIEW', 1000),
          gc('社保仅 3 个月', 'XIAOMEI', ON, 'NEAR_MISS', 1000),
          gc('无证书', 'XIAOLIN', ON, 'INELIGIBLE'),
          gc('信息不足', 'SPARSE', ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

// --- ICH, masters, awards ---------------------------------------------------------------------------------------

const ichSubsidy = (code: string, level: 'provincial' | 'municipal', amount: number, zh: string, en: string, issuer: string, lvl: Policy['level'], region: string): Policy => ({
  code,
  title_zh: `${zh}非遗传承人 传习补助`,
  title_en: `${en} ICH inheritor subsidy`,
  category: 'ich',
  provenance: 'modelled',
  issuer,
  level: lvl,
  region_scope: [region],
  tags: ['非遗', `${zh}传承人`, '传习补助', 'feiyi', 'chuancheng'],
  sources: [{ title: `${zh}非遗传承人传习补助（模拟金额，参照国家级 2 万元/年）` }],
  summary_zh: `${zh}非遗代表性传承人每年获得 ${amount.toLocaleString('en-US')} 元传习补助，无需申请。`,
  summary_en: `${en} ICH inheritors receive CNY ${amount.toLocaleString('en-US')} a year, without applying.`,
  versions: [
    v1(allOf(leaf('ich.level', 'eq', level, { evidence: 'ich_certificate' })), { kind: 'cash_periodic', amount, period: 'year', text_zh: `每年 ${amount.toLocaleString('en-US')} 元`, text_en: `CNY ${amount.toLocaleString('en-US')} a year` }, {
      application: app('免申即享', ['ich_certificate', 'bank_card'], { payout_days: 30 }),
      test_cases:
        level === 'provincial'
          ? [gc('省级传承人', 'ZHAO', ON, 'ELIGIBLE', amount), gc('国家级不在本项', 'MASTER_WANG', ON, 'INELIGIBLE'), gc('非传承人', 'XIAOLIN', ON, 'INELIGIBLE'), gc('信息不足', 'SPARSE', ON, 'NEEDS_INFO')]
          : [
              gc('市级传承人', { ...XIAOLIN, ich: { level: 'municipal', project: '景德镇青花', year: 2024 } }, ON, 'ELIGIBLE', amount),
              gc('省级不在本项', 'ZHAO', ON, 'INELIGIBLE'),
              gc('非传承人', 'XIAOLIN', ON, 'INELIGIBLE'),
              gc('信息不足', 'SPARSE', ON, 'NEEDS_INFO'),
            ],
    }),
  ],
});

export const JP_051 = ichSubsidy('JP-051', 'provincial', 10_000, '省级', 'Provincial', '江西省文化和旅游厅', 'provincial', REGION.JX);
export const JP_052 = ichSubsidy('JP-052', 'municipal', 5000, '市级', 'Municipal', '景德镇市文广新旅局', 'municipal', REGION.JDZ);

export const JP_054: Policy = {
  code: 'JP-054',
  title_zh: '引进非遗传承人 入驻补贴',
  title_en: 'Relocation grant for ICH inheritors',
  category: 'ich',
  provenance: 'analog',
  issuer: '景德镇市委人才办',
  level: 'municipal',
  region_scope: [REGION.JDZ],
  tags: ['引进', '非遗传承人', '入驻补贴', 'yinjin', 'feiyi'],
  sources: [{ title: '荣县 引进非遗传承人入驻补贴 (template)' }],
  summary_zh: '一年内迁入景德镇并承诺服务 3 年以上的国家级或省级陶瓷类非遗传承人，可获 40 万或 20 万元入驻补贴，分三期拨付。',
  summary_en: 'National or provincial ceramic ICH inheritors who moved to Jingdezhen within 12 months and commit to 3 years get CNY 400k or 200k, paid in three instalments.',
  exclusion_groups: ['X-INTRO'],
  versions: [
    v1(
      allOf(
        leaf('ich.level', 'in', ['national', 'provincial'], { evidence: 'ich_certificate' }),
        // "(ceramics)": read from the sector (ich.project is free text).
        leaf('sector', 'in', ['陶瓷', '非遗手工艺'], { remediable: false }),
        leaf('relocated_to_jdz_date', 'within_months', 12, { id: 'c_relocated', remediable: false, evidence: 'relocation_proof' }),
        leaf('commitment_years', 'gte', 3, { evidence: 'commitment_letter' }),
      ),
      {
        kind: 'cash_once',
        amount_table: [
          { when: leaf('ich.level', 'eq', 'national'), amount: 400_000 },
          { when: leaf('ich.level', 'eq', 'provincial'), amount: 200_000 },
        ],
        schedule: [0.4, 0.3, 0.3],
        text_zh: '国家级 40 万 / 省级 20 万元，按 40/30/30 分期拨付',
        text_en: 'CNY 400k (national) / 200k (provincial), paid 40/30/30',
      },
      {
        application: app('申请', ['id_card', 'ich_certificate', 'relocation_proof', 'commitment_letter', 'bank_card'], { office: '景德镇市委人才办', processing_days: 30, manual_confirmation: true }),
        test_cases: [
          gc('外省省级传承人迁入（与大师入驻补贴二选一）', 'ZHAO', ON, 'ELIGIBLE', 200_000),
          gc('已领大师入驻补贴', { ...ZHAO, received: [{ policy_id: 'JP-053', date: '2026-03-01' }] }, ON, 'EXCLUDED'),
          gc('承诺不足 3 年', { ...ZHAO, commitment_years: 2 }, ON, 'NEAR_MISS', 200_000),
          gc('非传承人', 'XIAOLIN', ON, 'INELIGIBLE'),
        ],
      },
    ),
  ],
};

export const JP_056: Policy = {
  code: 'JP-056',
  title_zh: '青年陶瓷人才 获奖奖励',
  title_en: 'Award bonus for young ceramic talent',
  category: 'honour',
  provenance: 'modelled',
  issuer: '景德镇市委人才办',
  level: 'municipal',
  region_scope: [REGION.JDZ],
  tags: ['获奖奖励', '青年', '金奖', 'huojiang jiangli'],
  sources: [{ title: '青年陶瓷人才获奖奖励（模拟规则）' }],
  summary_zh: '40 岁以下、近 12 个月获国家级金银铜奖或省级金奖的青年，可获 5,000–20,000 元奖励。',
  summary_en: 'People aged 40 or under with a national gold/silver/bronze or a provincial gold award in the last 12 months get CNY 5,000–20,000.',
  versions: [
    v1(
      allOf(
        leaf('age', 'lte', 40, { remediable: false }),
        anyOf(
          leaf('awards', 'count_gte', 1, { id: 'c_national_medal', filter: { level: 'national', rank: ['gold', 'silver', 'bronze'], within_months: 12 }, evidence: 'award_certificate' }),
          leaf('awards', 'count_gte', 1, { id: 'c_provincial_gold', filter: { level: 'provincial', rank: 'gold', within_months: 12 }, evidence: 'award_certificate' }),
        ),
      ),
      {
        kind: 'cash_once',
        amount_table: [
          { when: leaf('awards', 'count_gte', 1, { filter: { level: 'national', rank: 'gold', within_months: 12 } }), amount: 20_000 },
          { when: leaf('awards', 'count_gte', 1, { filter: { level: 'national', rank: 'silver', within_months: 12 } }), amount: 10_000 },
          { when: leaf('awards', 'count_gte', 1, { filter: { level: 'national', rank: 'bronze', within_months: 12 } }), amount: 5000 },
          { when: leaf('awards', 'count_gte', 1, { filter: { level: 'provincial', rank: 'gold', within_months: 12 } }), amount: 5000 },
        ],
        text_zh: '国家级金 20,000 / 银 10,000 / 铜 5,000；省级金奖 5,000 元',
        text_en: 'National gold 20,000 / silver 10,000 / bronze 5,000; provincial gold 5,000',
      },
      {
        application: app('快申快享', ['id_card', 'award_certificate', 'bank_card'], { channel: '赣服通', processing_days: 10, payout_days: 30 }),
        test_cases: [
          gc('省级金奖', 'XIAOMEI', ON, 'ELIGIBLE', 5000),
          gc('国家级金奖', { ...XIAOMEI, awards: [{ level: 'national', rank: 'gold', date: '2026-01-10' }] }, ON, 'ELIGIBLE', 20_000),
          gc('获奖满 12 个月后', 'XIAOMEI', '2027-03-21', 'INELIGIBLE'),
          gc('超过 40 岁', 'ZHAO', ON, 'INELIGIBLE'),
          gc('信息不足', 'SPARSE', ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

export const JP_057: Policy = {
  code: 'JP-057',
  title_zh: '参展补贴（国际/国家级展会）',
  title_en: 'Exhibition subsidy (national and international fairs)',
  category: 'honour',
  provenance: 'modelled',
  issuer: '景德镇市商务局',
  level: 'municipal',
  region_scope: [REGION.JDZ],
  tags: ['参展补贴', '展会', '展位费', 'canzhan butie'],
  sources: [{ title: '参展补贴（模拟规则）' }],
  summary_zh: '景漂或认定人才入选国家级或国际展会的，可报销展位费或运输费的 50%，每年最高 1 万元。',
  summary_en: 'Jingpiao or certified talent selected for a national or international exhibition get 50% of booth or shipping costs, up to CNY 10,000 a year.',
  versions: [
    v1(
      allOf(
        anyOf(gate('JP-001'), leaf('tier', 'in', ['A', 'B', 'C', 'D', 'E'])),
        // "selected for": an exhibition of the last 12 months (one subsidy year).
        leaf('exhibitions', 'count_gte', 1, { id: 'c_selected', filter: { level: ['national', 'international'], within_months: 12 }, evidence: 'exhibition_proof' }),
      ),
      { kind: 'cash_periodic', rate: 0.5, cap: 10_000, period: 'year', text_zh: '展位费或运输费的 50%，每年最高 10,000 元', text_en: '50% of booth or shipping costs, up to CNY 10,000 a year' },
      {
        application: app('申请', ['id_card', 'exhibition_proof', 'booth_invoice', 'bank_card'], { processing_days: 20, payout_days: 30, manual_confirmation: true }),
        test_cases: [
          gc('景漂国家级参展', 'EMMA', ON, 'ELIGIBLE', null),
          gc('E 类人才国家级参展', 'LIHUA', ON, 'ELIGIBLE'),
          gc('参展满 12 个月当天', 'EMMA', '2026-10-01', 'ELIGIBLE'),
          gc('参展满 12 个月后：再参展即可', 'EMMA', '2026-10-02', 'NEAR_MISS'),
          gc('景漂但无国家级参展', 'AJIE', ON, 'NEAR_MISS'),
          gc('本地户籍且无层次', { ...XIAOLIN, hukou_city: '景德镇', exhibitions: [{ level: 'national', date: '2026-05-01' }] }, ON, 'INELIGIBLE'),
          gc('信息不足', 'SPARSE', ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

// --- spaces, residencies, markets -------------------------------------------------------------------------------

export const JP_062: Policy = {
  code: 'JP-062',
  title_zh: '众创空间 免费工位',
  title_en: 'Free desk in a maker space',
  category: 'space',
  provenance: 'modelled',
  issuer: '陶溪川众创空间',
  level: 'park',
  region_scope: [REGION.ZHUSHAN],
  tags: ['众创空间', '工位', '免费', 'zhongchuang', 'gongwei'],
  sources: [{ title: '众创空间免费工位（模拟规则）' }],
  summary_zh: '毕业三年内、有营业执照或创业项目计划的青年，可免费使用众创空间工位 6 个月。',
  summary_en: 'Graduates within 36 months of graduation with a business or a project plan get a free desk for 6 months.',
  versions: [
    v1(
      allOf(
        leaf('months_since_graduation', 'lte', 36, { remediable: false, evidence: 'diploma' }),
        anyOf(
          leaf('business.form', 'in', ['individual', 'company', 'partnership'], { evidence: 'business_licence' }),
          // A project plan is not a §6.2 field.
          manual('c_project_plan', { label_zh: '提交创业项目计划书（评审）', label_en: 'submits a business or project plan', evidence: 'project_plan' }),
        ),
      ),
      { kind: 'in_kind', duration_months: 6, text_zh: '免费工位 6 个月', text_en: 'Free desk for 6 months' },
      {
        application: app('申请', ['id_card', 'diploma', 'business_licence', 'project_plan'], { office: '众创空间运营办公室', processing_days: 10 }),
        test_cases: [
          gc('已注册个体户', 'AJIE', ON, 'ELIGIBLE'),
          gc('尚无执照：看项目计划', 'XIAOLIN', ON, 'NEEDS_REVIEW'),
          gc('毕业满 37 个月前一天', 'AJIE', '2027-07-19', 'ELIGIBLE'),
          gc('毕业满 37 个月', 'AJIE', '2027-07-20', 'INELIGIBLE'),
          gc('毕业太久', 'EMMA', ON, 'INELIGIBLE'),
          gc('信息不足', 'SPARSE', ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

export const JP_063: Policy = {
  code: 'JP-063',
  title_zh: '景德镇国际工作室 驻场（open call）',
  title_en: 'Jingdezhen International Studio residency (open call)',
  category: 'international',
  provenance: 'published',
  issuer: '陶溪川文创街区',
  level: 'park',
  region_scope: [REGION.ZHUSHAN],
  tags: ['国际工作室', '驻场', 'open call', 'residency', 'zhuchang'],
  sources: [{ title: '景德镇国际工作室 驻场项目征集（已公开）' }],
  summary_zh: '国际艺术家驻场 24 周以上，经评审入选后可获往返路费、免费烧窑和最高 1 万元补助。',
  summary_en: 'International artists selected by a jury for a residency of 24 weeks or more get travel, free firings and a stipend of up to CNY 10,000.',
  versions: [
    v1(
      allOf(
        // "international artist": read as a foreign national working in the arts.
        leaf('nationality', 'ne', 'CN', { evidence: 'passport' }),
        leaf('sector', 'in', SECTORS_CORE, { remediable: false }),
        // Residency length and selection are not profile fields.
        manual('c_stay_24w', { label_zh: '驻场不少于 24 周（申请时承诺）', label_en: 'residency of at least 24 weeks' }),
        manual('c_jury', { label_zh: '评审委员会入选', label_en: 'selected by the jury', evidence: 'artist_cv' }),
      ),
      { kind: 'in_kind', amount: 10_000, text_zh: '往返路费、2 次电窑 + 3 次气窑免费烧成、最高 10,000 元补助', text_en: 'Travel, 2 electric + 3 gas firings free, stipend up to CNY 10,000' },
      {
        application: app('申请', ['passport', 'artist_cv', 'portfolio'], { channel: '国际工作室 open call 线上申请' }),
        test_cases: [
          gc('英国艺术家，待评审', 'TOM', ON, 'NEEDS_REVIEW', 10_000),
          gc('中国籍不适用本项', 'XIAOLIN', ON, 'INELIGIBLE'),
          gc('国籍未知', { sector: '艺术' }, ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

export const JP_064: Policy = {
  code: 'JP-064',
  title_zh: '陶溪川艺术中心 候鸟计划 驻留',
  title_en: 'Taoxichuan Art Centre “Migratory Bird” residency',
  category: 'international',
  provenance: 'published',
  issuer: '陶溪川艺术中心',
  level: 'park',
  region_scope: [REGION.ZHUSHAN],
  tags: ['候鸟计划', '驻留', '艺术中心', 'houniao jihua', 'residency'],
  sources: [{ title: '陶溪川艺术中心 候鸟计划 驻留征集（已公开）' }],
  summary_zh: '国内外艺术家驻留 8 周以上、经评审入选并留下 3 件作品，可获路费、住宿和最高 6,000 元补助。',
  summary_en: 'Domestic or foreign artists selected for a residency of 8 weeks or more (leaving 3 works) get travel, accommodation and up to CNY 6,000.',
  versions: [
    v1(
      allOf(
        leaf('sector', 'in', SECTORS_CORE, { remediable: false }),
        manual('c_stay_8w', { label_zh: '驻留不少于 8 周并留下 3 件作品（申请时承诺）', label_en: 'residency of at least 8 weeks, leaving 3 works' }),
        manual('c_jury', { label_zh: '评审委员会入选', label_en: 'selected by the jury', evidence: 'artist_cv' }),
      ),
      { kind: 'in_kind', amount: 6000, text_zh: '路费、住宿及最高 6,000 元补助', text_en: 'Travel, accommodation and a stipend up to CNY 6,000' },
      {
        application: app('申请', ['id_card', 'artist_cv', 'portfolio'], { channel: '陶溪川艺术中心线上申请' }),
        test_cases: [
          gc('外籍艺术家，待评审', 'TOM', ON, 'NEEDS_REVIEW', 6000),
          gc('国内陶艺人，待评审', 'XIAOLIN', ON, 'NEEDS_REVIEW', 6000),
          gc('非艺术行业', { ...XIAOLIN, sector: 'other' }, ON, 'INELIGIBLE'),
          gc('行业未知', { nationality: 'CN' }, ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

export const JP_065: Policy = {
  code: 'JP-065',
  title_zh: '乐天陶社 周六创意市集 摊位',
  title_en: 'Pottery Workshop Saturday market stall',
  category: 'space',
  provenance: 'published',
  issuer: '乐天陶社',
  level: 'park',
  region_scope: [REGION.ZHUSHAN],
  tags: ['乐天陶社', '创意市集', '摊位', 'letian taoshe', 'shiji'],
  sources: [{ title: '乐天陶社 周六创意市集（已公开）' }],
  summary_zh: '陶瓷手作者报名后经每月评选入围，可在周六上午 8–12 点出摊。',
  summary_en: 'Ceramic makers who apply and make the monthly selection get a Saturday-morning stall (08:00–12:00).',
  versions: [
    v1(
      allOf(
        // Interpretation: the market is for handmade ceramic and creative work.
        leaf('sector', 'in', SECTORS_CORE, { remediable: false }),
        manual('c_monthly_selection', { label_zh: '每月入选名单（主办方评选）', label_en: 'on the monthly selection list', evidence: 'portfolio' }),
      ),
      { kind: 'in_kind', text_zh: '周六 08:00–12:00 摊位', text_en: 'Saturday stall 08:00–12:00' },
      {
        application: app('申请', ['id_card', 'portfolio'], { channel: '乐天陶社公众号报名' }),
        test_cases: [
          gc('陶瓷手作者，待评选', 'XIAOMEI', ON, 'NEEDS_REVIEW'),
          gc('非文创行业', { ...XIAOMEI, sector: 'other' }, ON, 'INELIGIBLE'),
          gc('行业未知', {}, ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

export const JP_066: Policy = {
  code: 'JP-066',
  title_zh: '邑空间 原创摊位 入驻',
  title_en: '邑空间 original-work stall',
  category: 'space',
  provenance: 'modelled',
  issuer: '陶溪川文创街区',
  level: 'park',
  region_scope: [REGION.ZHUSHAN],
  tags: ['邑空间', '原创摊位', '陶溪川', 'yi kongjian', 'tanwei'],
  sources: [{ title: '陶溪川 邑空间 摊位规则（规则已公开；费用为模拟）' }],
  summary_zh: '通过原创审核、每月有新品的创作者，可入驻邑空间固定摊位（约 148 个）。',
  summary_en: 'Makers who pass the originality review and bring new products every month can take one of about 148 fixed stalls.',
  versions: [
    v1(
      allOf(
        leaf('sector', 'in', SECTORS_CORE, { remediable: false }),
        manual('c_originality', { label_zh: '原创审核通过', label_en: 'passes the originality review', evidence: 'portfolio' }),
        manual('c_monthly_new', { label_zh: '每月上新（承诺）', label_en: 'new products every month' }),
      ),
      { kind: 'in_kind', text_zh: '邑空间固定摊位（约 148 个）', text_en: 'A fixed stall (about 148 in total)' },
      {
        application: app('申请', ['id_card', 'portfolio', 'stall_agreement'], { office: '陶溪川招商部' }),
        test_cases: [
          gc('设计师，待原创审核', 'AJIE', ON, 'NEEDS_REVIEW'),
          gc('非文创行业', { ...AJIE, sector: 'other' }, ON, 'INELIGIBLE'),
          gc('行业未知', {}, ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

export const JP_070: Policy = {
  code: 'JP-070',
  title_zh: '灵活就业高校毕业生 社保补贴',
  title_en: 'Social-insurance subsidy for graduates in flexible employment',
  category: 'living',
  provenance: 'analog',
  issuer: '景德镇市人社局',
  level: 'municipal',
  region_scope: [REGION.JDZ],
  tags: ['灵活就业', '社保补贴', '毕业生', 'linghuo jiuye', 'shebao'],
  sources: [{ title: '国家 高校毕业生灵活就业社保补贴 (template; not verified)' }],
  summary_zh: '毕业两年内、灵活就业并在景缴纳社保的高校毕业生，可获不超过三分之二的社保补贴，最长 24 个月。',
  summary_en: 'Graduates within 24 months of graduation in flexible employment who pay social insurance in Jingdezhen get up to two-thirds of it back for up to 24 months.',
  versions: [
    v1(
      allOf(
        // 高校毕业生: 大专 or higher.
        leaf('education', 'in', ['大专', '本科', '硕士', '博士'], { evidence: 'diploma' }),
        leaf('months_since_graduation', 'lte', 24, { remediable: false, evidence: 'diploma' }),
        leaf('employment', 'eq', 'informal', { id: 'c_flexible' }),
        leaf('social_insurance_months_jdz', 'gte', 1, { id: 'c_pays_si', evidence: 'social_insurance' }),
      ),
      { kind: 'cash_periodic', rate: 2 / 3, period: 'month', duration_months: 24, text_zh: '社保缴费的 2/3 以内，最长 24 个月', text_en: 'Up to two-thirds of contributions, up to 24 months' },
      {
        application: app('快申快享', ['id_card', 'diploma', 'social_insurance', 'bank_card'], { channel: '赣服通', processing_days: 10, payout_days: 30 }),
        test_cases: [
          gc('灵活就业缴社保 3 个月', 'XIAOMEI', ON, 'ELIGIBLE', null),
          gc('毕业满 25 个月前一天', 'XIAOMEI', '2027-07-29', 'ELIGIBLE'),
          gc('毕业满 25 个月', 'XIAOMEI', '2027-07-30', 'INELIGIBLE'),
          gc('未缴社保', 'XIAOLIN', ON, 'NEAR_MISS'),
          gc('信息不足', 'SPARSE', ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

const byCode = (a: Policy, b: Policy) => a.code.localeCompare(b.code);

/** All 48 policies of §6.4 in code order (JP-001 … JP-070). */
export const CATALOGUE: readonly Policy[] = [
  ...CORE_POLICIES,
  JP_022,
  JP_023,
  JP_024,
  JP_025,
  JP_026,
  JP_031,
  JP_034,
  JP_035,
  JP_037,
  JP_038,
  JP_039,
  JP_042,
  JP_043,
  JP_044,
  JP_045,
  JP_046,
  JP_051,
  JP_052,
  JP_054,
  JP_056,
  JP_057,
  JP_062,
  JP_063,
  JP_064,
  JP_065,
  JP_066,
  JP_070,
].sort(byCode);

const core = (id: string) => CORE_EXCLUSION_GROUPS.find((g) => g.id === id)!;

/**
 * The §6.4 exclusion groups. X-ONCE is "applied per policy" (scope 'policy'): JP-033 is once per person, and receiving
 * JP-033 does not block JP-045. JP-045 is once per title level: `renews_on: title.date` — a JP-045 receipt dated
 * before the current title was obtained was for a lower level and no longer counts.
 */
export const EXCLUSION_GROUPS: readonly ExclusionGroup[] = [
  core('X-HOUSING'),
  core('X-LOAN'),
  core('X-TIER'),
  { id: 'X-ONCE', policy_codes: ['JP-033', 'JP-045'], rule: 'once_per_person', scope: 'policy', renews_on: { 'JP-045': 'title.date' }, note_zh: '每人限享受一次（职称取得奖励每个职称级别一次）' },
  { id: 'X-INTRO', policy_codes: ['JP-053', 'JP-054'], rule: 'one_of', note_zh: '引进大师与引进非遗传承人入驻补贴二选一（取较高者）' },
];
