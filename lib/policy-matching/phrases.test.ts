import { describe, expect, it } from 'vitest';
import { CATALOGUE, EXCLUSION_GROUPS } from './catalogue';
import { evaluateAll } from './evaluate';
import { GOLDEN_PROFILES } from './golden-profiles';
import { FIELD_NAMES, FIELD_SPECS, OPS, isFieldLeaf, leavesOf, type CriterionResult, type FieldName } from './model';
import { BOOLEAN_PHRASES, DATE_PHRASES, LIST_PHRASES, NUMBER_PHRASES, criterionSentence, displayTags, fieldLabel, valueLabel, type CriterionFacts, type Person, type PhraseLang } from './phrases';

const say = (f: CriterionFacts, result: CriterionResult, lang: PhraseLang, person: Person = 'you') => criterionSentence(f, result, { lang, person });
const field = (x: Omit<CriterionFacts, 'kind'>): CriterionFacts => ({ kind: 'field', ...x });

/** Something that reads like code: snake_case, dotted paths, comparison signs; in Chinese, any lower-case ASCII word. */
function codeLike(s: string, lang: PhraseLang): string | null {
  const m = /[a-z]+_[a-z_]+|\b[a-z]+\.[a-z_]+\b|[≤≥≠=]/.exec(s) ?? (lang === 'zh' ? /[a-z]{2,}/.exec(s) : null);
  return m ? m[0] : null;
}

describe('the examples of issue 13 read as plain sentences', () => {
  const grad = field({ field: 'months_since_graduation', op: 'lte', value: 60, actual: 77 });
  it('months since graduation', () => {
    expect(say(grad, 'NOT_MET', 'zh')).toBe('毕业不超过 60 个月（您已毕业 77 个月）');
    expect(say(grad, 'NOT_MET', 'en')).toBe('Graduated no more than 60 months ago (you graduated 77 months ago)');
    expect(say(grad, 'NOT_MET', 'zh', 'they')).toBe('毕业不超过 60 个月（申请人已毕业 77 个月）');
    expect(say(grad, 'NOT_MET', 'en', 'they')).toBe('Graduated no more than 60 months ago (the applicant graduated 77 months ago)');
  });
  it('employment with the profile form labels', () => {
    const f = field({ field: 'employment', op: 'eq', value: 'informal', actual: 'self_employed' });
    expect(say(f, 'NOT_MET', 'zh')).toBe('就业形式须为灵活就业（您填写的是：自主创业或自由职业）');
    expect(say(f, 'NOT_MET', 'en')).toBe('Employment must be informal or gig work (you entered: self-employed or freelance)');
    expect(say(f, 'NOT_MET', 'zh', 'they')).toBe('就业形式须为灵活就业（申请人填写的是：自主创业或自由职业）');
    expect(say(f, 'NOT_MET', 'en', 'they')).toBe('Employment must be informal or gig work (the applicant entered: self-employed or freelance)');
  });
  it('business registered in Jingdezhen', () => {
    const f = field({ field: 'business.registered_in_jdz', op: 'eq', value: true, actual: false });
    expect(say(f, 'NOT_MET', 'zh')).toBe('营业执照须在景德镇注册（您的营业执照未在景德镇注册）');
    expect(say(f, 'NOT_MET', 'en')).toBe('Business registered in Jingdezhen (your business is not registered in Jingdezhen)');
    expect(say(f, 'NOT_MET', 'zh', 'they')).toBe('营业执照须在景德镇注册（申请人的营业执照未在景德镇注册）');
    expect(say({ ...f, actual: true }, 'MET', 'en', 'they')).toBe("Business registered in Jingdezhen (the applicant's business is registered in Jingdezhen)");
  });
});

describe('every operator, in both languages and both persons', () => {
  const cases: { name: string; f: CriterionFacts; r: CriterionResult; zh: string; en: string; zhThey: string; enThey: string }[] = [
    {
      name: 'eq on an enum (education)',
      f: field({ field: 'education', op: 'eq', value: '硕士', actual: '本科' }),
      r: 'NOT_MET',
      zh: '学历须为硕士（您填写的是：本科）',
      en: 'Education must be master’s degree (you entered: bachelor’s degree)',
      zhThey: '学历须为硕士（申请人填写的是：本科）',
      enThey: 'Education must be master’s degree (the applicant entered: bachelor’s degree)',
    },
    {
      name: 'ne on a country',
      f: field({ field: 'nationality', op: 'ne', value: 'CN', actual: 'JP' }),
      r: 'MET',
      zh: '国籍不能是中国（您填写的是：日本）',
      en: 'Nationality other than China (you entered: Japan)',
      zhThey: '国籍不能是中国（申请人填写的是：日本）',
      enThey: 'Nationality other than China (the applicant entered: Japan)',
    },
    {
      name: 'in on an enum (title)',
      f: field({ field: 'title.level', op: 'in', value: ['副高', '正高'], actual: '中级' }),
      r: 'NOT_MET',
      zh: '职称须为副高级或正高级（您填写的是：中级）',
      en: 'Professional title must be associate senior (副高) or senior (正高) (you entered: intermediate (中级))',
      zhThey: '职称须为副高级或正高级（申请人填写的是：中级）',
      enThey: 'Professional title must be associate senior (副高) or senior (正高) (the applicant entered: intermediate (中级))',
    },
    {
      name: 'not_in on an enum (business form)',
      f: field({ field: 'business.form', op: 'not_in', value: ['company', 'partnership'], actual: 'individual' }),
      r: 'MET',
      zh: '经营主体形式不能是公司或合伙企业（您填写的是：个体工商户）',
      en: 'Business form must not be company or partnership (you entered: sole trader (个体工商户))',
      zhThey: '经营主体形式不能是公司或合伙企业（申请人填写的是：个体工商户）',
      enThey: 'Business form must not be company or partnership (the applicant entered: sole trader (个体工商户))',
    },
    {
      name: 'gte on a number',
      f: field({ field: 'social_insurance_months_jdz', op: 'gte', value: 12, actual: 6 }),
      r: 'NOT_MET',
      zh: '在景德镇缴纳社保不少于 12 个月（您已在景德镇缴纳社保 6 个月）',
      en: 'Social insurance paid in Jingdezhen for at least 12 months (you have paid it for 6 months)',
      zhThey: '在景德镇缴纳社保不少于 12 个月（申请人已在景德镇缴纳社保 6 个月）',
      enThey: 'Social insurance paid in Jingdezhen for at least 12 months (the applicant has paid it for 6 months)',
    },
    {
      name: 'lte on age',
      f: field({ field: 'age', op: 'lte', value: 35, actual: 40 }),
      r: 'NOT_MET',
      zh: '年龄不超过 35 周岁（您现年 40 周岁）',
      en: 'Aged no more than 35 (you are 40)',
      zhThey: '年龄不超过 35 周岁（申请人现年 40 周岁）',
      enThey: 'Aged no more than 35 (the applicant is 40)',
    },
    {
      name: 'between on age',
      f: field({ field: 'age', op: 'between', value: [18, 60], actual: 30 }),
      r: 'MET',
      zh: '年龄在 18 到 60 周岁之间（您现年 30 周岁）',
      en: 'Aged between 18 and 60 (you are 30)',
      zhThey: '年龄在 18 到 60 周岁之间（申请人现年 30 周岁）',
      enThey: 'Aged between 18 and 60 (the applicant is 30)',
    },
    {
      name: 'eq false on a boolean',
      f: field({ field: 'owns_home_in_jdz', op: 'eq', value: false, actual: true }),
      r: 'NOT_MET',
      zh: '须在景德镇没有自有住房（您在景德镇有自有住房）',
      en: 'Does not own a home in Jingdezhen (you own a home in Jingdezhen)',
      zhThey: '须在景德镇没有自有住房（申请人在景德镇有自有住房）',
      enThey: 'Does not own a home in Jingdezhen (the applicant owns a home in Jingdezhen)',
    },
    {
      name: 'ne true on a boolean',
      f: field({ field: 'credit_bad', op: 'ne', value: true, actual: false }),
      r: 'MET',
      zh: '须无不良信用记录（您没有不良信用记录）',
      en: 'No bad credit record (you have no bad credit record)',
      zhThey: '须无不良信用记录（申请人没有不良信用记录）',
      enThey: 'No bad credit record (the applicant has no bad credit record)',
    },
    {
      name: 'exists on a scalar',
      f: field({ field: 'ich.level', op: 'exists', actual: 'none' }),
      r: 'NOT_MET',
      zh: '须为非遗代表性传承人（您填写的是：不是非遗传承人）',
      en: 'A recognised ICH inheritor (you said: not an ICH inheritor)',
      zhThey: '须为非遗代表性传承人（申请人填写的是：不是非遗传承人）',
      enThey: 'A recognised ICH inheritor (the applicant said: not an ICH inheritor)',
    },
    {
      name: 'exists false on a list',
      f: field({ field: 'honours', op: 'exists', value: false }),
      r: 'MET',
      zh: '须没有荣誉称号',
      en: 'Has no honours',
      zhThey: '须没有荣誉称号',
      enThey: 'Has no honours',
    },
    {
      name: 'contains_any on honours',
      f: field({ field: 'honours', op: 'contains_any', value: ['中国工艺美术大师', '中国陶瓷艺术大师'] }),
      r: 'NOT_MET',
      zh: '须获得以下之一荣誉称号：中国工艺美术大师、中国陶瓷艺术大师',
      en: 'One of these honours: Master of Chinese Arts and Crafts or Master of Chinese Ceramic Art',
      zhThey: '须获得以下之一荣誉称号：中国工艺美术大师、中国陶瓷艺术大师',
      enThey: 'One of these honours: Master of Chinese Arts and Crafts or Master of Chinese Ceramic Art',
    },
    {
      name: 'contains_all on crafts',
      f: field({ field: 'crafts', op: 'contains_all', value: ['throwing'] }),
      r: 'MET',
      zh: '须从事throwing',
      en: 'Holds throwing',
      zhThey: '须从事throwing',
      enThey: 'Holds throwing',
    },
    {
      name: 'count_gte with a filter',
      f: field({ field: 'awards', op: 'count_gte', value: 1, filter: { within_months: 60, rank: 'gold', level: 'national' }, actual: 0 }),
      r: 'NOT_MET',
      zh: '近 60 个月内获得国家级金奖奖项至少 1 项（您有 0 项）',
      en: 'At least 1 national gold award in the last 60 months (you have 0)',
      zhThey: '近 60 个月内获得国家级金奖奖项至少 1 项（申请人有 0 项）',
      enThey: 'At least 1 national gold award in the last 60 months (the applicant has 0)',
    },
    {
      name: 'count_gte on apprentices',
      f: field({ field: 'apprentices', op: 'count_gte', value: 2, filter: { age_lte: 35, agreement_months_gte: 12 }, actual: 3 }),
      r: 'MET',
      zh: '带年龄不超过 35 岁、签订 12 个月以上协议的徒弟至少 2 名（您有 3 名）',
      en: 'At least 2 apprentices aged 35 or under, on agreements of at least 12 months (you have 3)',
      zhThey: '带年龄不超过 35 岁、签订 12 个月以上协议的徒弟至少 2 名（申请人有 3 名）',
      enThey: 'At least 2 apprentices aged 35 or under, on agreements of at least 12 months (the applicant has 3)',
    },
    {
      name: 'within_months on a date',
      f: field({ field: 'relocated_to_jdz_date', op: 'within_months', value: 12, actual: '2024-03-01' }),
      r: 'NOT_MET',
      zh: '近 12 个月内迁入景德镇（您于 2024-03-01 迁入景德镇）',
      en: 'Moved to Jingdezhen within the last 12 months (you moved to Jingdezhen on 2024-03-01)',
      zhThey: '近 12 个月内迁入景德镇（申请人于 2024-03-01 迁入景德镇）',
      enThey: 'Moved to Jingdezhen within the last 12 months (the applicant moved to Jingdezhen on 2024-03-01)',
    },
    {
      name: 'older_than_months on a date, met later',
      f: field({ field: 'practice_start', op: 'older_than_months', value: 24, actual: '2025-06-01', eligibleFrom: '2027-06-01' }),
      r: 'NOT_MET',
      zh: '开始从业已满 24 个月（您于 2025-06-01 开始从业）；预计 2027-06-01 起符合',
      en: 'Started practising at least 24 months ago (you started practising on 2025-06-01); met from 2027-06-01',
      zhThey: '开始从业已满 24 个月（申请人于 2025-06-01 开始从业）；预计 2027-06-01 起符合',
      enThey: 'Started practising at least 24 months ago (the applicant started practising on 2025-06-01); met from 2027-06-01',
    },
    {
      name: 'skill level (lower is higher)',
      f: field({ field: 'skill_level', op: 'lte', value: 2, actual: 3 }),
      r: 'NOT_MET',
      zh: '职业技能等级须达到二级（技师）或以上（您填写的是：三级（高级工））',
      en: 'Skill level level 2 (technician) or higher (you entered: level 3 (advanced))',
      zhThey: '职业技能等级须达到二级（技师）或以上（申请人填写的是：三级（高级工））',
      enThey: 'Skill level level 2 (technician) or higher (the applicant entered: level 3 (advanced))',
    },
    {
      name: 'derived tier',
      f: field({ field: 'tier', op: 'in', value: ['B', 'C'], actual: 'none' }),
      r: 'NOT_MET',
      zh: '人才层次须为B 类人才或C 类人才（您填写的是：未认定）',
      en: 'Talent tier must be tier B or tier C (you said: none)',
      zhThey: '人才层次须为B 类人才或C 类人才（申请人填写的是：未认定）',
      enThey: 'Talent tier must be tier B or tier C (the applicant said: none)',
    },
    {
      name: 'missing values',
      f: field({ field: 'age', op: 'lte', value: 35, missing: ['birth_date'] }),
      r: 'UNKNOWN',
      zh: '年龄不超过 35 周岁（请补充：出生日期）',
      en: 'Aged no more than 35 (tell us your date of birth)',
      zhThey: '年龄不超过 35 周岁（申请人尚未填写：出生日期）',
      enThey: 'Aged no more than 35 (the applicant has not given their date of birth)',
    },
    {
      name: 'several missing values',
      f: field({ field: 'works_in_jdz', op: 'eq', value: true, missing: ['employment', 'employer_district'] }),
      r: 'UNKNOWN',
      zh: '须在景德镇工作（请补充：就业形式和用人单位所在区县）',
      en: "Works in Jingdezhen (tell us your employment and employer's district)",
      zhThey: '须在景德镇工作（申请人尚未填写：就业形式和用人单位所在区县）',
      enThey: "Works in Jingdezhen (the applicant has not given their employment and employer's district)",
    },
    {
      name: 'review of a field leaf',
      f: field({ field: 'portfolio_count', op: 'gte', value: 20 }),
      r: 'REVIEW',
      zh: '需人工评审：作品不少于 20 件',
      en: 'Needs review: Portfolio of at least 20 works',
      zhThey: '需人工评审：作品不少于 20 件',
      enThey: 'Needs review: Portfolio of at least 20 works',
    },
    {
      name: 'a gate',
      f: { kind: 'gate', gate: 'JP-001', gateTitle: { zh: '景漂人才认定', en: 'Jingpiao talent recognition' }, gateStatus: 'NEEDS_INFO' },
      r: 'NOT_MET',
      zh: '须先符合「景漂人才认定」的条件（您目前还需补充信息）',
      en: 'Must first qualify for “Jingpiao talent recognition” (your result there: still needs information)',
      zhThey: '须先符合「景漂人才认定」的条件（申请人目前还需补充信息）',
      enThey: "Must first qualify for “Jingpiao talent recognition” (the applicant's result there: still needs information)",
    },
    {
      name: 'a committee review',
      f: { kind: 'manual', label: { zh: '评审委员会入选', en: 'selected by the jury' }, review: true },
      r: 'REVIEW',
      zh: '需人工评审：评审委员会入选',
      en: 'Needs review: selected by the jury',
      zhThey: '需人工评审：评审委员会入选',
      enThey: 'Needs review: selected by the jury',
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      expect(say(c.f, c.r, 'zh')).toBe(c.zh);
      expect(say(c.f, c.r, 'en')).toBe(c.en);
      expect(say(c.f, c.r, 'zh', 'they')).toBe(c.zhThey);
      expect(say(c.f, c.r, 'en', 'they')).toBe(c.enThey);
    });

  it('the cases cover every operator of the rule language and every field type', () => {
    const ops = new Set(cases.map((c) => c.f.op).filter(Boolean));
    for (const op of OPS) expect(ops, op).toContain(op);
    const types = new Set(cases.map((c) => (c.f.field ? FIELD_SPECS[c.f.field].type : null)).filter(Boolean));
    for (const t of ['string', 'number', 'boolean', 'date', 'list']) expect(types, t).toContain(t);
  });

  it("author texts win in the talent's view only; hints are for the talent", () => {
    const f = field({ field: 'portfolio_count', op: 'gte', value: 20, actual: 5 });
    const own = { pass: '作品够多', fail: '作品还不够', hint: '上传更多作品' };
    expect(criterionSentence(f, 'NOT_MET', { lang: 'zh', person: 'you', own })).toBe('作品还不够');
    expect(criterionSentence(f, 'NOT_MET', { lang: 'zh', person: 'you', own: { hint: '上传更多作品' } })).toBe('作品不少于 20 件（您有 5 件作品）。上传更多作品');
    expect(criterionSentence(f, 'NOT_MET', { lang: 'zh', person: 'they', own })).toBe('作品不少于 20 件（申请人有 5 件作品）');
  });

  it("a leaf's own label replaces the generated condition", () => {
    const f = field({ field: 'portfolio_count', op: 'gte', value: 20, actual: 25, label: { zh: '作品丰富', en: 'A rich portfolio' } });
    expect(say(f, 'MET', 'zh')).toBe('作品丰富（您有 25 件作品）');
    expect(say(f, 'MET', 'en', 'they')).toBe('A rich portfolio (the applicant has 25 works)');
  });
});

describe('labels', () => {
  it('every field has a label in both languages', () => {
    for (const f of FIELD_NAMES) {
      expect(fieldLabel(f, 'en'), f).not.toMatch(/[._]/);
      expect(fieldLabel(f, 'zh')).toMatch(/\p{Script=Han}/u);
    }
  });
  it('every enum value of every field has a label in both languages', () => {
    for (const f of FIELD_NAMES) {
      for (const v of FIELD_SPECS[f].enum ?? []) for (const lang of ['zh', 'en'] as const) expect(valueLabel(f, v, lang), `${f}=${v} ${lang}`).toBeTruthy();
    }
  });
  it('every field the seeded catalogue uses is phrased by a table for its type, and every value it compares with has a label', () => {
    for (const p of CATALOGUE)
      for (const v of p.versions)
        for (const l of leavesOf(v.criteria)) {
          if (!isFieldLeaf(l)) continue;
          const spec = FIELD_SPECS[l.field];
          const at = `${p.code} ${l.field} ${l.op}`;
          if (spec.type === 'boolean') expect(BOOLEAN_PHRASES[l.field], at).toBeDefined();
          if (spec.type === 'date') expect(DATE_PHRASES[l.field], at).toBeDefined();
          if (spec.type === 'list') expect(LIST_PHRASES[l.field], at).toBeDefined();
          if (spec.type === 'number' && !spec.enum) expect(NUMBER_PHRASES[l.field], at).toBeDefined();
          const values = l.value === undefined || typeof l.value === 'boolean' || l.op === 'count_gte' ? [] : Array.isArray(l.value) ? l.value : [l.value];
          if (spec.enum || ['nationality', 'honours', 'tier'].includes(l.field))
            for (const x of values) for (const lang of ['zh', 'en'] as const) expect(valueLabel(l.field, x, lang), `${at} ${x} ${lang}`).toBeTruthy();
          for (const [k, fv] of Object.entries(l.filter ?? {}))
            if (k === 'level' || k === 'rank') for (const x of Array.isArray(fv) ? fv : [fv]) for (const lang of ['zh', 'en'] as const) expect(valueLabel(k, x as string, lang), `${at} ${k}=${x}`).toBeTruthy();
          for (const lang of ['zh', 'en'] as const)
            for (const person of ['you', 'they'] as const) {
              const s = criterionSentence({ kind: 'field', field: l.field, op: l.op, value: l.value, filter: l.filter }, 'NOT_MET', { lang, person });
              expect(codeLike(s, lang), `${at} ${lang}: ${s}`).toBeNull();
            }
        }
  });
  it('evaluating every golden profile against the catalogue yields no sentence that reads like code', () => {
    const fields = new Set<FieldName>();
    for (const profile of Object.values(GOLDEN_PROFILES))
      for (const r of evaluateAll(profile, CATALOGUE, EXCLUSION_GROUPS, '2026-12-04'))
        for (const c of r.criteria) {
          // Texts the policy's author wrote for a leaf are theirs to word (one catalogue label says "≥ 3 年").
          if (c.facts?.label) continue;
          for (const lang of ['zh', 'en'] as const) {
            expect(codeLike(c.explanation[lang], lang), `${r.policyCode} ${c.id} ${lang}: ${c.explanation[lang]}`).toBeNull();
            const they = criterionSentence(c.facts!, c.result, { lang, person: 'they' });
            expect(codeLike(they, lang), `${r.policyCode} ${c.id} ${lang}: ${they}`).toBeNull();
            if (lang === 'zh') expect(they).not.toContain('您');
            else expect(they).not.toMatch(/\byou(r)?\b/);
          }
          if (c.facts?.field) fields.add(c.facts.field);
        }
    expect(fields.size).toBeGreaterThan(20);
  });
});

describe('displayTags', () => {
  it('keeps the Chinese keywords and hides the pinyin ones used for search', () => {
    expect(displayTags(['人才', 'rencai', '住房补贴', 'zhufang butie', 'ICH 非遗', 'JDZ'])).toEqual(['人才', '住房补贴', 'ICH 非遗']);
    expect(displayTags([])).toEqual([]);
  });
  it('every catalogue policy keeps at least one tag to show', () => {
    for (const p of CATALOGUE) expect(displayTags(p.tags ?? []).length, p.code).toBeGreaterThan(0);
  });
});
