import { z } from 'zod';
import { compareYmd, parseIsoDate, type Ymd } from '@/lib/talent/dates';
import {
  BUSINESS_FORMS,
  canonicalProfileSchema,
  EDUCATION,
  EMPLOYMENT,
  HONOUR_TYPES,
  ICH_LEVELS,
  SECTORS,
  SKILL_LEVELS,
  TITLE_LEVELS,
  type CanonicalProfile,
} from '@/lib/talent/profile-schema';

/**
 * Rules-as-code data model for policy matching (domain-talent-policy.md §6.1, §6.2). Pure data + validation; the
 * evaluator lives in ./evaluate.ts.
 */

// ---------------------------------------------------------------------------------------------------------------
// Field names (§6.2): one list, raw canonical paths first, then the derived ones.
// ---------------------------------------------------------------------------------------------------------------

export const RAW_FIELD_NAMES = [
  'birth_date',
  'nationality',
  'hukou_province',
  'hukou_city',
  'residence_since',
  'residence_district',
  'education',
  'graduation_date',
  'practice_start',
  'sector',
  'crafts',
  'employment',
  'employer_district',
  'social_insurance_months_jdz',
  'business.form',
  'business.registered_district',
  'business.registered_date',
  'business.first_time',
  'business.employees_insured',
  'studio.district',
  'studio.lease_months',
  'studio.area_m2',
  'studio.monthly_rent',
  'studio.government_free',
  'owns_home_in_jdz',
  'title.level',
  'title.date',
  'skill_level',
  'honours',
  'ich.level',
  'ich.project',
  'ich.year',
  'awards',
  'exhibitions',
  'portfolio_count',
  'apprentices',
  'relocated_to_jdz_date',
  'commitment_years',
  'retired',
  'credit_bad',
  'registered_unemployed',
  'receiving',
  'received',
] as const;

export const DERIVED_FIELD_NAMES = [
  'age',
  'is_local_hukou',
  'months_in_jdz',
  'months_since_graduation',
  'practice_years',
  'business_operating_months',
  'years_since_title',
  'works_in_jdz',
  'works_or_lives_in_jdz',
  'business.registered_in_jdz',
  'honours_b_level_count',
  'awards_or_exhibitions',
  'tier',
] as const;

/** Every field name a criterion may reference. */
export const FIELD_NAMES = [...RAW_FIELD_NAMES, ...DERIVED_FIELD_NAMES] as const;
export type RawFieldName = (typeof RAW_FIELD_NAMES)[number];
export type DerivedFieldName = (typeof DERIVED_FIELD_NAMES)[number];
export type FieldName = (typeof FIELD_NAMES)[number];

export const TIER_LETTERS = ['A', 'B', 'C', 'D', 'E'] as const;
export type TierLetter = (typeof TIER_LETTERS)[number];

export type FieldType = 'string' | 'number' | 'boolean' | 'date' | 'list';
export type ItemAttrType = 'string' | 'number' | 'date';

export interface FieldSpec {
  type: FieldType;
  /** Allowed values for enumerated fields ('none' is a known answer, §6.2). */
  enum?: readonly (string | number)[];
  derived?: boolean;
  label_zh: string;
  label_en: string;
  /** List fields: the attribute that contains_any / contains_all compare ('self' for lists of strings). */
  key?: string;
  /** List fields: item attributes usable in a filter. */
  attrs?: Readonly<Record<string, ItemAttrType>>;
  /** List fields whose items carry a `date` or only a `year` (filter key `within_months`). */
  dated?: boolean;
}

const honourAttrs = { type: 'string', province: 'string', year: 'number' } as const;
const awardAttrs = { level: 'string', rank: 'string', year: 'number', date: 'date', name: 'string' } as const;
const exhibitionAttrs = { level: 'string', year: 'number', date: 'date', name: 'string' } as const;

export const FIELD_SPECS: Readonly<Record<FieldName, FieldSpec>> = {
  birth_date: { type: 'date', label_zh: '出生日期', label_en: 'date of birth' },
  nationality: { type: 'string', label_zh: '国籍', label_en: 'nationality' },
  hukou_province: { type: 'string', label_zh: '户籍省份', label_en: 'hukou province' },
  hukou_city: { type: 'string', label_zh: '户籍城市', label_en: 'hukou city' },
  residence_since: { type: 'date', label_zh: '来景居住起始日期', label_en: 'living in Jingdezhen since' },
  residence_district: { type: 'string', label_zh: '居住区县', label_en: 'district of residence' },
  education: { type: 'string', enum: EDUCATION, label_zh: '学历', label_en: 'education' },
  graduation_date: { type: 'date', label_zh: '毕业日期', label_en: 'graduation date' },
  practice_start: { type: 'date', label_zh: '从业起始日期', label_en: 'start of practice' },
  sector: { type: 'string', enum: SECTORS, label_zh: '行业', label_en: 'sector' },
  crafts: { type: 'list', key: 'self', label_zh: '工种', label_en: 'crafts' },
  employment: { type: 'string', enum: EMPLOYMENT, label_zh: '就业形式', label_en: 'employment' },
  employer_district: { type: 'string', label_zh: '用人单位所在区县', label_en: "employer's district" },
  social_insurance_months_jdz: { type: 'number', label_zh: '在景社保缴纳月数', label_en: 'months of social insurance in Jingdezhen' },
  'business.form': { type: 'string', enum: BUSINESS_FORMS, label_zh: '经营主体形式', label_en: 'business form' },
  'business.registered_district': { type: 'string', label_zh: '营业执照注册地', label_en: 'district of business registration' },
  'business.registered_date': { type: 'date', label_zh: '营业执照注册日期', label_en: 'business registration date' },
  'business.first_time': { type: 'boolean', label_zh: '首次创业', label_en: 'first-time founder' },
  'business.employees_insured': { type: 'number', label_zh: '参保员工人数', label_en: 'insured employees' },
  'studio.district': { type: 'string', label_zh: '工作室所在区县', label_en: 'studio district' },
  'studio.lease_months': { type: 'number', label_zh: '工作室租期（月）', label_en: 'studio lease (months)' },
  'studio.area_m2': { type: 'number', label_zh: '工作室面积（㎡）', label_en: 'studio area (m²)' },
  'studio.monthly_rent': { type: 'number', label_zh: '工作室月租金', label_en: 'studio monthly rent' },
  'studio.government_free': { type: 'boolean', label_zh: '政府免租场地', label_en: 'rent-free government space' },
  owns_home_in_jdz: { type: 'boolean', label_zh: '在景有自有住房', label_en: 'owns a home in Jingdezhen' },
  'title.level': { type: 'string', enum: TITLE_LEVELS, label_zh: '职称', label_en: 'professional title' },
  'title.date': { type: 'date', label_zh: '职称取得日期', label_en: 'date of title' },
  skill_level: { type: 'number', enum: SKILL_LEVELS, label_zh: '职业技能等级', label_en: 'skill level' },
  honours: { type: 'list', key: 'type', attrs: honourAttrs, label_zh: '荣誉称号', label_en: 'honours' },
  'ich.level': { type: 'string', enum: ICH_LEVELS, label_zh: '非遗传承人级别', label_en: 'ICH inheritor level' },
  'ich.project': { type: 'string', label_zh: '非遗项目', label_en: 'ICH project' },
  'ich.year': { type: 'number', label_zh: '非遗认定年份', label_en: 'ICH recognition year' },
  awards: { type: 'list', key: 'level', attrs: awardAttrs, dated: true, label_zh: '获奖', label_en: 'awards' },
  exhibitions: { type: 'list', key: 'level', attrs: exhibitionAttrs, dated: true, label_zh: '参展', label_en: 'exhibitions' },
  portfolio_count: { type: 'number', label_zh: '作品数量', label_en: 'portfolio size' },
  apprentices: { type: 'list', attrs: { age: 'number', agreement_months: 'number' }, label_zh: '徒弟', label_en: 'apprentices' },
  relocated_to_jdz_date: { type: 'date', label_zh: '迁入景德镇日期', label_en: 'date of relocation to Jingdezhen' },
  commitment_years: { type: 'number', label_zh: '服务承诺年限', label_en: 'service commitment (years)' },
  retired: { type: 'boolean', label_zh: '已退休', label_en: 'retired' },
  credit_bad: { type: 'boolean', label_zh: '有不良信用记录', label_en: 'bad credit record' },
  registered_unemployed: { type: 'boolean', label_zh: '登记失业', label_en: 'registered unemployed' },
  receiving: { type: 'list', key: 'policy_id', attrs: { policy_id: 'string', since: 'date' }, label_zh: '正在享受的政策', label_en: 'policies currently received' },
  received: { type: 'list', key: 'policy_id', attrs: { policy_id: 'string', date: 'date' }, label_zh: '已享受过的政策', label_en: 'policies received before' },
  // derived
  age: { type: 'number', derived: true, label_zh: '年龄（周岁）', label_en: 'age' },
  is_local_hukou: { type: 'boolean', derived: true, label_zh: '景德镇本地户籍', label_en: 'Jingdezhen hukou' },
  months_in_jdz: { type: 'number', derived: true, label_zh: '在景月数', label_en: 'months in Jingdezhen' },
  months_since_graduation: { type: 'number', derived: true, label_zh: '毕业月数', label_en: 'months since graduation' },
  practice_years: { type: 'number', derived: true, label_zh: '从业年限', label_en: 'years of practice' },
  business_operating_months: { type: 'number', derived: true, label_zh: '经营月数', label_en: 'months in business' },
  years_since_title: { type: 'number', derived: true, label_zh: '取得职称年限', label_en: 'years since title' },
  works_in_jdz: { type: 'boolean', derived: true, label_zh: '在景工作', label_en: 'works in Jingdezhen' },
  works_or_lives_in_jdz: { type: 'boolean', derived: true, label_zh: '在景工作或居住', label_en: 'works or lives in Jingdezhen' },
  'business.registered_in_jdz': { type: 'boolean', derived: true, label_zh: '营业执照注册在景', label_en: 'business registered in Jingdezhen' },
  honours_b_level_count: { type: 'number', derived: true, label_zh: 'B类荣誉数量', label_en: 'number of B-level honours' },
  awards_or_exhibitions: {
    type: 'list',
    derived: true,
    key: 'level',
    attrs: awardAttrs,
    dated: true,
    label_zh: '获奖或参展',
    label_en: 'awards or exhibitions',
  },
  tier: { type: 'string', derived: true, enum: [...TIER_LETTERS, 'none'], label_zh: '人才层次', label_en: 'talent tier' },
};

/** Derived fields computed from a date and the evaluation date; they grow with time (eligible_from, valid_until). */
export const DATE_DERIVED: Readonly<Partial<Record<FieldName, { source: RawFieldName; unit: 'age' | 'months' | 'years' }>>> = {
  age: { source: 'birth_date', unit: 'age' },
  months_in_jdz: { source: 'residence_since', unit: 'months' },
  months_since_graduation: { source: 'graduation_date', unit: 'months' },
  practice_years: { source: 'practice_start', unit: 'years' },
  business_operating_months: { source: 'business.registered_date', unit: 'months' },
  years_since_title: { source: 'title.date', unit: 'years' },
};

/**
 * §6.5 preamble: leaves on these fields default to `remediable: false`; every other field leaf defaults to true.
 * (`hukou_*` covers hukou_province and hukou_city.)
 */
export const NON_REMEDIABLE_FIELDS: readonly FieldName[] = [
  'honours',
  'ich.level',
  'ich.project',
  'ich.year',
  'title.level',
  'title.date',
  'skill_level',
  'awards',
  'nationality',
  'hukou_province',
  'hukou_city',
  'is_local_hukou',
  'education',
  'tier',
  'honours_b_level_count',
  'years_since_title',
];

/**
 * The version of a policy in force on a date (§6.3 rule 1): the active version whose effective range holds the date,
 * both ends included. Drafts (previewed through golden.ts withVersion, which marks them active) and retired versions
 * are never in force. The one definition: the evaluator, the SQL prefilter and every service read this.
 */
export function versionInForce<V extends Pick<PolicyVersion, 'effective_from' | 'effective_to' | 'status'>>(p: { versions: readonly V[] }, on: string | Ymd): V | null {
  const day = typeof on === 'string' ? parseIsoDate(on) : on;
  if (!day) return null;
  return (
    p.versions.find((v) => {
      if (v.status === 'draft' || v.status === 'retired') return false;
      const from = parseIsoDate(v.effective_from);
      const to = v.effective_to ? parseIsoDate(v.effective_to) : null;
      return from !== null && compareYmd(from, day) <= 0 && (to === null || compareYmd(day, to) <= 0);
    }) ?? null
  );
}

export function defaultRemediable(field: FieldName): boolean {
  return !NON_REMEDIABLE_FIELDS.includes(field);
}

// ---------------------------------------------------------------------------------------------------------------
// Criteria
// ---------------------------------------------------------------------------------------------------------------

export const OPS = [
  'eq',
  'ne',
  'in',
  'not_in',
  'gte',
  'lte',
  'between',
  'exists',
  'contains_any',
  'contains_all',
  'count_gte',
  'within_months',
  'older_than_months',
] as const;
export type Op = (typeof OPS)[number];

export type Scalar = string | number | boolean;
export type LeafValue = Scalar | (string | number)[];
/**
 * Filter on list items (for count_gte / contains_*): `attr: value | value[]` (equals / one of), `attr_gte`,
 * `attr_lte` (numbers), and `within_months` (item `date`, or 31 December of its `year`).
 */
export type ListFilter = Record<string, Scalar | (string | number)[]>;

interface NodeText {
  id?: string;
  label_zh?: string;
  label_en?: string;
}

interface LeafText extends NodeText {
  explain_pass_zh?: string;
  explain_pass_en?: string;
  explain_fail_zh?: string;
  explain_fail_en?: string;
  hint_zh?: string;
  hint_en?: string;
  evidence?: string;
  citation?: string;
}

export interface FieldLeaf extends LeafText {
  kind: 'leaf';
  field: FieldName;
  op: Op;
  value?: LeafValue;
  unit?: string;
  filter?: ListFilter;
  remediable?: boolean;
  time_based?: boolean;
  gate?: undefined;
  manual?: false;
}

/** `{gate: 'JP-001'}`: MET if the upstream policy is ELIGIBLE or held, UNKNOWN if NEEDS_INFO, else NOT_MET (§6.5). */
export interface GateLeaf extends LeafText {
  kind: 'leaf';
  gate: string;
  field?: undefined;
  op?: undefined;
  manual?: false;
}

/** Committee judgement: REVIEW, evaluated only when everything else passes (§6.3 rule 3). */
export interface ManualLeaf extends LeafText {
  kind: 'leaf';
  manual: true;
  field?: undefined;
  op?: undefined;
  gate?: undefined;
}

export type LeafNode = FieldLeaf | GateLeaf | ManualLeaf;
export interface GroupNode extends NodeText {
  kind: 'all' | 'any';
  children: CriterionNode[];
}
export interface NotNode extends NodeText {
  kind: 'not';
  child: CriterionNode;
}
export type CriterionNode = GroupNode | NotNode | LeafNode;

export const isGateLeaf = (n: CriterionNode): n is GateLeaf => n.kind === 'leaf' && typeof n.gate === 'string';
export const isManualLeaf = (n: CriterionNode): n is ManualLeaf => n.kind === 'leaf' && n.manual === true;
export const isFieldLeaf = (n: CriterionNode): n is FieldLeaf => n.kind === 'leaf' && typeof n.field === 'string';

// ---------------------------------------------------------------------------------------------------------------
// Policies
// ---------------------------------------------------------------------------------------------------------------

export const CATEGORIES = ['identity', 'tier', 'housing', 'startup', 'finance', 'title', 'honour', 'ich', 'space', 'living', 'international'] as const;
export const PROVENANCES = ['published', 'analog', 'modelled'] as const;
export const PERIODS = ['month', 'year', 'once'] as const;
export const BENEFIT_KINDS = ['cash_once', 'cash_periodic', 'rent_discount', 'loan', 'interest_subsidy', 'in_kind', 'service', 'qualification', 'voucher'] as const;

/**
 * Whether a policy's amount is a ceiling rather than money received: a loan or an interest subsidy, or any policy of
 * the finance category. Such amounts are shown as "贷款额度最高 …" and never summed with money (我的政策, 我的申请,
 * the approval dialog, the impact preview, the zone dashboard).
 */
export function isAmountCeiling(category: string | null | undefined, benefitKind: string | null | undefined): boolean {
  return category === 'finance' || benefitKind === 'loan' || benefitKind === 'interest_subsidy';
}
export const APPLICATION_MODES = ['免申即享', '快申快享', '申请', '认定', '预约', '服务'] as const;
export const LEVELS = ['national', 'provincial', 'municipal', 'district', 'park'] as const;
export const VERSION_STATUSES = ['draft', 'active', 'retired'] as const;
export const EXCLUSION_RULES = ['one_active_at_a_time', 'once_per_person', 'highest_tier_only', 'one_of'] as const;
export const STATUSES = ['ELIGIBLE', 'NEAR_MISS', 'NEEDS_INFO', 'NEEDS_REVIEW', 'INELIGIBLE', 'EXCLUDED', 'ALREADY_RECEIVING', 'NOT_IN_FORCE'] as const;
export const CRITERION_RESULTS = ['MET', 'NOT_MET', 'UNKNOWN', 'REVIEW'] as const;

export type Status = (typeof STATUSES)[number];
export type PolicyLevel = (typeof LEVELS)[number];
export type VersionStatus = (typeof VERSION_STATUSES)[number];
export type ApplicationMode = (typeof APPLICATION_MODES)[number];
export type CriterionResult = (typeof CRITERION_RESULTS)[number];
export type ExclusionRule = (typeof EXCLUSION_RULES)[number];

/** A number read from the profile, times a constant: `{field: 'studio.monthly_rent', times: 12}`. */
export interface AmountBase {
  field: FieldName;
  times?: number;
}

export interface AmountRow {
  /** Absent = "else". Rows are tried in order; the first MET row applies. */
  when?: CriterionNode;
  amount?: number;
  rate?: number;
  of?: AmountBase;
  cap?: number;
  duration_months?: number;
  text_zh?: string;
  text_en?: string;
}

export interface Benefit {
  kind?: (typeof BENEFIT_KINDS)[number];
  amount?: number;
  currency?: 'CNY';
  amount_table?: AmountRow[];
  rate?: number;
  of?: AmountBase;
  cap?: number;
  period?: (typeof PERIODS)[number];
  duration_months?: number;
  schedule?: number[];
  /** Amount per counted list item, e.g. per apprentice (count uses the filter), at most cap_count items. */
  per?: { field: FieldName; filter?: ListFilter; cap_count?: number };
  text_zh: string;
  text_en?: string;
}

/** A document that proves a criterion; leaves point at it through `evidence` (= code). */
export interface Material {
  code: string;
  name_zh: string;
  name_en?: string;
  /** Other documents accepted instead (zh). */
  alternatives?: string[];
}

/** How to apply (§6.1). `manual_confirmation` = 二次确认 by staff before money moves. */
export interface Application {
  mode: ApplicationMode;
  channel?: string;
  office?: string;
  hotline?: string;
  materials: Material[];
  processing_days?: number;
  payout_days?: number;
  manual_confirmation: boolean;
}

/**
 * A golden test case shipped with a rule version (§6.1 test_cases): a profile (a named golden profile, or inline),
 * an evaluation date and the expected status (and amount estimate, when given; null = no estimate).
 */
export interface GoldenCase {
  name: string;
  profile_ref?: string;
  profile?: Partial<CanonicalProfile>;
  eval_date: string;
  expect: Status;
  amount?: number | null;
}

export interface PolicyVersion {
  version: string;
  effective_from: string;
  /** Inclusive; absent = open-ended. */
  effective_to?: string;
  /** Absent = active. Draft versions are never in force (they are previewed through golden cases). */
  status?: VersionStatus;
  /** The version this one replaces. */
  supersedes?: string;
  criteria: CriterionNode;
  benefit: Benefit;
  application?: Application;
  /** Optional while drafting; every catalogue version carries at least three (catalogue.test.ts). */
  test_cases?: GoldenCase[];
  changelog?: { date: string; note: string }[];
  review?: { last_reviewed: string; next_review: string; owner: string };
}

export interface PolicySource {
  title: string;
  url?: string;
  doc_no?: string;
  published_at?: string;
}

/**
 * A policy (§6.1). The descriptive metadata (issuer, level, region_scope, tags, sources, summaries) is optional in
 * the shape so that a draft can be saved early; `metadataIssues` lists what a publishable policy still lacks.
 */
export interface Policy {
  code: string;
  title_zh: string;
  title_en?: string;
  category: (typeof CATEGORIES)[number];
  provenance: (typeof PROVENANCES)[number];
  /** Tier letter for the high-level-talent tier policies (JP-010…014); feeds the derived `tier` field. */
  tier?: TierLetter;
  issuer?: string;
  level?: PolicyLevel;
  /** The issuer's jurisdiction (e.g. CN-JX-JDZ-ZHUSHAN). Residence or location requirements are explicit criteria. */
  region_scope?: string[];
  /** Searchable keywords, zh + pinyin. */
  tags?: string[];
  /** For analog / modelled policies: what the rule patterns on ("… (template)"); never an invented URL. */
  sources?: PolicySource[];
  /** One plain-language sentence: who it is for and what you get. */
  summary_zh?: string;
  summary_en?: string;
  exclusion_groups?: string[];
  versions: PolicyVersion[];
}

export interface ExclusionGroup {
  id: string;
  policy_codes: string[];
  rule: ExclusionRule;
  /**
   * once_per_person / one_of only. 'group' (default, §6.3 rule 4): holding any member excludes every member.
   * 'policy': each member is once per person on its own (X-ONCE, "applied per policy").
   */
  scope?: 'group' | 'policy';
  /**
   * once_per_person only: per policy, a date field of the profile; a receipt (received[].date / receiving[].since)
   * dated before that date no longer counts. JP-045 → title.date models "once per title level".
   */
  renews_on?: Record<string, FieldName>;
  note_zh?: string;
}

export interface CriterionReport {
  id: string;
  result: CriterionResult;
  /** The sentence in the talent's own view (second person). */
  explanation: { zh: string; en: string };
  /** What the sentence is made of (./phrases.ts), to phrase it again for staff; absent when explanations are off. */
  facts?: import('./phrases').CriterionFacts;
}

export interface EvaluationResult {
  policyCode: string;
  version: string | null;
  status: Status;
  amountEstimate: number | null;
  criteria: CriterionReport[];
  missingFields: string[];
  nearMiss: { criterionId: string; eligibleFrom?: string } | null;
  validUntil: string | null;
  excludedBy: string[];
  chooseOne: boolean;
}

// ---------------------------------------------------------------------------------------------------------------
// zod schemas (shape). Semantic checks (value types per op, filters, overlapping versions) are in validatePolicy.
// ---------------------------------------------------------------------------------------------------------------

const isoDateSchema = z.string().refine((s) => parseIsoDate(s) !== null, { message: 'not an ISO date (YYYY-MM-DD)' });
const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);
const leafValueSchema = z.union([scalarSchema, z.array(z.union([z.string(), z.number()]))]);
const listFilterSchema = z.record(z.string(), leafValueSchema);
const fieldNameSchema = z.enum(FIELD_NAMES, { error: (iss) => `unknown field '${String(iss.input)}'` });
const opSchema = z.enum(OPS, { error: (iss) => `unknown op '${String(iss.input)}'` });
const text = z.string().optional();
const nodeText = { id: z.string().min(1).max(80).optional(), label_zh: text, label_en: text };

const leafObjectSchema = z
  .strictObject({
    kind: z.literal('leaf'),
    ...nodeText,
    explain_pass_zh: text,
    explain_pass_en: text,
    explain_fail_zh: text,
    explain_fail_en: text,
    hint_zh: text,
    hint_en: text,
    evidence: text,
    citation: text,
    field: fieldNameSchema.optional(),
    op: opSchema.optional(),
    value: leafValueSchema.optional(),
    unit: text,
    filter: listFilterSchema.optional(),
    remediable: z.boolean().optional(),
    time_based: z.boolean().optional(),
    gate: z.string().min(1).optional(),
    manual: z.boolean().optional(),
  })
  .superRefine((leaf, ctx) => {
    const shapes = [leaf.field !== undefined || leaf.op !== undefined, leaf.gate !== undefined, leaf.manual === true].filter(Boolean).length;
    if (shapes !== 1) {
      ctx.addIssue({ code: 'custom', message: 'a leaf is exactly one of: {field, op}, {gate} or {manual: true}' });
      return;
    }
    if ((leaf.field === undefined) !== (leaf.op === undefined)) ctx.addIssue({ code: 'custom', message: 'a field leaf needs both field and op' });
    if (leaf.field === undefined) {
      for (const k of ['value', 'unit', 'filter', 'remediable', 'time_based'] as const)
        if (leaf[k] !== undefined) ctx.addIssue({ code: 'custom', path: [k], message: `'${k}' is only allowed on field leaves` });
    }
  });

/** Recursive CriterionNode schema. The leaf object is refined into exactly one leaf shape, hence the cast. */
export const criterionNodeSchema: z.ZodType<CriterionNode> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('all'), ...nodeText, children: z.array(criterionNodeSchema).min(1) }),
    z.strictObject({ kind: z.literal('any'), ...nodeText, children: z.array(criterionNodeSchema).min(1) }),
    z.strictObject({ kind: z.literal('not'), ...nodeText, child: criterionNodeSchema }),
    leafObjectSchema,
  ]),
) as unknown as z.ZodType<CriterionNode>;

const amountBaseSchema = z.strictObject({ field: fieldNameSchema, times: z.number().positive().optional() });

export const benefitSchema = z.strictObject({
  kind: z.enum(BENEFIT_KINDS).optional(),
  amount: z.number().nonnegative().optional(),
  currency: z.literal('CNY').optional(),
  amount_table: z
    .array(
      z.strictObject({
        when: criterionNodeSchema.optional(),
        amount: z.number().nonnegative().optional(),
        rate: z.number().positive().max(1).optional(),
        of: amountBaseSchema.optional(),
        cap: z.number().nonnegative().optional(),
        duration_months: z.number().int().positive().optional(),
        text_zh: text,
        text_en: text,
      }),
    )
    .min(1)
    .optional(),
  rate: z.number().positive().max(1).optional(),
  of: amountBaseSchema.optional(),
  cap: z.number().nonnegative().optional(),
  period: z.enum(PERIODS).optional(),
  duration_months: z.number().int().positive().optional(),
  schedule: z.array(z.number().positive().max(1)).min(1).optional(),
  per: z.strictObject({ field: fieldNameSchema, filter: listFilterSchema.optional(), cap_count: z.number().int().positive().optional() }).optional(),
  text_zh: z.string().min(1),
  text_en: text,
});

const semverSchema = z.string().regex(/^\d+\.\d+\.\d+$/, 'version must be semver (e.g. 1.0.0)');

export const materialSchema = z.strictObject({
  code: z.string().regex(/^[a-z][a-z0-9_]*$/, 'material code must be snake_case'),
  name_zh: z.string().min(1),
  name_en: text,
  alternatives: z.array(z.string().min(1)).optional(),
});

export const applicationSchema = z.strictObject({
  mode: z.enum(APPLICATION_MODES),
  channel: text,
  office: text,
  hotline: text,
  materials: z.array(materialSchema),
  processing_days: z.number().int().nonnegative().optional(),
  payout_days: z.number().int().nonnegative().optional(),
  manual_confirmation: z.boolean(),
});

export const goldenCaseSchema = z
  .strictObject({
    name: z.string().min(1),
    profile_ref: z.string().min(1).optional(),
    profile: canonicalProfileSchema.optional(),
    eval_date: isoDateSchema,
    expect: z.enum(STATUSES),
    amount: z.number().nullable().optional(),
  })
  .superRefine((c, ctx) => {
    if ((c.profile_ref === undefined) === (c.profile === undefined)) ctx.addIssue({ code: 'custom', message: 'a golden case has exactly one of profile_ref or profile' });
  });

export const policyVersionSchema = z.strictObject({
  version: semverSchema,
  effective_from: isoDateSchema,
  effective_to: isoDateSchema.optional(),
  status: z.enum(VERSION_STATUSES).optional(),
  supersedes: semverSchema.optional(),
  criteria: criterionNodeSchema,
  benefit: benefitSchema,
  application: applicationSchema.optional(),
  test_cases: z.array(goldenCaseSchema).optional(),
  changelog: z.array(z.strictObject({ date: isoDateSchema, note: z.string().min(1) })).optional(),
  review: z.strictObject({ last_reviewed: isoDateSchema, next_review: isoDateSchema, owner: z.string().min(1) }).optional(),
});

export const policySchema = z.strictObject({
  code: z.string().regex(/^[A-Z][A-Z0-9]*-\d{3}$/, 'policy code must look like JP-001'),
  title_zh: z.string().min(1),
  title_en: text,
  category: z.enum(CATEGORIES),
  provenance: z.enum(PROVENANCES),
  tier: z.enum(TIER_LETTERS).optional(),
  issuer: text,
  level: z.enum(LEVELS).optional(),
  region_scope: z.array(z.string().regex(/^CN(-[A-Z]{2,})*$/, 'region code must look like CN-JX-JDZ')).optional(),
  tags: z.array(z.string().min(1)).optional(),
  sources: z
    .array(z.strictObject({ title: z.string().min(1), url: z.url({ protocol: /^https?$/ }).optional(), doc_no: text, published_at: isoDateSchema.optional() }))
    .optional(),
  summary_zh: text,
  summary_en: text,
  exclusion_groups: z.array(z.string()).optional(),
  versions: z.array(policyVersionSchema).min(1),
});

export const exclusionGroupSchema = z.strictObject({
  id: z.string().min(1),
  policy_codes: z.array(z.string()).min(1),
  rule: z.enum(EXCLUSION_RULES),
  scope: z.enum(['group', 'policy']).optional(),
  renews_on: z.record(z.string(), fieldNameSchema).optional(),
  note_zh: text,
});

// ---------------------------------------------------------------------------------------------------------------
// Builders (used by the catalogue and the tests)
// ---------------------------------------------------------------------------------------------------------------

type LeafOpts = Omit<FieldLeaf, 'kind' | 'field' | 'op' | 'value'>;

export const allOf = (...children: CriterionNode[]): GroupNode => ({ kind: 'all', children });
export const anyOf = (...children: CriterionNode[]): GroupNode => ({ kind: 'any', children });
export const not = (child: CriterionNode): NotNode => ({ kind: 'not', child });
export function leaf(field: FieldName, op: Op, value?: LeafValue, opts: LeafOpts = {}): FieldLeaf {
  return { kind: 'leaf', field, op, ...(value === undefined ? {} : { value }), ...opts };
}
export const gate = (code: string, opts: Omit<GateLeaf, 'kind' | 'gate'> = {}): GateLeaf => ({ kind: 'leaf', gate: code, ...opts });
export const manual = (id: string, opts: Omit<ManualLeaf, 'kind' | 'manual' | 'id'> = {}): ManualLeaf => ({ kind: 'leaf', manual: true, id, ...opts });

// ---------------------------------------------------------------------------------------------------------------
// Tree helpers
// ---------------------------------------------------------------------------------------------------------------

export function childrenOf(n: CriterionNode): CriterionNode[] {
  return n.kind === 'all' || n.kind === 'any' ? n.children : n.kind === 'not' ? [n.child] : [];
}

/** Leaves in declaration (pre-order) order. */
export function leavesOf(n: CriterionNode): LeafNode[] {
  return n.kind === 'leaf' ? [n] : childrenOf(n).flatMap(leavesOf);
}

function autoId(l: LeafNode): string {
  if (isGateLeaf(l)) return `gate_${l.gate}`;
  if (isManualLeaf(l)) return 'manual';
  return `${l.field}_${l.op}`;
}

const idCache = new WeakMap<CriterionNode, CriterionNode>();

/**
 * A copy of the tree in which every leaf has an id: explicit ids are kept; the others get `<field>_<op>`,
 * `gate_<code>` or `manual`, with `_2`, `_3`… appended on collision. Deterministic; memoised per tree object.
 */
export function withLeafIds(root: CriterionNode): CriterionNode {
  const cached = idCache.get(root);
  if (cached) return cached;
  const used = new Set(leavesOf(root).flatMap((l) => (l.id ? [l.id] : [])));
  const copy = (n: CriterionNode): CriterionNode => {
    if (n.kind === 'not') return { ...n, child: copy(n.child) };
    if (n.kind !== 'leaf') return { ...n, children: n.children.map(copy) };
    if (n.id) return n;
    const base = autoId(n);
    let id = base;
    for (let i = 2; used.has(id); i++) id = `${base}_${i}`;
    used.add(id);
    return { ...n, id };
  };
  const out = copy(root);
  idCache.set(root, out);
  return out;
}

/** Upstream policies a criteria tree depends on: gate targets, plus 'tier' when it reads the derived tier. */
export function dependenciesOf(n: CriterionNode): { gates: string[]; readsTier: boolean } {
  const ls = leavesOf(n);
  return { gates: [...new Set(ls.filter(isGateLeaf).map((l) => l.gate))], readsTier: ls.some((l) => isFieldLeaf(l) && l.field === 'tier') };
}

/**
 * The policies one code's status depends on: itself, its gates and tier policies (criteria and amount rows,
 * transitively), and the members of its highest_tier_only groups (their rank and roots decide EXCLUDED). Statuses
 * over this sub-catalogue equal those over the whole catalogue; missing_fields may be ordered differently (the
 * evaluator orders them by how many policies of the catalogue ask for each).
 */
export function dependencyClosure(code: string, catalogue: readonly Policy[], groups: readonly ExclusionGroup[]): Policy[] {
  const byCode = new Map(catalogue.map((p) => [p.code, p]));
  const tierCodes = catalogue.filter((p) => p.tier).map((p) => p.code);
  const seen = new Set<string>();
  const visit = (c: string) => {
    if (seen.has(c) || !byCode.has(c)) return;
    seen.add(c);
    for (const v of byCode.get(c)!.versions) {
      const trees = [v.criteria, ...(v.benefit.amount_table ?? []).flatMap((r) => (r.when ? [r.when] : []))];
      for (const tree of trees) {
        const d = dependenciesOf(tree);
        d.gates.forEach(visit);
        if (d.readsTier) tierCodes.forEach(visit);
      }
    }
    for (const g of groups) if (g.rule === 'highest_tier_only' && g.policy_codes.includes(c)) g.policy_codes.forEach(visit);
  };
  visit(code);
  return catalogue.filter((p) => seen.has(p.code));
}

// ---------------------------------------------------------------------------------------------------------------
// Validation
// ---------------------------------------------------------------------------------------------------------------

export interface ValidationIssue {
  path: string;
  message: string;
}

function fmtPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '');
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isStrOrNumArray = (v: unknown): v is (string | number)[] => Array.isArray(v);

function checkScalarForField(spec: FieldSpec, v: unknown): string | null {
  if (spec.enum) return spec.enum.includes(v as string | number) ? null : `value ${JSON.stringify(v)} is not one of ${spec.enum.join(', ')}`;
  switch (spec.type) {
    case 'string':
      return typeof v === 'string' ? null : `expected a string, got ${JSON.stringify(v)}`;
    case 'number':
      return isNum(v) ? null : `expected a number, got ${JSON.stringify(v)}`;
    case 'boolean':
      return typeof v === 'boolean' ? null : `expected a boolean, got ${JSON.stringify(v)}`;
    case 'date':
      return typeof v === 'string' && parseIsoDate(v) ? null : `expected an ISO date, got ${JSON.stringify(v)}`;
    default:
      return `a list field takes contains_any, contains_all, count_gte or exists`;
  }
}

function checkFilter(field: FieldName, spec: FieldSpec, filter: ListFilter, at: string, out: ValidationIssue[]) {
  if (spec.type !== 'list' || !spec.attrs) {
    out.push({ path: at, message: `field '${field}' does not take a filter` });
    return;
  }
  for (const [key, v] of Object.entries(filter)) {
    const p = `${at}.${key}`;
    if (key === 'within_months') {
      if (!spec.dated) out.push({ path: p, message: `items of '${field}' carry no date` });
      else if (!isNum(v) || !Number.isInteger(v) || v <= 0) out.push({ path: p, message: 'within_months takes a positive integer' });
      continue;
    }
    const m = /^(.*)_(gte|lte)$/.exec(key);
    if (m && spec.attrs[m[1]!] !== undefined) {
      if (spec.attrs[m[1]!] !== 'number') out.push({ path: p, message: `'${m[1]}' is not a number attribute` });
      else if (!isNum(v)) out.push({ path: p, message: `${key} takes a number` });
      continue;
    }
    const attr = spec.attrs[key];
    if (attr === undefined) {
      out.push({ path: p, message: `unknown filter attribute '${key}' for '${field}'` });
      continue;
    }
    const vals = Array.isArray(v) ? v : [v];
    if (vals.length === 0) out.push({ path: p, message: 'empty list' });
    for (const x of vals) if (attr === 'number' ? !isNum(x) : typeof x !== 'string') out.push({ path: p, message: `expected ${attr} values, got ${JSON.stringify(x)}` });
  }
}

function checkFieldLeaf(l: FieldLeaf, at: string, out: ValidationIssue[]) {
  const spec = FIELD_SPECS[l.field];
  const v = l.value;
  const err = (message: string, sub = 'value') => out.push({ path: `${at}.${sub}`, message });
  const needType = (types: FieldType[]) => {
    if (types.includes(spec.type)) return true;
    out.push({ path: `${at}.op`, message: `op '${l.op}' does not apply to ${spec.type} field '${l.field}'` });
    return false;
  };
  switch (l.op) {
    case 'eq':
    case 'ne': {
      if (!needType(['string', 'number', 'boolean', 'date'])) break;
      if (v === undefined || Array.isArray(v)) err(`op '${l.op}' takes a single value`);
      else {
        const e = checkScalarForField(spec, v);
        if (e) err(e);
      }
      break;
    }
    case 'in':
    case 'not_in': {
      if (!needType(['string', 'number'])) break;
      if (!isStrOrNumArray(v) || v.length === 0) err(`op '${l.op}' takes a non-empty list`);
      else
        for (const x of v) {
          const e = checkScalarForField(spec, x);
          if (e) err(e);
        }
      break;
    }
    case 'gte':
    case 'lte':
      if (!needType(['number'])) break;
      if (!isNum(v)) err(`op '${l.op}' takes a number`);
      break;
    case 'between':
      if (!needType(['number'])) break;
      if (!isStrOrNumArray(v) || v.length !== 2 || !isNum(v[0]) || !isNum(v[1])) err("op 'between' takes [low, high]");
      else if (v[0] > v[1]) err("op 'between': low > high");
      break;
    case 'exists':
      if (v !== undefined && typeof v !== 'boolean') err("op 'exists' takes no value (or a boolean)");
      break;
    case 'contains_any':
    case 'contains_all':
      if (!needType(['list'])) break;
      if (!spec.key) {
        out.push({ path: `${at}.op`, message: `items of '${l.field}' have no key to compare` });
        break;
      }
      if (!isStrOrNumArray(v) || v.length === 0 || v.some((x) => typeof x !== 'string')) err(`op '${l.op}' takes a non-empty list of strings`);
      else if (l.field === 'honours') for (const x of v) if (!(HONOUR_TYPES as readonly string[]).includes(String(x))) err(`unknown honour '${x}'`);
      break;
    case 'count_gte':
      if (!needType(['list'])) break;
      if (!isNum(v) || !Number.isInteger(v) || v < 0) err("op 'count_gte' takes a non-negative integer");
      break;
    case 'within_months':
    case 'older_than_months':
      if (!needType(['date'])) break;
      if (!isNum(v) || !Number.isInteger(v) || v <= 0) err(`op '${l.op}' takes a positive number of months`);
      break;
  }
  if (l.filter !== undefined) {
    if (!['count_gte', 'contains_any', 'contains_all'].includes(l.op)) err(`op '${l.op}' does not take a filter`, 'filter');
    else checkFilter(l.field, spec, l.filter, `${at}.filter`, out);
  }
  if (l.remediable === false && l.time_based === true) out.push({ path: at, message: 'time_based implies remediable; remediable: false contradicts it' });
}

function checkTree(n: CriterionNode, at: string, out: ValidationIssue[], ids: Map<string, string>, selfCode?: string) {
  if (n.kind === 'leaf') {
    if (n.id) {
      const prev = ids.get(n.id);
      if (prev) out.push({ path: `${at}.id`, message: `duplicate criterion id '${n.id}' (also at ${prev})` });
      else ids.set(n.id, at);
    }
    if (isFieldLeaf(n)) checkFieldLeaf(n, at, out);
    else if (isGateLeaf(n) && n.gate === selfCode) out.push({ path: `${at}.gate`, message: `policy ${selfCode} gates itself` });
    return;
  }
  if (n.kind === 'not') checkTree(n.child, `${at}.child`, out, ids, selfCode);
  else n.children.forEach((c, i) => checkTree(c, `${at}.children[${i}]`, out, ids, selfCode));
}

function checkBase(b: AmountBase | undefined, at: string, out: ValidationIssue[]) {
  if (b && FIELD_SPECS[b.field].type !== 'number') out.push({ path: `${at}.field`, message: `'${b.field}' is not a number field` });
}

/** Semantic and shape errors of one policy; [] when valid. */
export function validatePolicy(input: unknown): ValidationIssue[] {
  const parsed = policySchema.safeParse(input);
  if (!parsed.success) return parsed.error.issues.map((i) => ({ path: fmtPath(i.path), message: i.message }));
  const p = parsed.data as Policy;
  const out: ValidationIssue[] = [];
  p.versions.forEach((v, i) => {
    const at = `versions[${i}]`;
    checkTree(v.criteria, `${at}.criteria`, out, new Map(), p.code);
    v.benefit.amount_table?.forEach((row, j) => {
      if (row.when) checkTree(row.when, `${at}.benefit.amount_table[${j}].when`, out, new Map(), p.code);
      checkBase(row.of, `${at}.benefit.amount_table[${j}].of`, out);
    });
    checkBase(v.benefit.of, `${at}.benefit.of`, out);
    const per = v.benefit.per;
    if (per) {
      if (FIELD_SPECS[per.field].type !== 'list') out.push({ path: `${at}.benefit.per.field`, message: `'${per.field}' is not a list field` });
      else if (per.filter) checkFilter(per.field, FIELD_SPECS[per.field], per.filter, `${at}.benefit.per.filter`, out);
    }
    const from = parseIsoDate(v.effective_from)!;
    if (v.effective_to && compareYmd(parseIsoDate(v.effective_to)!, from) < 0) out.push({ path: `${at}.effective_to`, message: 'effective_to is before effective_from' });
    if (v.supersedes !== undefined && !p.versions.some((w) => w.version === v.supersedes && w !== v))
      out.push({ path: `${at}.supersedes`, message: `supersedes unknown version ${v.supersedes}` });
    if (v.review && v.review.next_review < v.review.last_reviewed) out.push({ path: `${at}.review.next_review`, message: 'next_review is before last_reviewed' });
    if (v.application) {
      const codes = new Set<string>();
      v.application.materials.forEach((m, j) => {
        if (codes.has(m.code)) out.push({ path: `${at}.application.materials[${j}].code`, message: `duplicate material code ${m.code}` });
        codes.add(m.code);
      });
      for (const l of leavesOf(v.criteria))
        if (l.evidence !== undefined && !codes.has(l.evidence)) out.push({ path: `${at}.criteria`, message: `evidence '${l.evidence}' of criterion ${l.id ?? '(no id)'} is not among the materials` });
    }
  });
  const seen = new Map<string, number>();
  p.versions.forEach((v, i) => {
    if (seen.has(v.version)) out.push({ path: `versions[${i}].version`, message: `duplicate version ${v.version}` });
    seen.set(v.version, i);
  });
  // Drafts are never in force, so only active / retired versions must not overlap.
  const order = p.versions
    .map((v, i) => ({ v, i }))
    .filter((x) => x.v.status !== 'draft')
    .sort((a, b) => a.v.effective_from.localeCompare(b.v.effective_from));
  for (let k = 1; k < order.length; k++) {
    const prev = order[k - 1]!;
    const cur = order[k]!;
    if (prev.v.effective_to === undefined || prev.v.effective_to >= cur.v.effective_from)
      out.push({
        path: `versions[${cur.i}].effective_from`,
        message: `version ${cur.v.version} overlaps version ${prev.v.version} (${prev.v.effective_from}..${prev.v.effective_to ?? 'open'})`,
      });
  }
  return out;
}

/** validatePolicy for each policy (paths prefixed with the code), duplicate codes, unknown gate targets, gate cycles, groups. */
export function validateCatalogue(policies: readonly unknown[], groups: readonly unknown[] = []): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const valid: Policy[] = [];
  policies.forEach((raw, i) => {
    const code = (raw as { code?: unknown } | null)?.code;
    const prefix = typeof code === 'string' ? code : `[${i}]`;
    const issues = validatePolicy(raw);
    out.push(...issues.map((x) => ({ path: `${prefix}.${x.path}`, message: x.message })));
    if (issues.length === 0) valid.push(raw as Policy);
  });
  const allCodes = new Set(policies.map((raw) => (raw as { code?: unknown } | null)?.code).filter((c): c is string => typeof c === 'string'));
  const byCode = new Map<string, Policy>();
  for (const p of valid) {
    if (byCode.has(p.code)) out.push({ path: p.code, message: `duplicate policy code ${p.code}` });
    byCode.set(p.code, p);
  }
  const tierCodes = valid.filter((p) => p.tier).map((p) => p.code);
  const edges = new Map<string, string[]>();
  for (const p of valid) {
    const deps = new Set<string>();
    p.versions.forEach((v, i) => {
      const trees = [v.criteria, ...(v.benefit.amount_table ?? []).flatMap((r) => (r.when ? [r.when] : []))];
      for (const t of trees) {
        const d = dependenciesOf(t);
        for (const g of d.gates) {
          if (!allCodes.has(g)) out.push({ path: `${p.code}.versions[${i}]`, message: `gate target ${g} is not in the catalogue` });
          deps.add(g);
        }
        if (d.readsTier) {
          if (tierCodes.length === 0) out.push({ path: `${p.code}.versions[${i}]`, message: "reads 'tier' but no policy declares a tier" });
          tierCodes.forEach((c) => deps.add(c));
        }
      }
    });
    edges.set(p.code, [...deps]);
  }
  // cycles (DFS, colours)
  const colour = new Map<string, 'grey' | 'black'>();
  const reported = new Set<string>();
  const visit = (code: string, stack: string[]) => {
    colour.set(code, 'grey');
    for (const next of edges.get(code) ?? []) {
      if (!edges.has(next)) continue;
      const c = colour.get(next);
      if (c === 'grey') {
        const cycle = [...stack.slice(stack.indexOf(next)), next];
        const key = [...cycle].sort().join(',');
        if (!reported.has(key)) {
          reported.add(key);
          out.push({ path: code, message: `gate cycle: ${cycle.join(' → ')}` });
        }
      } else if (c === undefined) visit(next, [...stack, next]);
    }
    colour.set(code, 'black');
  };
  for (const code of edges.keys()) if (!colour.has(code)) visit(code, [code]);

  const groupIds = new Set<string>();
  groups.forEach((raw, i) => {
    const parsed = exclusionGroupSchema.safeParse(raw);
    if (!parsed.success) {
      out.push(...parsed.error.issues.map((x) => ({ path: `groups[${i}].${fmtPath(x.path)}`, message: x.message })));
      return;
    }
    const g = parsed.data;
    if (groupIds.has(g.id)) out.push({ path: `groups[${i}].id`, message: `duplicate group id ${g.id}` });
    groupIds.add(g.id);
    for (const c of g.policy_codes) if (!byCode.has(c)) out.push({ path: `groups[${i}].policy_codes`, message: `unknown policy ${c} in group ${g.id}` });
    if (g.rule === 'highest_tier_only')
      for (const c of g.policy_codes) if (byCode.has(c) && !byCode.get(c)!.tier) out.push({ path: `groups[${i}].policy_codes`, message: `${c} in a tier group declares no tier` });
    if (g.scope !== undefined && g.rule !== 'once_per_person' && g.rule !== 'one_of') out.push({ path: `groups[${i}].scope`, message: `scope applies to once_per_person and one_of groups only` });
    for (const [c, f] of Object.entries(g.renews_on ?? {})) {
      if (g.rule !== 'once_per_person') out.push({ path: `groups[${i}].renews_on`, message: 'renews_on applies to once_per_person groups only' });
      if (!g.policy_codes.includes(c)) out.push({ path: `groups[${i}].renews_on.${c}`, message: `${c} is not a member of ${g.id}` });
      if (FIELD_SPECS[f].type !== 'date' || FIELD_SPECS[f].derived) out.push({ path: `groups[${i}].renews_on.${c}`, message: `'${f}' is not a raw date field` });
    }
    for (const c of g.policy_codes) {
      const p = byCode.get(c);
      // A policy that declares its groups must declare this one (policies that declare none are not checked).
      if (p?.exclusion_groups && !p.exclusion_groups.includes(g.id)) out.push({ path: `${c}.exclusion_groups`, message: `${c} is in group ${g.id} but does not list it` });
    }
  });
  return out;
}

/**
 * What a publishable catalogue policy still lacks (§6.1): issuer, level, region_scope, tags, sources, bilingual
 * title and summaries, an application (mode + materials) on every version. [] when complete.
 */
export function metadataIssues(p: Policy): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  const need = (ok: unknown, path: string, message: string) => {
    if (!ok) out.push({ path: `${p.code}.${path}`, message });
  };
  need(p.title_en, 'title_en', 'missing English title');
  need(p.issuer, 'issuer', 'missing issuer');
  need(p.level, 'level', 'missing level');
  need(p.region_scope?.length, 'region_scope', 'missing region_scope');
  need(p.tags?.length, 'tags', 'missing tags');
  need(p.sources?.length, 'sources', 'missing sources');
  need(p.summary_zh, 'summary_zh', 'missing summary_zh');
  need(p.summary_en, 'summary_en', 'missing summary_en');
  p.versions.forEach((v, i) => {
    need(v.application, `versions[${i}].application`, 'missing application');
    need(v.review, `versions[${i}].review`, 'missing review');
    need(v.status, `versions[${i}].status`, 'missing status');
  });
  return out;
}
