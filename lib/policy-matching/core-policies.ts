import { allOf, anyOf, gate, leaf, manual, type ExclusionGroup, type Policy, type PolicyVersion } from './model';

/**
 * The core policies of domain-talent-policy.md §6.5, criteria exactly as written there (leaves without an id get
 * `<field>_<op>` ids at evaluation time). Benefits follow the §6.4 summary where §6.5 gives none.
 *
 * DEMO DATA: every policy whose provenance is not 'published' is a placeholder, not verified Jingdezhen policy
 * (§6.4). Versions whose start date §6.5 does not state take 2023-01-01 (the JP-001 date) — also a placeholder.
 */

const SECTORS_CORE = ['陶瓷', '文化创意', '设计', '非遗手工艺', '艺术'];
const FROM = '2023-01-01';
const v1 = (criteria: PolicyVersion['criteria'], benefit: PolicyVersion['benefit'], extra: Partial<PolicyVersion> = {}): PolicyVersion => ({
  version: '1.0.0',
  effective_from: FROM,
  criteria,
  benefit,
  ...extra,
});

export const JP_001: Policy = {
  code: 'JP-001',
  title_zh: '景漂人才登记（景漂服务卡）',
  title_en: 'Jingpiao registration (service card)',
  category: 'identity',
  provenance: 'modelled',
  issuer: '景德镇市景漂景归人才服务局',
  versions: [
    v1(
      allOf(
        leaf('is_local_hukou', 'eq', false, { id: 'c_nonlocal', remediable: false }),
        leaf('months_in_jdz', 'gte', 3, { id: 'c_stay', remediable: true, time_based: true }),
        leaf('sector', 'in', SECTORS_CORE, { id: 'c_sector', remediable: false }),
        leaf('age', 'gte', 18, { id: 'c_adult', remediable: true, time_based: true }),
      ),
      { kind: 'service', text_zh: '景漂服务卡；景漂类政策的前置条件', text_en: 'Jingpiao service card; prerequisite for Jingpiao policies' },
      { application_mode: '申请' },
    ),
  ],
};

export const JP_002: Policy = {
  code: 'JP-002',
  title_zh: '青年人才驿站 免费短住',
  title_en: 'Youth talent hostel: free short stay',
  category: 'living',
  provenance: 'analog',
  versions: [
    v1(
      allOf(
        leaf('months_since_graduation', 'lte', 24),
        leaf('education', 'in', ['大专', '本科', '硕士', '博士']),
        leaf('is_local_hukou', 'eq', false),
        leaf('months_in_jdz', 'lte', 1, { remediable: false }),
      ),
      { kind: 'in_kind', text_zh: '免费入住不超过 7 晚，每年一次', text_en: 'Up to 7 nights free, once a year' },
      { application_mode: '预约' },
    ),
  ],
};

export const JP_003: Policy = {
  code: 'JP-003',
  title_zh: '洋景漂服务站 综合服务',
  title_en: 'Foreign Jingpiao service station',
  category: 'international',
  provenance: 'published',
  versions: [
    v1(allOf(leaf('nationality', 'ne', 'CN')), {
      kind: 'service',
      text_zh: '签证与居留指引、政务指南、翻译服务',
      text_en: 'Visa and residence guidance, public-service guides, translation',
    }, { application_mode: '服务' }),
  ],
};

const tierBenefit = (t: string) => ({ kind: 'qualification' as const, text_zh: `${t}类人才认定证书`, text_en: `Tier ${t} talent certificate` });
const worksInJdz = () => leaf('works_in_jdz', 'eq', true);

export const JP_010: Policy = {
  code: 'JP-010',
  title_zh: '高层次人才 A类（一事一议）',
  title_en: 'High-level talent, tier A (case by case)',
  category: 'tier',
  provenance: 'modelled',
  tier: 'A',
  exclusion_groups: ['X-TIER'],
  versions: [
    v1(allOf(leaf('honours_b_level_count', 'gte', 2, { id: 'c_two_b' }), manual('c_panel', { label_zh: '人才办一事一议评审', label_en: 'case-by-case panel review' })), {
      ...tierBenefit('A'),
      text_zh: 'A类人才认定（一事一议）',
      text_en: 'Tier A certification (case by case)',
    }, { application_mode: '认定' }),
  ],
};

export const JP_011: Policy = {
  code: 'JP-011',
  title_zh: '高层次人才 B类',
  title_en: 'High-level talent, tier B',
  category: 'tier',
  provenance: 'modelled',
  tier: 'B',
  exclusion_groups: ['X-TIER'],
  versions: [
    v1(
      allOf(
        anyOf(
          leaf('honours', 'contains_any', ['中国工艺美术大师', '中国陶瓷艺术大师']),
          leaf('ich.level', 'eq', 'national'),
          leaf('honours', 'contains_any', ['中华技能大奖']),
        ),
        leaf('works_or_lives_in_jdz', 'eq', true, { id: 'c_in_jdz' }),
      ),
      tierBenefit('B'),
      { application_mode: '认定' },
    ),
  ],
};

export const JP_012: Policy = {
  code: 'JP-012',
  title_zh: '高层次人才 C类',
  title_en: 'High-level talent, tier C',
  category: 'tier',
  provenance: 'modelled',
  tier: 'C',
  exclusion_groups: ['X-TIER'],
  versions: [
    v1(
      allOf(
        anyOf(leaf('honours', 'contains_any', ['省级工艺美术大师']), leaf('ich.level', 'eq', 'provincial'), leaf('title.level', 'eq', '正高')),
        worksInJdz(),
      ),
      tierBenefit('C'),
      { application_mode: '认定' },
    ),
  ],
};

export const JP_013: Policy = {
  code: 'JP-013',
  title_zh: '高层次人才 D类',
  title_en: 'High-level talent, tier D',
  category: 'tier',
  provenance: 'modelled',
  tier: 'D',
  exclusion_groups: ['X-TIER'],
  versions: [
    v1(
      allOf(
        anyOf(
          leaf('honours', 'contains_any', ['市级大师']),
          leaf('ich.level', 'eq', 'municipal'),
          leaf('title.level', 'eq', '副高'),
          leaf('awards', 'count_gte', 1, { filter: { level: 'national', rank: 'gold', within_months: 60 } }),
          leaf('education', 'eq', '博士'),
        ),
        worksInJdz(),
      ),
      tierBenefit('D'),
      { application_mode: '认定' },
    ),
  ],
};

export const JP_014: Policy = {
  code: 'JP-014',
  title_zh: '高层次人才 E类',
  title_en: 'High-level talent, tier E',
  category: 'tier',
  provenance: 'modelled',
  tier: 'E',
  exclusion_groups: ['X-TIER'],
  versions: [
    v1(
      allOf(
        anyOf(
          allOf(leaf('title.level', 'in', ['中级']), leaf('age', 'lte', 45)),
          allOf(leaf('education', 'in', ['硕士']), leaf('age', 'lte', 40)),
          leaf('skill_level', 'lte', 2),
          leaf('awards', 'count_gte', 1, { filter: { level: 'provincial', rank: 'gold', within_months: 60 } }),
        ),
        worksInJdz(),
      ),
      tierBenefit('E'),
      { application_mode: '认定' },
    ),
  ],
};

export const JP_020: Policy = {
  code: 'JP-020',
  title_zh: '人才公寓',
  title_en: 'Talent apartments',
  category: 'housing',
  provenance: 'modelled',
  exclusion_groups: ['X-HOUSING'],
  versions: [
    v1(
      allOf(
        anyOf(leaf('tier', 'in', ['B', 'C', 'D']), leaf('tier', 'eq', 'E'), gate('JP-001')),
        leaf('owns_home_in_jdz', 'eq', false, { remediable: false }),
        worksInJdz(),
      ),
      {
        kind: 'rent_discount',
        amount_table: [
          { when: leaf('tier', 'in', ['B', 'C']), duration_months: 60, text_zh: '免租入住，最长 60 个月', text_en: 'Rent-free, up to 60 months' },
          { when: leaf('tier', 'eq', 'D'), duration_months: 36, text_zh: '免租入住，最长 36 个月', text_en: 'Rent-free, up to 36 months' },
          { rate: 0.5, duration_months: 36, text_zh: '租金减半，最长 36 个月', text_en: '50% of rent, up to 36 months' },
        ],
        text_zh: 'B/C类免租 ≤ 5 年，D类免租 ≤ 3 年；E类或景漂租金减半 ≤ 3 年',
        text_en: 'Tier B/C rent-free ≤ 5 yrs, tier D ≤ 3 yrs; tier E or Jingpiao 50% rent ≤ 3 yrs',
      },
      { application_mode: '申请' },
    ),
  ],
};

export const JP_021: Policy = {
  code: 'JP-021',
  title_zh: '青年人才租房补贴',
  title_en: 'Young talent rent subsidy',
  category: 'housing',
  provenance: 'modelled',
  exclusion_groups: ['X-HOUSING'],
  versions: [
    v1(
      allOf(
        leaf('age', 'lte', 35, { remediable: false }),
        leaf('education', 'in', ['大专', '本科', '硕士', '博士'], { remediable: false }),
        leaf('months_since_graduation', 'lte', 60, { remediable: false }),
        leaf('social_insurance_months_jdz', 'gte', 6, { remediable: true, time_based: true }),
        leaf('owns_home_in_jdz', 'eq', false),
      ),
      {
        kind: 'cash_periodic',
        period: 'month',
        duration_months: 36,
        amount_table: [
          { when: leaf('education', 'eq', '大专'), amount: 300 },
          { when: leaf('education', 'eq', '本科'), amount: 500 },
          { when: leaf('education', 'eq', '硕士'), amount: 800 },
          { when: leaf('education', 'eq', '博士'), amount: 1500 },
        ],
        text_zh: '大专 300 / 本科 500 / 硕士 800 / 博士 1,500 元每月，最长 36 个月',
        text_en: 'CNY 300 / 500 / 800 / 1,500 a month (大专 / 本科 / 硕士 / 博士), up to 36 months',
      },
      { application_mode: '快申快享' },
    ),
  ],
};

export const JP_030: Policy = {
  code: 'JP-030',
  title_zh: '个人创业担保贷款',
  title_en: 'Guaranteed start-up loan (individuals)',
  category: 'finance',
  provenance: 'analog',
  exclusion_groups: ['X-LOAN'],
  versions: [
    v1(
      allOf(
        leaf('nationality', 'eq', 'CN', { remediable: false }),
        leaf('age', 'between', [18, 60]),
        leaf('business.registered_in_jdz', 'eq', true, { remediable: true }),
        anyOf(leaf('months_since_graduation', 'lte', 60), gate('JP-001'), leaf('registered_unemployed', 'eq', true)),
        leaf('credit_bad', 'eq', false),
      ),
      {
        kind: 'loan',
        duration_months: 36,
        amount_table: [{ when: leaf('business.employees_insured', 'gte', 5), amount: 600_000 }, { amount: 300_000 }],
        text_zh: '贷款额度 ≤ 30 万元（参保员工 ≥ 5 人 ≤ 60 万元），期限 ≤ 3 年，LPR−150bp 以上部分贴息',
        text_en: 'Loan up to CNY 300k (600k with ≥ 5 insured employees), ≤ 3 yrs, interest above LPR−150bp subsidised',
      },
      { application_mode: '申请' },
    ),
  ],
};

export const JP_032: Policy = {
  code: 'JP-032',
  title_zh: '景漂贷',
  title_en: 'Jingpiao loan',
  category: 'finance',
  provenance: 'modelled',
  exclusion_groups: ['X-LOAN'],
  versions: [
    v1(
      allOf(gate('JP-001'), leaf('business.registered_in_jdz', 'eq', true), leaf('sector', 'in', SECTORS_CORE), leaf('credit_bad', 'eq', false)),
      { kind: 'loan', amount: 900_000, text_zh: '贷款额度 ≤ 90 万元，部分免息', text_en: 'Loan up to CNY 900k, partly interest-free' },
      { application_mode: '申请' },
    ),
  ],
};

const jp033Criteria = allOf(
  leaf('months_since_graduation', 'lte', 24, { remediable: false }),
  leaf('business.first_time', 'eq', true),
  leaf('business.registered_in_jdz', 'eq', true),
  leaf('business_operating_months', 'gte', 6, { time_based: true }),
);

export const JP_033: Policy = {
  code: 'JP-033',
  title_zh: '高校毕业生一次性创业补贴',
  title_en: 'One-off start-up grant for graduates',
  category: 'startup',
  provenance: 'analog',
  exclusion_groups: ['X-ONCE'],
  versions: [
    {
      version: '1.0.0',
      effective_from: '2021-01-01',
      effective_to: '2024-12-31',
      criteria: jp033Criteria,
      benefit: { kind: 'cash_once', amount: 3000, period: 'once', text_zh: '一次性补贴 3,000 元', text_en: 'One-off CNY 3,000' },
      application_mode: '快申快享',
    },
    {
      version: '2.0.0',
      effective_from: '2025-01-01',
      criteria: jp033Criteria,
      benefit: { kind: 'cash_once', amount: 5000, period: 'once', text_zh: '一次性补贴 5,000 元', text_en: 'One-off CNY 5,000' },
      application_mode: '快申快享',
    },
  ],
};

export const JP_036: Policy = {
  code: 'JP-036',
  title_zh: '珠山区景漂工作室租金补贴',
  title_en: 'Zhushan Jingpiao studio rent subsidy',
  category: 'space',
  provenance: 'modelled',
  versions: [
    v1(
      allOf(
        gate('JP-001'),
        leaf('studio.district', 'eq', '珠山区'),
        leaf('business.registered_district', 'eq', '珠山区'),
        leaf('studio.lease_months', 'gte', 12),
        leaf('studio.area_m2', 'gte', 15),
        leaf('studio.government_free', 'eq', false),
      ),
      {
        kind: 'cash_periodic',
        rate: 0.5,
        of: { field: 'studio.monthly_rent', times: 12 },
        cap: 6000,
        period: 'year',
        duration_months: 24,
        text_zh: '租金的 50%，每年最高 6,000 元，最长 24 个月',
        text_en: '50% of rent, up to CNY 6,000 a year, for up to 24 months',
      },
      { application_mode: '快申快享' },
    ),
  ],
};

export const JP_040: Policy = {
  code: 'JP-040',
  title_zh: '助理工艺美术师 申报资格',
  title_en: 'Eligibility to apply: assistant arts-and-crafts artist',
  category: 'title',
  provenance: 'published',
  versions: [
    v1(
      allOf(
        leaf('retired', 'eq', false, { remediable: false }),
        anyOf(
          leaf('education', 'in', ['硕士', '博士']),
          allOf(leaf('education', 'eq', '本科'), leaf('practice_years', 'gte', 1, { time_based: true })),
          allOf(leaf('education', 'eq', '大专'), leaf('practice_years', 'gte', 2, { time_based: true })),
          allOf(leaf('education', 'eq', '中专'), leaf('practice_years', 'gte', 4, { time_based: true })),
          leaf('practice_years', 'gte', 10, { time_based: true }),
        ),
      ),
      { kind: 'qualification', text_zh: '可申报助理工艺美术师', text_en: 'May apply for the assistant title' },
      { application_mode: '申请' },
    ),
  ],
};

export const JP_041: Policy = {
  code: 'JP-041',
  title_zh: '工艺美术师（中级）申报资格',
  title_en: 'Eligibility to apply: arts-and-crafts artist (intermediate)',
  category: 'title',
  provenance: 'modelled',
  versions: [
    v1(
      allOf(
        leaf('retired', 'eq', false, { remediable: false }),
        anyOf(
          leaf('education', 'eq', '博士'),
          allOf(leaf('education', 'eq', '硕士'), leaf('practice_years', 'gte', 2)),
          allOf(leaf('education', 'in', ['本科', '大专']), leaf('title.level', 'eq', '助理'), leaf('years_since_title', 'gte', 4)),
          allOf(leaf('title.level', 'eq', '助理'), leaf('years_since_title', 'gte', 5)),
          leaf('practice_years', 'gte', 15),
        ),
        leaf('awards_or_exhibitions', 'count_gte', 1, {
          id: 'c_yeji',
          filter: { level: ['provincial', 'national', 'international'], within_months: 60 },
          remediable: true,
        }),
      ),
      { kind: 'qualification', text_zh: '可申报工艺美术师（中级）', text_en: 'May apply for the intermediate title' },
      { application_mode: '申请' },
    ),
  ],
};

export const JP_050: Policy = {
  code: 'JP-050',
  title_zh: '国家级非遗传承人 传习补助',
  title_en: 'National ICH inheritor subsidy',
  category: 'ich',
  provenance: 'published',
  versions: [
    v1(
      allOf(leaf('ich.level', 'eq', 'national')),
      { kind: 'cash_periodic', amount: 20_000, period: 'year', text_zh: '每年 20,000 元', text_en: 'CNY 20,000 a year' },
      { application_mode: '免申即享' },
    ),
  ],
};

export const JP_053: Policy = {
  code: 'JP-053',
  title_zh: '引进大师 入驻补贴',
  title_en: 'Relocation grant for masters',
  category: 'honour',
  provenance: 'analog',
  versions: [
    v1(
      allOf(
        anyOf(leaf('honours', 'contains_any', ['中国工艺美术大师', '中国陶瓷艺术大师', '省级工艺美术大师'])),
        leaf('relocated_to_jdz_date', 'within_months', 12, { id: 'c_relocated', remediable: false }),
        leaf('commitment_years', 'gte', 3),
      ),
      {
        kind: 'cash_once',
        amount_table: [
          { when: leaf('honours', 'contains_any', ['中国工艺美术大师', '中国陶瓷艺术大师']), amount: 2_000_000 },
          { when: leaf('honours', 'contains_any', ['省级工艺美术大师']), amount: 600_000 },
        ],
        schedule: [0.4, 0.3, 0.3],
        text_zh: '国家级大师 200 万元 / 省级大师 60 万元，按 40/30/30 分期拨付',
        text_en: 'CNY 2,000,000 (national master) / 600,000 (provincial), paid 40/30/30',
      },
      { application_mode: '申请' },
    ),
  ],
};

const APPRENTICE_FILTER = { age_lte: 35, agreement_months_gte: 12 };

export const JP_055: Policy = {
  code: 'JP-055',
  title_zh: '大师带徒（师带徒）补贴',
  title_en: 'Master–apprentice subsidy',
  category: 'honour',
  provenance: 'modelled',
  versions: [
    v1(
      allOf(
        anyOf(leaf('honours', 'count_gte', 1), leaf('ich.level', 'exists'), leaf('title.level', 'in', ['副高', '正高'])),
        leaf('apprentices', 'count_gte', 2, { id: 'c_apprentices', filter: APPRENTICE_FILTER, remediable: true }),
      ),
      {
        kind: 'cash_periodic',
        amount: 3000,
        per: { field: 'apprentices', filter: APPRENTICE_FILTER, cap_count: 5 },
        period: 'year',
        text_zh: '每名徒弟每年 3,000 元，最多 5 名',
        text_en: 'CNY 3,000 per apprentice a year, at most 5 apprentices',
      },
      { application_mode: '申请' },
    ),
  ],
};

export const JP_060: Policy = {
  code: 'JP-060',
  title_zh: '公共窑炉烧成补贴（窑位券）',
  title_en: 'Public kiln firing vouchers',
  category: 'space',
  provenance: 'modelled',
  versions: [
    v1(
      allOf(gate('JP-001'), leaf('age', 'lte', 35, { id: 'c_age35', remediable: false })),
      { kind: 'voucher', rate: 0.5, cap: 3000, period: 'year', text_zh: '合作窑炉烧成费五折，每年 ≤ 12 窑次且 ≤ 3,000 元', text_en: '50% off partner kiln fees, ≤ 12 firings and ≤ CNY 3,000 a year' },
      { application_mode: '预约' },
    ),
  ],
};

export const JP_061: Policy = {
  code: 'JP-061',
  title_zh: '青年个展 展厅免费使用',
  title_en: 'Free gallery for a solo show',
  category: 'space',
  provenance: 'modelled',
  versions: [
    v1(
      allOf(
        anyOf(leaf('tier', 'in', ['B', 'C', 'D', 'E']), leaf('awards', 'count_gte', 1, { filter: { level: ['provincial', 'national'], within_months: 36 } })),
        leaf('portfolio_count', 'gte', 20, { id: 'c_portfolio', remediable: true }),
      ),
      { kind: 'in_kind', text_zh: '每年一次免费个展，≤ 14 天', text_en: 'One free solo show a year, up to 14 days' },
      { application_mode: '预约' },
    ),
  ],
};

export const CORE_POLICIES: readonly Policy[] = [
  JP_001,
  JP_002,
  JP_003,
  JP_010,
  JP_011,
  JP_012,
  JP_013,
  JP_014,
  JP_020,
  JP_021,
  JP_030,
  JP_032,
  JP_033,
  JP_036,
  JP_040,
  JP_041,
  JP_050,
  JP_053,
  JP_055,
  JP_060,
  JP_061,
];

export const CORE_EXCLUSION_GROUPS: readonly ExclusionGroup[] = [
  { id: 'X-HOUSING', policy_codes: ['JP-020', 'JP-021'], rule: 'one_active_at_a_time', note_zh: '人才公寓与租房补贴不可同时享受' },
  { id: 'X-LOAN', policy_codes: ['JP-030', 'JP-032'], rule: 'one_active_at_a_time', note_zh: '创业担保贷款与景漂贷不可同时享受' },
  { id: 'X-TIER', policy_codes: ['JP-010', 'JP-011', 'JP-012', 'JP-013', 'JP-014'], rule: 'highest_tier_only', note_zh: '人才层次按最高一档认定' },
  // §6.4 also lists JP-045 (once per title level); it is not a core policy, so the group holds JP-033 only.
  { id: 'X-ONCE', policy_codes: ['JP-033'], rule: 'once_per_person', note_zh: '每人限享受一次' },
];
