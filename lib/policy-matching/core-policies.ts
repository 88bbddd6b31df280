import { AJIE, EMMA, MASTER_WANG, XIAOYU, ZHAO } from './golden-profiles';
import {
  allOf,
  anyOf,
  gate,
  leaf,
  manual,
  type Application,
  type ApplicationMode,
  type ExclusionGroup,
  type GoldenCase,
  type Material,
  type Policy,
  type PolicyVersion,
  type Status,
} from './model';

/**
 * The core policies of domain-talent-policy.md §6.5, criteria exactly as written there (leaves without an id get
 * `<field>_<op>` ids at evaluation time). Benefits follow the §6.4 summary where §6.5 gives none. Each version carries
 * its application (mode + materials), review data and golden cases (§6.1); ./catalogue.ts adds the other §6.4 rows.
 *
 * DEMO DATA: every policy whose provenance is not 'published' is a placeholder, not verified Jingdezhen policy
 * (§6.4). Versions whose start date §6.5 does not state take 2023-01-01 (the JP-001 date) — also a placeholder.
 */

export const SECTORS_CORE = ['陶瓷', '文化创意', '设计', '非遗手工艺', '艺术'];
const FROM = '2023-01-01';
/** Catalogue review data (placeholder owner until the real documents are obtained, §7). */
export const REVIEW = { last_reviewed: '2026-11-01', next_review: '2027-05-01', owner: '珠山区人才办 政策数据组' } as const;
export const CHANGELOG_SEED = [{ date: '2026-11-01', note: '种子目录初版（演示数据）' }];

/** Region codes (issuer jurisdictions). */
export const REGION = {
  CN: 'CN',
  JX: 'CN-JX',
  JDZ: 'CN-JX-JDZ',
  ZHUSHAN: 'CN-JX-JDZ-ZHUSHAN',
  JKQ: 'CN-JX-JDZ-JKQ',
} as const;

/** Materials (evidence documents), by code. Leaves point at them through `evidence`. */
export const MATERIALS = {
  id_card: { code: 'id_card', name_zh: '身份证', name_en: 'ID card', alternatives: ['护照', '外国人永久居留身份证'] },
  passport: { code: 'passport', name_zh: '护照及有效签证或居留许可', name_en: 'passport with a valid visa or residence permit' },
  hukou_book: { code: 'hukou_book', name_zh: '户口簿', name_en: 'household register' },
  residence_proof: { code: 'residence_proof', name_zh: '居住证明', name_en: 'proof of residence', alternatives: ['居住证', '租赁合同', '境外人员住宿登记表'] },
  diploma: { code: 'diploma', name_zh: '毕业证书', name_en: 'graduation certificate', alternatives: ['学信网学历认证报告', '教育部留学服务中心学历认证书'] },
  labour_contract: { code: 'labour_contract', name_zh: '劳动合同', name_en: 'labour contract' },
  jdz_work_proof: {
    code: 'jdz_work_proof',
    name_zh: '在景工作证明',
    name_en: 'proof of work in Jingdezhen',
    alternatives: ['与景德镇用人单位签订的劳动合同', '在景注册的营业执照', '在景工作室的租赁合同（自由职业）'],
  },
  business_licence: { code: 'business_licence', name_zh: '营业执照', name_en: 'business licence' },
  social_insurance: { code: 'social_insurance', name_zh: '社保缴费证明', name_en: 'social-insurance contribution record' },
  lease: { code: 'lease', name_zh: '租赁合同', name_en: 'lease contract' },
  no_home: { code: 'no_home', name_zh: '无房承诺书', name_en: 'declaration of no home ownership', alternatives: ['不动产登记查询结果'] },
  credit_report: { code: 'credit_report', name_zh: '个人信用报告', name_en: 'personal credit report' },
  title_certificate: { code: 'title_certificate', name_zh: '职称证书', name_en: 'professional title certificate' },
  skill_certificate: { code: 'skill_certificate', name_zh: '职业技能等级证书', name_en: 'vocational skill certificate' },
  honour_certificate: { code: 'honour_certificate', name_zh: '荣誉称号证书', name_en: 'honour certificate' },
  ich_certificate: { code: 'ich_certificate', name_zh: '非遗代表性传承人认定文件', name_en: 'ICH inheritor recognition document' },
  award_certificate: { code: 'award_certificate', name_zh: '获奖证书', name_en: 'award certificate' },
  exhibition_proof: { code: 'exhibition_proof', name_zh: '参展证明', name_en: 'proof of exhibition', alternatives: ['入选通知', '展览画册'] },
  practice_proof: { code: 'practice_proof', name_zh: '从业年限证明', name_en: 'proof of years of practice', alternatives: ['劳动合同', '营业执照', '社保缴费证明'] },
  portfolio: { code: 'portfolio', name_zh: '作品集', name_en: 'portfolio' },
  commitment_letter: { code: 'commitment_letter', name_zh: '服务承诺书', name_en: 'service commitment letter' },
  relocation_proof: { code: 'relocation_proof', name_zh: '迁入证明', name_en: 'proof of relocation', alternatives: ['工作调动函', '居住证'] },
  apprentice_agreement: { code: 'apprentice_agreement', name_zh: '师带徒协议', name_en: 'apprenticeship agreements' },
  unemployment_registration: { code: 'unemployment_registration', name_zh: '失业登记证明', name_en: 'unemployment registration' },
  talent_certificate: { code: 'talent_certificate', name_zh: '人才认定证书', name_en: 'talent certificate' },
  home_purchase_contract: { code: 'home_purchase_contract', name_zh: '购房合同及不动产权证', name_en: 'home purchase contract and title deed' },
  child_documents: { code: 'child_documents', name_zh: '子女出生证明或户口簿', name_en: "child's birth certificate or household register" },
  incubator_agreement: { code: 'incubator_agreement', name_zh: '入驻孵化协议', name_en: 'incubator admission agreement' },
  project_plan: { code: 'project_plan', name_zh: '创业项目计划书', name_en: 'business or project plan' },
  artist_cv: { code: 'artist_cv', name_zh: '艺术简历及作品图片', name_en: 'artist CV and images of work' },
  stall_agreement: { code: 'stall_agreement', name_zh: '摊位入驻协议', name_en: 'stall agreement' },
  wage_records: { code: 'wage_records', name_zh: '工资发放及社保缴纳记录', name_en: 'payroll and social-insurance records' },
  employee_roster: { code: 'employee_roster', name_zh: '新招用员工花名册及参保证明', name_en: 'roster of new employees with insurance records' },
  booth_invoice: { code: 'booth_invoice', name_zh: '展位费或运输费发票', name_en: 'booth or shipping invoices' },
  bank_card: { code: 'bank_card', name_zh: '本人银行卡', name_en: 'bank card in the applicant’s name' },
} as const satisfies Record<string, Material>;
export type MaterialCode = keyof typeof MATERIALS;

export function app(mode: ApplicationMode, codes: MaterialCode[], opts: Partial<Omit<Application, 'mode' | 'materials'>> = {}): Application {
  return { mode, materials: codes.map((c) => MATERIALS[c]), manual_confirmation: false, ...opts };
}

/** A golden case on a named golden profile (string) or an inline profile. */
export function gc(name: string, profile: string | GoldenCase['profile'], eval_date: string, expect: Status, amount?: number | null): GoldenCase {
  return { name, ...(typeof profile === 'string' ? { profile_ref: profile } : { profile }), eval_date, expect, ...(amount === undefined ? {} : { amount }) };
}

const v1 = (criteria: PolicyVersion['criteria'], benefit: PolicyVersion['benefit'], extra: Partial<PolicyVersion> = {}): PolicyVersion => ({
  version: '1.0.0',
  effective_from: FROM,
  status: 'active',
  criteria,
  benefit,
  changelog: CHANGELOG_SEED,
  review: REVIEW,
  ...extra,
});

const ON = '2026-06-01';

export const JP_001: Policy = {
  code: 'JP-001',
  title_zh: '景漂人才登记（景漂服务卡）',
  title_en: 'Jingpiao registration (service card)',
  category: 'identity',
  provenance: 'modelled',
  issuer: '景德镇市景漂景归人才服务局',
  level: 'municipal',
  region_scope: [REGION.JDZ],
  tags: ['景漂', '人才登记', '服务卡', 'jingpiao', 'dengji'],
  sources: [{ title: '景德镇市景漂景归人才服务局（机构存在，登记规则为模拟）' }],
  summary_zh: '来景满 3 个月、从事陶瓷文创等行业的非本地成年人，可登记领取景漂服务卡，并以此申请各项景漂政策。',
  summary_en: 'Non-local adults in ceramics, culture, design, ICH or art who have lived in Jingdezhen for 3 months can register for the Jingpiao service card, the key to the Jingpiao policies.',
  versions: [
    v1(
      allOf(
        leaf('is_local_hukou', 'eq', false, { id: 'c_nonlocal', remediable: false }),
        leaf('months_in_jdz', 'gte', 3, { id: 'c_stay', remediable: true, time_based: true }),
        leaf('sector', 'in', SECTORS_CORE, { id: 'c_sector', remediable: false }),
        leaf('age', 'gte', 18, { id: 'c_adult', remediable: true, time_based: true }),
      ),
      { kind: 'service', text_zh: '景漂服务卡；景漂类政策的前置条件', text_en: 'Jingpiao service card; prerequisite for Jingpiao policies' },
      {
        application: app('申请', ['id_card', 'residence_proof', 'practice_proof'], { channel: '景漂服务窗口 / 线上', office: '景漂景归人才服务局', processing_days: 1 }),
        test_cases: [
          gc('小林到景六周：三个月后可登记', 'XIAOLIN', ON, 'NEAR_MISS'),
          gc('到景满三个月前一天', 'XIAOLIN', '2026-07-19', 'NEAR_MISS'),
          gc('到景满三个月当天', 'XIAOLIN', '2026-07-20', 'ELIGIBLE'),
          gc('外籍艺术家视为非本地户籍', 'EMMA', ON, 'ELIGIBLE'),
          gc('本地户籍不属景漂', 'MASTER_WANG', ON, 'INELIGIBLE'),
          gc('初次访问信息不足', 'SPARSE', ON, 'NEEDS_INFO'),
          gc('政策生效前一天', 'EMMA', '2022-12-31', 'NOT_IN_FORCE'),
        ],
      },
    ),
  ],
};

export const JP_002: Policy = {
  code: 'JP-002',
  title_zh: '青年人才驿站 免费短住',
  title_en: 'Youth talent hostel: free short stay',
  category: 'living',
  provenance: 'analog',
  issuer: '景德镇市人社局',
  level: 'municipal',
  region_scope: [REGION.JDZ],
  tags: ['青年驿站', '免费住宿', '短住', 'qingnian yizhan', 'zhusu'],
  sources: [{ title: '杭州上城、龙泉、深圳龙岗 青年人才驿站 (template)' }],
  summary_zh: '毕业两年内、大专以上、刚到景德镇一个月内的外地青年，每年可免费入住人才驿站最多 7 晚。',
  summary_en: 'Non-local graduates (大专+, within 24 months of graduation) who arrived in Jingdezhen within the last month can stay free for up to 7 nights a year.',
  versions: [
    v1(
      allOf(
        leaf('months_since_graduation', 'lte', 24),
        leaf('education', 'in', ['大专', '本科', '硕士', '博士']),
        leaf('is_local_hukou', 'eq', false),
        leaf('months_in_jdz', 'lte', 1, { remediable: false }),
      ),
      { kind: 'in_kind', text_zh: '免费入住不超过 7 晚，每年一次', text_en: 'Up to 7 nights free, once a year' },
      {
        application: app('预约', ['id_card', 'diploma'], { channel: '青年人才驿站预约小程序', processing_days: 1 }),
        test_cases: [
          gc('小林到景六周内、毕业两年内', 'XIAOLIN', ON, 'ELIGIBLE'),
          gc('在景满一个月的最后一天', 'XIAOLIN', '2026-06-19', 'ELIGIBLE'),
          gc('在景超过一个月', 'XIAOLIN', '2026-06-20', 'INELIGIBLE'),
          gc('毕业太久', 'EMMA', ON, 'INELIGIBLE'),
          gc('信息不足', 'SPARSE', ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

export const JP_003: Policy = {
  code: 'JP-003',
  title_zh: '洋景漂服务站 综合服务',
  title_en: 'Foreign Jingpiao service station',
  category: 'international',
  provenance: 'published',
  issuer: '珠山区洋景漂服务站',
  level: 'district',
  region_scope: [REGION.ZHUSHAN],
  tags: ['洋景漂', '外籍', '签证', '翻译', 'yang jingpiao', 'foreigner'],
  sources: [{ title: '珠山区洋景漂服务站（已公开运营）' }],
  summary_zh: '在景德镇的外籍人士可到洋景漂服务站获得签证居留指引、政务指南和翻译服务。',
  summary_en: 'Foreign nationals in Jingdezhen get visa and residence guidance, public-service guides and translation at the foreign Jingpiao service station.',
  versions: [
    v1(allOf(leaf('nationality', 'ne', 'CN')), {
      kind: 'service',
      text_zh: '签证与居留指引、政务指南、翻译服务',
      text_en: 'Visa and residence guidance, public-service guides, translation',
    }, {
        application: app('服务', ['passport'], { channel: '到站咨询', office: '珠山区洋景漂服务站' }),
        test_cases: [
          gc('日本籍艺术家', 'EMMA', ON, 'ELIGIBLE'),
          gc('英国籍艺术家', 'TOM', ON, 'ELIGIBLE'),
          gc('中国籍', 'XIAOLIN', ON, 'INELIGIBLE'),
          gc('国籍未知', {}, ON, 'NEEDS_INFO'),
        ],
      }),
  ],
};

const tierBenefit = (t: string) => ({ kind: 'qualification' as const, text_zh: `${t}类人才认定证书`, text_en: `Tier ${t} talent certificate` });
/**
 * "Works in Jingdezhen" (§6.2 works_in_jdz, amended): the one leaf every policy uses, proved by a labour contract, a
 * business licence or a studio lease (jdz_work_proof).
 */
/**
 * Leaves that need founding a business (a licence registered in Jingdezhen or one of its districts) are not "one
 * change away" (issue 14 §4, §6.3 rule 5): explicitly `remediable: false`, where the §6.5 default would say true.
 * (JP-030 keeps the explicit `remediable: true` of §6.5: the loan exists to start a business.)
 */
export const FOUNDING = { remediable: false } as const;

export const worksInJdz = () => leaf('works_in_jdz', 'eq', true, { evidence: 'jdz_work_proof' });

export const JP_010: Policy = {
  code: 'JP-010',
  title_zh: '高层次人才 A类（一事一议）',
  title_en: 'High-level talent, tier A (case by case)',
  category: 'tier',
  provenance: 'modelled',
  issuer: '景德镇市委人才办',
  level: 'municipal',
  region_scope: [REGION.JDZ],
  tags: ['高层次人才', 'A类人才', '人才认定', 'gaocengci rencai', 'rencai rending'],
  sources: [{ title: '杭州、温州 高层次人才分类目录 (template)' }],
  summary_zh: '持有两项以上国家级（B类）荣誉的顶尖人才，经人才办一事一议评审认定为 A 类人才。',
  summary_en: 'Top talent holding two or more national (B-level) honours can be certified as tier A after a case-by-case panel review.',
  tier: 'A',
  exclusion_groups: ['X-TIER'],
  versions: [
    v1(allOf(leaf('honours_b_level_count', 'gte', 2, { id: 'c_two_b' }), manual('c_panel', { label_zh: '人才办一事一议评审', label_en: 'case-by-case panel review' })), {
      ...tierBenefit('A'),
      text_zh: 'A类人才认定（一事一议）',
      text_en: 'Tier A certification (case by case)',
    }, {
        application: app('认定', ['id_card', 'honour_certificate', 'ich_certificate'], { channel: '人才认定系统', office: '景德镇市委人才办', processing_days: 20, manual_confirmation: true }),
        test_cases: [
          gc('两项 B 类荣誉，待一事一议评审', 'MASTER_WANG', ON, 'NEEDS_REVIEW'),
          gc('无荣誉', 'XIAOLIN', ON, 'INELIGIBLE'),
          gc('荣誉信息未知', 'SPARSE', ON, 'NEEDS_INFO'),
        ],
      }),
  ],
};

export const JP_011: Policy = {
  code: 'JP-011',
  title_zh: '高层次人才 B类',
  title_en: 'High-level talent, tier B',
  category: 'tier',
  provenance: 'modelled',
  issuer: '景德镇市委人才办',
  level: 'municipal',
  region_scope: [REGION.JDZ],
  tags: ['高层次人才', 'B类人才', '人才认定', 'gaocengci rencai', 'rencai rending'],
  sources: [{ title: '杭州、温州 高层次人才分类目录 (template)' }],
  summary_zh: '中国工艺美术大师、中国陶瓷艺术大师、国家级非遗传承人或中华技能大奖获得者，在景工作或居住的，可认定为 B 类人才。',
  summary_en: 'National masters, national ICH inheritors and 中华技能大奖 winners who work or live in Jingdezhen can be certified as tier B.',
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
      {
        application: app('认定', ['id_card', 'honour_certificate', 'ich_certificate', 'residence_proof'], { channel: '人才认定系统', office: '景德镇市委人才办', processing_days: 20, manual_confirmation: true }),
        test_cases: [
          gc('中国陶瓷艺术大师', 'MASTER_WANG', ON, 'ELIGIBLE'),
          gc('无 B 类荣誉', 'EMMA', ON, 'INELIGIBLE'),
          gc('荣誉信息未知', 'SPARSE', ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

export const JP_012: Policy = {
  code: 'JP-012',
  title_zh: '高层次人才 C类',
  title_en: 'High-level talent, tier C',
  category: 'tier',
  provenance: 'modelled',
  issuer: '景德镇市委人才办',
  level: 'municipal',
  region_scope: [REGION.JDZ],
  tags: ['高层次人才', 'C类人才', '人才认定', 'gaocengci rencai', 'rencai rending'],
  sources: [{ title: '杭州、温州 高层次人才分类目录 (template)' }],
  summary_zh: '省级工艺美术大师、省级非遗传承人或正高级职称人员，在景工作的，可认定为 C 类人才。',
  summary_en: 'Provincial masters, provincial ICH inheritors and holders of a full senior title who work in Jingdezhen can be certified as tier C.',
  tier: 'C',
  exclusion_groups: ['X-TIER'],
  versions: [
    v1(
      allOf(
        anyOf(leaf('honours', 'contains_any', ['省级工艺美术大师']), leaf('ich.level', 'eq', 'provincial'), leaf('title.level', 'eq', '正高')),
        worksInJdz(),
      ),
      tierBenefit('C'),
      {
        application: app('认定', ['id_card', 'honour_certificate', 'ich_certificate', 'title_certificate', 'jdz_work_proof'], { channel: '人才认定系统', office: '景德镇市委人才办', processing_days: 20, manual_confirmation: true }),
        test_cases: [
          gc('外省省级大师在景开公司', 'ZHAO', ON, 'ELIGIBLE'),
          gc('已符合更高的 B 类', 'MASTER_WANG', ON, 'EXCLUDED'),
          gc('无 C 类条件', 'XIAOLIN', ON, 'INELIGIBLE'),
          gc('信息不足', 'SPARSE', ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

export const JP_013: Policy = {
  code: 'JP-013',
  title_zh: '高层次人才 D类',
  title_en: 'High-level talent, tier D',
  category: 'tier',
  provenance: 'modelled',
  issuer: '景德镇市委人才办',
  level: 'municipal',
  region_scope: [REGION.JDZ],
  tags: ['高层次人才', 'D类人才', '人才认定', 'gaocengci rencai', 'rencai rending'],
  sources: [{ title: '杭州、温州 高层次人才分类目录 (template)' }],
  summary_zh: '市级大师、市级非遗传承人、副高级职称、五年内国家级金奖或博士，在景工作的，可认定为 D 类人才。',
  summary_en: 'Municipal masters or ICH inheritors, associate senior titles, national gold medallists (5 yrs) and PhDs who work in Jingdezhen can be certified as tier D.',
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
      {
        application: app('认定', ['id_card', 'honour_certificate', 'title_certificate', 'award_certificate', 'diploma', 'jdz_work_proof'], { channel: '人才认定系统', office: '景德镇市委人才办', processing_days: 20, manual_confirmation: true }),
        test_cases: [
          gc('博士、在景经营', { ...EMMA, education: '博士' }, ON, 'ELIGIBLE'),
          gc('副高但已符合更高的 C 类', 'ZHAO', ON, 'EXCLUDED'),
          gc('无 D 类条件', 'XIAOLIN', ON, 'INELIGIBLE'),
          gc('信息不足', 'SPARSE', ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

export const JP_014: Policy = {
  code: 'JP-014',
  title_zh: '高层次人才 E类',
  title_en: 'High-level talent, tier E',
  category: 'tier',
  provenance: 'modelled',
  issuer: '景德镇市委人才办',
  level: 'municipal',
  region_scope: [REGION.JDZ],
  tags: ['高层次人才', 'E类人才', '人才认定', 'gaocengci rencai', 'rencai rending'],
  sources: [{ title: '杭州、温州 高层次人才分类目录 (template)' }],
  summary_zh: '中级职称（45 岁以下）、硕士（40 岁以下）、技师以上或五年内省级金奖，在景工作的，可认定为 E 类人才。',
  summary_en: 'Intermediate titles (≤ 45), master’s graduates (≤ 40), technicians and above, or provincial gold medallists (5 yrs) who work in Jingdezhen can be certified as tier E.',
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
      {
        application: app('认定', ['id_card', 'title_certificate', 'diploma', 'skill_certificate', 'award_certificate', 'jdz_work_proof'], { channel: '人才认定系统', office: '景德镇市委人才办', processing_days: 20, manual_confirmation: true }),
        test_cases: [
          gc('硕士 40 岁以下', 'EMMA', ON, 'ELIGIBLE'),
          gc('41 岁生日前一天', 'EMMA', '2035-08-19', 'ELIGIBLE'),
          gc('41 岁生日当天（年龄上限可随时间变化的条件按 §6.5 默认可补正）', 'EMMA', '2035-08-20', 'NEAR_MISS'),
          gc('中级职称 45 岁以下', 'LIHUA', ON, 'ELIGIBLE'),
          gc('已符合更高的 B 类', 'MASTER_WANG', ON, 'EXCLUDED'),
        ],
      },
    ),
  ],
};

export const JP_020: Policy = {
  code: 'JP-020',
  title_zh: '人才公寓',
  title_en: 'Talent apartments',
  category: 'housing',
  provenance: 'modelled',
  issuer: '景德镇市住建局、市委人才办',
  level: 'municipal',
  region_scope: [REGION.JDZ],
  tags: ['人才公寓', '免租', '租金减半', 'rencai gongyu', 'zufang'],
  sources: [{ title: '龙泉 青创公寓免租 (template)' }, { title: '上海静安 人才公寓约六折 (template)' }],
  summary_zh: '在景工作且在景无房的 B–D 类人才可免租入住人才公寓，E 类人才或景漂租金减半。',
  summary_en: 'Tier B–D talent working in Jingdezhen without a home there live rent-free in talent apartments; tier E or Jingpiao pay half rent.',
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
      {
        application: app('申请', ['id_card', 'talent_certificate', 'jdz_work_proof', 'no_home'], { office: '景德镇市住建局', processing_days: 30, manual_confirmation: true }),
        test_cases: [
          gc('E 类人才（硕士），租金减半', 'EMMA', ON, 'ELIGIBLE', null),
          gc('景漂设计师', 'AJIE', ON, 'ELIGIBLE'),
          gc('自由职业景漂，珠山区工作室，无营业执照', 'XIAOYU', ON, 'ELIGIBLE'),
          gc('自由职业，工作室不在景', { ...XIAOYU, studio: { ...XIAOYU.studio, district: '南昌县' } }, ON, 'NEAR_MISS'),
          gc('自由职业，工作室所在地未填', { ...XIAOYU, studio: null }, ON, 'NEEDS_INFO'),
          gc('E 类人才（中级职称）', 'LIHUA', ON, 'ELIGIBLE'),
          gc('在景有房', 'MASTER_WANG', ON, 'INELIGIBLE'),
          gc('已在享受人才公寓', { ...AJIE, receiving: [{ policy_id: 'JP-020', since: '2025-09-01' }] }, ON, 'ALREADY_RECEIVING'),
          gc('信息不足', 'SPARSE', ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

export const JP_021: Policy = {
  code: 'JP-021',
  title_zh: '青年人才租房补贴',
  title_en: 'Young talent rent subsidy',
  category: 'housing',
  provenance: 'modelled',
  issuer: '景德镇市人社局',
  level: 'municipal',
  region_scope: [REGION.JDZ],
  tags: ['租房补贴', '青年人才', '毕业生', 'zufang butie', 'qingnian'],
  sources: [{ title: '杭州 E类人才租房补贴 (template)' }],
  summary_zh: '35 岁以下、毕业五年内的大专以上青年，在景缴社保满 6 个月且无房，每月领租房补贴 300–1,500 元，最长 3 年。',
  summary_en: 'Graduates (大专+) aged 35 or under, within 5 years of graduation, with 6 months of Jingdezhen social insurance and no home get CNY 300–1,500 a month for up to 3 years.',
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
      {
        application: app('快申快享', ['id_card', 'diploma', 'social_insurance', 'lease', 'no_home', 'bank_card'], { channel: '赣服通', processing_days: 10, payout_days: 30 }),
        test_cases: [
          gc('本科，社保 10 个月', 'AJIE', ON, 'ELIGIBLE', 500),
          gc('社保不足 6 个月', 'XIAOLIN', ON, 'NEAR_MISS', 500),
          gc('毕业满 60 个月前一天', 'AJIE', '2029-07-19', 'ELIGIBLE', 500),
          gc('毕业满 60 个月后', 'AJIE', '2029-07-20', 'INELIGIBLE'),
          gc('已在享受人才公寓', { ...AJIE, receiving: [{ policy_id: 'JP-020', since: '2025-09-01' }] }, ON, 'EXCLUDED'),
          gc('毕业太久', 'EMMA', ON, 'INELIGIBLE'),
        ],
      },
    ),
  ],
};

export const JP_030: Policy = {
  code: 'JP-030',
  title_zh: '个人创业担保贷款',
  title_en: 'Guaranteed start-up loan (individuals)',
  category: 'finance',
  provenance: 'analog',
  issuer: '景德镇市人社局、市财政局',
  level: 'municipal',
  region_scope: [REGION.JDZ],
  tags: ['创业担保贷款', '贴息', '创业贷', 'chuangye daikuan', 'tiexi'],
  sources: [{ title: '国家创业担保贷款政策 (template)' }, { title: '深圳 创业担保贷款 (template)' }],
  summary_zh: '在景注册经营、信用良好的 18–60 岁中国籍创业者（毕业五年内、景漂或登记失业），可申请最高 30 万元贴息创业担保贷款。',
  summary_en: 'Chinese founders aged 18–60 with a business registered in Jingdezhen and good credit (recent graduates, Jingpiao or registered unemployed) can borrow up to CNY 300k with interest subsidy.',
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
      {
        application: app('申请', ['id_card', 'business_licence', 'credit_report', 'diploma', 'unemployment_registration'], { office: '景德镇市创业担保贷款服务中心', processing_days: 15, manual_confirmation: true }),
        test_cases: [
          gc('景漂设计师的个体工商户', 'AJIE', ON, 'ELIGIBLE', 300_000),
          gc('还未注册营业执照', 'XIAOLIN', ON, 'NEAR_MISS'),
          gc('外籍不适用', 'EMMA', ON, 'INELIGIBLE', null),
          gc('参保员工 5 人以上，额度 60 万', { ...AJIE, business: { ...AJIE.business, employees_insured: 5 } }, ON, 'ELIGIBLE', 600_000),
          gc('信息不足', 'SPARSE', ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

export const JP_032: Policy = {
  code: 'JP-032',
  title_zh: '景漂贷',
  title_en: 'Jingpiao loan',
  category: 'finance',
  provenance: 'modelled',
  issuer: '景德镇市金融办及合作银行',
  level: 'municipal',
  region_scope: [REGION.JDZ],
  tags: ['景漂贷', '贷款', '免息', 'jingpiao dai', 'daikuan'],
  sources: [{ title: '景漂贷（额度 90 万元已公开；准入规则为模拟）' }],
  summary_zh: '在景注册陶瓷文创类经营主体、信用良好的景漂，可申请最高 90 万元、部分免息的景漂贷。',
  summary_en: 'Jingpiao with a ceramics or creative business registered in Jingdezhen and good credit can borrow up to CNY 900k, partly interest-free.',
  exclusion_groups: ['X-LOAN'],
  versions: [
    v1(
      allOf(gate('JP-001'), leaf('business.registered_in_jdz', 'eq', true, FOUNDING), leaf('sector', 'in', SECTORS_CORE), leaf('credit_bad', 'eq', false)),
      { kind: 'loan', amount: 900_000, text_zh: '贷款额度 ≤ 90 万元，部分免息', text_en: 'Loan up to CNY 900k, partly interest-free' },
      {
        application: app('申请', ['id_card', 'business_licence', 'credit_report'], { channel: '合作银行网点', processing_days: 15, manual_confirmation: true }),
        test_cases: [
          gc('外籍景漂的工作室', 'EMMA', ON, 'ELIGIBLE', 900_000),
          gc('景漂设计师', 'AJIE', ON, 'ELIGIBLE', 900_000),
          gc('已在享受创业担保贷款', { ...AJIE, receiving: [{ policy_id: 'JP-030', since: '2026-02-01' }] }, ON, 'EXCLUDED'),
          gc('本地户籍非景漂', 'MASTER_WANG', ON, 'INELIGIBLE'),
          gc('景漂但尚无经营主体：需先创业，不算一步之遥', 'XIAOYU', ON, 'INELIGIBLE'),
          gc('信息不足', 'SPARSE', ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

const jp033Criteria = allOf(
  leaf('months_since_graduation', 'lte', 24, { remediable: false }),
  leaf('business.first_time', 'eq', true, { remediable: false }), // a fact about the past: nobody can change it
  leaf('business.registered_in_jdz', 'eq', true, FOUNDING),
  leaf('business_operating_months', 'gte', 6, { time_based: true }),
);

/** A 2024 graduate whose first business opened in 珠山区 on 2024-06-01: six months old on 2024-12-01. */
const GRAD_2024 = { ...AJIE, graduation_date: '2024-06-30', business: { ...AJIE.business, registered_date: '2024-06-01' } };
const jp033App = app('快申快享', ['id_card', 'diploma', 'business_licence', 'bank_card'], { channel: '赣服通', processing_days: 10, payout_days: 30 });

export const JP_033: Policy = {
  code: 'JP-033',
  title_zh: '高校毕业生一次性创业补贴',
  title_en: 'One-off start-up grant for graduates',
  category: 'startup',
  provenance: 'analog',
  issuer: '景德镇市人社局',
  level: 'municipal',
  region_scope: [REGION.JDZ],
  tags: ['创业补贴', '一次性', '毕业生', 'chuangye butie', 'yicixing'],
  sources: [{ title: '高校毕业生一次性创业补贴 3,000 / 5,000 元标准 (template)' }],
  summary_zh: '毕业两年内、首次创业、在景注册经营满 6 个月的高校毕业生，可领一次性创业补贴（2025 年起 5,000 元）。',
  summary_en: 'Graduates within 24 months of graduation whose first business has operated in Jingdezhen for 6 months get a one-off grant (CNY 5,000 from 2025).',
  exclusion_groups: ['X-ONCE'],
  versions: [
    {
      version: '1.0.0',
      effective_from: '2021-01-01',
      effective_to: '2024-12-31',
      status: 'active',
      criteria: jp033Criteria,
      benefit: { kind: 'cash_once', amount: 3000, period: 'once', text_zh: '一次性补贴 3,000 元', text_en: 'One-off CNY 3,000' },
      application: jp033App,
      test_cases: [
        gc('v1 最后一天：3,000 元', GRAD_2024, '2024-12-31', 'ELIGIBLE', 3000),
        gc('经营未满 6 个月', GRAD_2024, '2024-11-30', 'NEAR_MISS', 3000),
        gc('尚未创业', 'XIAOLIN', '2024-12-31', 'INELIGIBLE'),
        gc('已领过', { ...GRAD_2024, received: [{ policy_id: 'JP-033', date: '2024-12-15' }] }, '2024-12-31', 'EXCLUDED'),
      ],
      changelog: [{ date: '2021-01-01', note: '首版：3,000 元' }],
      review: REVIEW,
    },
    {
      version: '2.0.0',
      effective_from: '2025-01-01',
      status: 'active',
      supersedes: '1.0.0',
      criteria: jp033Criteria,
      benefit: { kind: 'cash_once', amount: 5000, period: 'once', text_zh: '一次性补贴 5,000 元', text_en: 'One-off CNY 5,000' },
      application: jp033App,
      test_cases: [
        gc('v2 第一天：5,000 元', GRAD_2024, '2025-01-01', 'ELIGIBLE', 5000),
        gc('经营满 6 个月前', 'AJIE', ON, 'NEAR_MISS', 5000),
        gc('经营满 6 个月当天', 'AJIE', '2026-07-10', 'ELIGIBLE', 5000),
        gc('毕业超过 24 个月', 'AJIE', '2026-07-20', 'INELIGIBLE'),
        gc('已领过（每人一次）', { ...AJIE, received: [{ policy_id: 'JP-033', date: '2026-07-12' }] }, '2026-07-15', 'EXCLUDED'),
        gc('企业注册在景外：需在景创业，不算一步之遥', { ...AJIE, business: { ...AJIE.business!, registered_district: '南昌县' } }, '2026-07-10', 'INELIGIBLE'),
        gc('并非首次创业', { ...AJIE, business: { ...AJIE.business!, first_time: false } }, '2026-07-10', 'INELIGIBLE'),
      ],
      changelog: [{ date: '2025-01-01', note: '标准提高至 5,000 元' }],
      review: REVIEW,
    },
  ],
};

export const JP_036: Policy = {
  code: 'JP-036',
  title_zh: '珠山区景漂工作室租金补贴',
  title_en: 'Zhushan Jingpiao studio rent subsidy',
  category: 'space',
  provenance: 'modelled',
  issuer: '珠山区人社局',
  level: 'district',
  region_scope: [REGION.ZHUSHAN],
  tags: ['工作室', '租金补贴', '珠山区', 'gongzuoshi', 'zujin butie'],
  sources: [{ title: '珠山区景漂工作室租金补贴（模拟规则）' }],
  summary_zh: '工作室和营业执照都在珠山区、租期 1 年以上、面积 15 ㎡以上的景漂，可领租金 50% 补贴，每年最高 6,000 元，最长 2 年。',
  summary_en: 'Jingpiao whose studio and business are both in Zhushan (lease ≥ 12 months, ≥ 15 m²) get 50% of the rent back, up to CNY 6,000 a year for 2 years.',
  versions: [
    v1(
      allOf(
        gate('JP-001'),
        leaf('studio.district', 'eq', '珠山区'),
        leaf('business.registered_district', 'eq', '珠山区', FOUNDING),
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
      {
        application: app('快申快享', ['id_card', 'business_licence', 'lease', 'bank_card'], { channel: '珠山区政务服务中心', processing_days: 10, payout_days: 30 }),
        test_cases: [
          gc('珠山区工作室，封顶 6,000', 'EMMA', ON, 'ELIGIBLE', 6000),
          gc('工作室在昌江区', 'AJIE', ON, 'NEAR_MISS', 3600),
          gc('珠山区工作室但无营业执照：需先办执照，不算一步之遥', 'XIAOYU', ON, 'INELIGIBLE'),
          gc('本地户籍', 'MASTER_WANG', ON, 'INELIGIBLE'),
          gc('信息不足', 'SPARSE', ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

export const JP_040: Policy = {
  code: 'JP-040',
  title_zh: '助理工艺美术师 申报资格',
  title_en: 'Eligibility to apply: assistant arts-and-crafts artist',
  category: 'title',
  provenance: 'published',
  issuer: '江西省人社厅',
  level: 'provincial',
  region_scope: [REGION.JX],
  tags: ['职称', '助理工艺美术师', '申报', 'zhicheng', 'gongyi meishu'],
  sources: [{ title: '江西省工艺美术专业职称申报条件（助理工艺美术师）' }],
  summary_zh: '未退休、学历与从业年限达到要求（如本科满 1 年）的人员，可申报助理工艺美术师。',
  summary_en: 'Anyone not retired whose education and years of practice meet the path (e.g. 本科 + 1 year) may apply for the assistant arts-and-crafts title.',
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
      {
        application: app('申请', ['id_card', 'diploma', 'practice_proof'], { channel: '江西省职称申报系统', processing_days: 60 }),
        test_cases: [
          gc('本科从业满 1 年', 'XIAOLIN', ON, 'ELIGIBLE'),
          gc('本科从业满 1 年前一天', 'XIAOLIN', '2025-06-30', 'NEAR_MISS'),
          gc('本科从业满 1 年当天', 'XIAOLIN', '2025-07-01', 'ELIGIBLE'),
          gc('已退休', 'MASTER_WANG', ON, 'INELIGIBLE'),
          gc('信息不足', 'SPARSE', ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

export const JP_041: Policy = {
  code: 'JP-041',
  title_zh: '工艺美术师（中级）申报资格',
  title_en: 'Eligibility to apply: arts-and-crafts artist (intermediate)',
  category: 'title',
  provenance: 'modelled',
  issuer: '江西省人社厅',
  level: 'provincial',
  region_scope: [REGION.JX],
  tags: ['职称', '工艺美术师', '中级', 'zhicheng', 'gongyi meishushi'],
  sources: [{ title: '江西省工艺美术专业职称申报条件（工艺美术师；业绩条件为简化模拟）' }],
  summary_zh: '未退休、学历资历达标并在五年内有省级以上获奖或参展的人员，可申报工艺美术师（中级）。',
  summary_en: 'Anyone not retired who meets an education/seniority path and has a provincial-or-higher award or exhibition within 5 years may apply for the intermediate title.',
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
      {
        application: app('申请', ['id_card', 'diploma', 'title_certificate', 'practice_proof', 'award_certificate', 'exhibition_proof'], { channel: '江西省职称申报系统', processing_days: 90 }),
        test_cases: [
          gc('硕士满 2 年且近期国家级参展', 'EMMA', ON, 'ELIGIBLE'),
          gc('资历未满', 'AJIE', ON, 'NEAR_MISS'),
          gc('已退休', 'MASTER_WANG', ON, 'INELIGIBLE'),
          gc('信息不足', 'SPARSE', ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

export const JP_050: Policy = {
  code: 'JP-050',
  title_zh: '国家级非遗传承人 传习补助',
  title_en: 'National ICH inheritor subsidy',
  category: 'ich',
  provenance: 'published',
  issuer: '文化和旅游部（中央财政）',
  level: 'national',
  region_scope: [REGION.CN],
  tags: ['非遗', '国家级传承人', '传习补助', 'feiyi', 'chuancheng'],
  sources: [{ title: '国家级非物质文化遗产代表性传承人传习补助（每人每年 2 万元）' }],
  summary_zh: '国家级非遗代表性传承人每年获得 2 万元传习补助，无需申请。',
  summary_en: 'National ICH inheritors receive CNY 20,000 a year for transmission work, without applying.',
  versions: [
    v1(
      allOf(leaf('ich.level', 'eq', 'national')),
      { kind: 'cash_periodic', amount: 20_000, period: 'year', text_zh: '每年 20,000 元', text_en: 'CNY 20,000 a year' },
      {
        application: app('免申即享', ['ich_certificate', 'bank_card'], { payout_days: 30 }),
        test_cases: [
          gc('已在领取', 'MASTER_WANG', ON, 'ALREADY_RECEIVING', 20_000),
          gc('国家级传承人尚未领取', { ...MASTER_WANG, receiving: [] }, ON, 'ELIGIBLE', 20_000),
          gc('非传承人', 'XIAOLIN', ON, 'INELIGIBLE'),
          gc('信息不足', 'SPARSE', ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

export const JP_053: Policy = {
  code: 'JP-053',
  title_zh: '引进大师 入驻补贴',
  title_en: 'Relocation grant for masters',
  category: 'honour',
  provenance: 'analog',
  issuer: '景德镇市委人才办',
  level: 'municipal',
  region_scope: [REGION.JDZ],
  tags: ['引进大师', '入驻补贴', '大师', 'yinjin dashi', 'ruzhu butie'],
  sources: [{ title: '荣县 引进陶瓷大师入驻补贴 (template)' }],
  summary_zh: '一年内迁入景德镇并承诺服务 3 年以上的国家级或省级工艺美术大师，可获 200 万元或 60 万元入驻补贴，分三期拨付。',
  summary_en: 'National or provincial masters who moved to Jingdezhen within the last 12 months and commit to 3 years get CNY 2,000,000 or 600,000, paid in three instalments.',
  exclusion_groups: ['X-INTRO'],
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
      {
        application: app('申请', ['id_card', 'honour_certificate', 'relocation_proof', 'commitment_letter'], { office: '景德镇市委人才办', processing_days: 30, manual_confirmation: true }),
        test_cases: [
          gc('迁入日期与承诺未填', 'MASTER_WANG', ON, 'NEEDS_INFO', 2_000_000),
          gc('外省省级大师迁入 5 个月', 'ZHAO', ON, 'ELIGIBLE', 600_000),
          gc('迁入满 12 个月当天', 'ZHAO', '2027-01-15', 'ELIGIBLE', 600_000),
          gc('迁入超过 12 个月', 'ZHAO', '2027-01-16', 'INELIGIBLE'),
          gc('已领取非遗传承人入驻补贴（二选一）', { ...ZHAO, received: [{ policy_id: 'JP-054', date: '2026-03-01' }] }, ON, 'EXCLUDED'),
          gc('无大师称号', 'XIAOLIN', ON, 'INELIGIBLE'),
        ],
      },
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
  issuer: '景德镇市人社局',
  level: 'municipal',
  region_scope: [REGION.JDZ],
  tags: ['师带徒', '大师带徒', '徒弟', 'shi dai tu', 'xuetu'],
  sources: [{ title: '师带徒补贴（模拟规则）' }],
  summary_zh: '有大师称号、非遗传承人身份或副高以上职称、带 2 名以上 35 岁以下徒弟（协议满 1 年）的师傅，每名徒弟每年补贴 3,000 元，最多 5 名。',
  summary_en: 'Masters, ICH inheritors or senior-titled artists training two or more apprentices aged 35 or under (agreements ≥ 12 months) get CNY 3,000 per apprentice a year, up to 5.',
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
      {
        application: app('申请', ['id_card', 'honour_certificate', 'ich_certificate', 'title_certificate', 'apprentice_agreement'], { processing_days: 30, manual_confirmation: true }),
        test_cases: [
          gc('两名合格徒弟', 'MASTER_WANG', ON, 'ELIGIBLE', 6000),
          gc('三名合格徒弟', 'ZHAO', ON, 'ELIGIBLE', 9000),
          gc('无称号', 'XIAOLIN', ON, 'INELIGIBLE'),
          gc('信息不足', 'SPARSE', ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

export const JP_060: Policy = {
  code: 'JP-060',
  title_zh: '公共窑炉烧成补贴（窑位券）',
  title_en: 'Public kiln firing vouchers',
  category: 'space',
  provenance: 'modelled',
  issuer: '珠山区人社局',
  level: 'district',
  region_scope: [REGION.ZHUSHAN],
  tags: ['窑位券', '烧成补贴', '窑炉', 'yaowei quan', 'shaocheng'],
  sources: [{ title: '珠山区公共窑炉烧成补贴（模拟规则）' }],
  summary_zh: '35 岁以下的景漂在合作窑炉烧窑可享五折，每年最多 12 窑次、3,000 元。',
  summary_en: 'Jingpiao aged 35 or under get 50% off partner kiln firings, up to 12 firings and CNY 3,000 a year.',
  versions: [
    v1(
      allOf(gate('JP-001'), leaf('age', 'lte', 35, { id: 'c_age35', remediable: false })),
      { kind: 'voucher', rate: 0.5, cap: 3000, period: 'year', text_zh: '合作窑炉烧成费五折，每年 ≤ 12 窑次且 ≤ 3,000 元', text_en: '50% off partner kiln fees, ≤ 12 firings and ≤ CNY 3,000 a year' },
      {
        application: app('预约', ['id_card'], { channel: '窑位预约小程序' }),
        test_cases: [
          gc('外籍景漂 31 岁', 'EMMA', ON, 'ELIGIBLE', null),
          gc('36 岁生日前一天', 'EMMA', '2030-08-19', 'ELIGIBLE'),
          gc('36 岁生日当天', 'EMMA', '2030-08-20', 'INELIGIBLE'),
          gc('景漂登记尚差一个多月', 'XIAOLIN', ON, 'NEAR_MISS'),
          gc('信息不足', 'SPARSE', ON, 'NEEDS_INFO'),
        ],
      },
    ),
  ],
};

export const JP_061: Policy = {
  code: 'JP-061',
  title_zh: '青年个展 展厅免费使用',
  title_en: 'Free gallery for a solo show',
  category: 'space',
  provenance: 'modelled',
  issuer: '珠山区文广新旅局',
  level: 'district',
  region_scope: [REGION.ZHUSHAN],
  tags: ['个展', '展厅', '青年', 'gezhan', 'zhanting'],
  sources: [{ title: '青年个展展厅免费使用（模拟规则）' }],
  summary_zh: '有人才层次或三年内省级以上获奖、作品 20 件以上的创作者，每年可免费使用展厅办一次个展（14 天内）。',
  summary_en: 'Creators with a talent tier or a provincial-or-higher award within 3 years and at least 20 works get one free solo show (≤ 14 days) a year.',
  versions: [
    v1(
      allOf(
        anyOf(leaf('tier', 'in', ['B', 'C', 'D', 'E']), leaf('awards', 'count_gte', 1, { filter: { level: ['provincial', 'national'], within_months: 36 } })),
        leaf('portfolio_count', 'gte', 20, { id: 'c_portfolio', remediable: true }),
      ),
      { kind: 'in_kind', text_zh: '每年一次免费个展，≤ 14 天', text_en: 'One free solo show a year, up to 14 days' },
      {
        application: app('预约', ['id_card', 'portfolio', 'talent_certificate', 'award_certificate'], { processing_days: 10 }),
        test_cases: [
          gc('E 类人才，作品 40 件', 'EMMA', ON, 'ELIGIBLE'),
          gc('B 类人才', 'MASTER_WANG', ON, 'ELIGIBLE'),
          gc('无层次无奖项', 'XIAOLIN', ON, 'INELIGIBLE'),
          gc('信息不足', 'SPARSE', ON, 'NEEDS_INFO'),
        ],
      },
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
