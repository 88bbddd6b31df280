import {
  AWARD_RANK_LABEL,
  BUSINESS_FORM_LABEL,
  EDUCATION_LABEL,
  EMPLOYMENT_LABEL,
  HONOUR_LABEL,
  ICH_LABEL,
  RECORD_LEVEL_LABEL,
  SECTOR_LABEL,
  SKILL_LABEL,
  TITLE_LABEL,
  countryLabel,
  craftLabel,
  districtLabel,
} from '@/components/talent/labels';
import en from '@/lib/i18n/messages.en';
import zhCN from '@/lib/i18n/messages.zh-CN';
import { FIELD_SPECS, type CriterionResult, type FieldName, type LeafValue, type ListFilter, type Op, type Status } from './model';

/**
 * Plain-language criterion sentences (issue 13 §5): one criterion result → one sentence in the reader's language,
 * with field and value labels instead of codes, in the second person for the talent's own views ("您已毕业 77 个月")
 * and the third person for staff views ("申请人已毕业 77 个月"). Pure: the evaluator phrases its explanations here,
 * and staff pages re-phrase the facts stored in an application's snapshot.
 */

export type PhraseLang = 'zh' | 'en';
/** 'you': the talent reads about themself; 'they': staff read about the applicant. */
export type Person = 'you' | 'they';

/** What the evaluator knew about one leaf: enough to phrase it in either language and person later. */
export interface CriterionFacts {
  kind: 'field' | 'gate' | 'manual';
  field?: FieldName;
  op?: Op;
  value?: LeafValue;
  filter?: ListFilter;
  /** The leaf's own label (overrides the generated condition). */
  label?: { zh?: string; en?: string };
  /** The profile value the leaf compared (a count for list leaves). */
  actual?: string | number | boolean;
  /** Raw fields whose absence made the leaf UNKNOWN. */
  missing?: string[];
  /** NOT_MET leaves met by time alone from this date. */
  eligibleFrom?: string;
  gate?: string;
  gateTitle?: { zh: string; en: string };
  gateStatus?: Status;
  /** Manual leaves: the committee review is due (everything else passes). */
  review?: boolean;
}

export interface PhraseOptions {
  lang: PhraseLang;
  person: Person;
  /** Author-written texts of the leaf; they speak to the talent, so they are used in the second person only. */
  own?: { pass?: string; fail?: string; hint?: string };
}

// ---------------------------------------------------------------------------------------------------------------
// Labels
// ---------------------------------------------------------------------------------------------------------------

type Dict = Record<string, unknown>;
const DICTS: Record<PhraseLang, Dict> = { zh: zhCN as unknown as Dict, en: en as unknown as Dict };

function message(lang: PhraseLang, key: string): string | null {
  let cur: unknown = DICTS[lang];
  for (const k of key.split('.')) cur = cur && typeof cur === 'object' ? (cur as Dict)[k] : undefined;
  return typeof cur === 'string' ? cur : null;
}

/** Profile-form enum labels per field (the same dictionary entries the profile form shows). */
const ENUM_KEYS: Partial<Record<string, Record<string, string>>> = {
  education: EDUCATION_LABEL,
  sector: SECTOR_LABEL,
  employment: EMPLOYMENT_LABEL,
  'title.level': TITLE_LABEL,
  skill_level: SKILL_LABEL,
  'ich.level': ICH_LABEL,
  'business.form': BUSINESS_FORM_LABEL,
  honours: HONOUR_LABEL,
  awards: RECORD_LEVEL_LABEL,
  exhibitions: RECORD_LEVEL_LABEL,
  awards_or_exhibitions: RECORD_LEVEL_LABEL,
  level: RECORD_LEVEL_LABEL,
  rank: AWARD_RANK_LABEL,
};

const DISTRICT_FIELDS = new Set(['residence_district', 'employer_district', 'business.registered_district', 'studio.district', 'hukou_city', 'hukou_province']);

/** The label of a field in the reader's language (never its code). */
export function fieldLabel(field: string, lang: PhraseLang): string {
  const spec = (FIELD_SPECS as Record<string, (typeof FIELD_SPECS)[FieldName] | undefined>)[field];
  if (spec) return lang === 'zh' ? spec.label_zh : spec.label_en;
  return lang === 'zh' ? '相关信息' : 'related details';
}

/**
 * The label of one value of a field (or of a list filter attribute: 'level', 'rank') in the reader's language, or
 * null when the value has no label (then it is shown as typed: a city, a number, a date).
 */
export function valueLabel(field: string, v: string | number | boolean, lang: PhraseLang): string | null {
  if (typeof v === 'boolean') return lang === 'zh' ? (v ? '是' : '否') : v ? 'yes' : 'no';
  const keys = ENUM_KEYS[field];
  const key = keys?.[String(v)];
  if (key) return message(lang, key);
  if (field === 'tier') {
    if (v === 'none') return lang === 'zh' ? '未认定' : 'none';
    return lang === 'zh' ? `${v} 类人才` : `tier ${v}`;
  }
  if (field === 'nationality' && typeof v === 'string') return countryLabel(v, lang === 'zh' ? 'zh-CN' : 'en');
  if (field === 'crafts' && typeof v === 'string') return craftLabel(v, lang === 'zh' ? 'zh-CN' : 'en');
  if (v === 'none') return lang === 'zh' ? '无' : 'none';
  if (DISTRICT_FIELDS.has(field) && typeof v === 'string') return districtLabel(v, lang === 'zh' ? 'zh-CN' : 'en');
  return null;
}

/** Enum labels that are common nouns: lower-cased inside an English sentence (countries, places and honours are not). */
const COMMON_NOUNS = new Set(['education', 'sector', 'employment', 'title.level', 'skill_level', 'ich.level', 'business.form', 'awards', 'exhibitions', 'awards_or_exhibitions', 'level', 'rank', 'tier']);
/** A value as it reads inside a sentence. */
function shown(field: string, v: string | number | boolean, lang: PhraseLang): string {
  const s = valueLabel(field, v, lang) ?? String(v);
  return lang === 'en' && (COMMON_NOUNS.has(field) || v === 'none') ? s.charAt(0).toLowerCase() + s.slice(1) : s;
}

/** "A、B或C" / "A, B or C" ('and' lists: "A、B和C" / "A, B and C"). */
export function joinWords(items: string[], lang: PhraseLang, last: 'or' | 'and' = 'or'): string {
  if (items.length <= 1) return items.join('');
  const head = items.slice(0, -1).join(lang === 'zh' ? '、' : ', ');
  const tail = items[items.length - 1];
  return lang === 'zh' ? `${head}${last === 'or' ? '或' : '和'}${tail}` : `${head} ${last} ${tail}`;
}

/** Lower-cases a field label inside an English sentence (labels are already lower case but for proper nouns). */
const lower = (s: string, lang: PhraseLang) => (lang === 'en' && /^[A-Z][a-z]/.test(s) && !/^(?:Jingdezhen|ICH|China)/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s);
const upper = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

// ---------------------------------------------------------------------------------------------------------------
// Person
// ---------------------------------------------------------------------------------------------------------------

/**
 * {S} subject, {P} possessive, {be} {have} {do} {s} verb agreement (you are / the applicant is, own / owns),
 * {x} the value.
 */
function fill(tpl: string, lang: PhraseLang, person: Person, x = ''): string {
  const you = person === 'you';
  const map: Record<string, string> =
    lang === 'zh'
      ? { S: you ? '您' : '申请人', P: you ? '您的' : '申请人的', be: '', have: '', do: '', s: '', x }
      : { S: you ? 'you' : 'the applicant', P: you ? 'your' : "the applicant's", be: you ? 'are' : 'is', have: you ? 'have' : 'has', do: you ? 'do' : 'does', s: you ? '' : 's', x };
  return tpl.replace(/\{(S|P|be|have|do|s|x)\}/g, (_, k: string) => map[k]!);
}

// ---------------------------------------------------------------------------------------------------------------
// Field phrasing tables
// ---------------------------------------------------------------------------------------------------------------

/** Numbers: condition = pre + comparison + unit; actual = a clause with {x}. */
interface NumPhrase {
  zh: [pre: string, unit: string, actual: string];
  en: [pre: string, unit: string, actual: string];
}
export const NUMBER_PHRASES: Partial<Record<FieldName, NumPhrase>> = {
  age: { zh: ['年龄', ' 周岁', '{S}现年 {x} 周岁'], en: ['Aged ', '', '{S} {be} {x}'] },
  months_since_graduation: { zh: ['毕业', ' 个月', '{S}已毕业 {x} 个月'], en: ['Graduated ', ' months ago', '{S} graduated {x} months ago'] },
  months_in_jdz: { zh: ['在景德镇居住', ' 个月', '{S}已在景德镇居住 {x} 个月'], en: ['Living in Jingdezhen for ', ' months', '{S} {have} lived in Jingdezhen for {x} months'] },
  practice_years: { zh: ['从业', ' 年', '{S}已从业 {x} 年'], en: ['In practice for ', ' years', '{S} {have} been in practice for {x} years'] },
  business_operating_months: { zh: ['经营主体成立', ' 个月', '{P}经营主体已成立 {x} 个月'], en: ['Business operating for ', ' months', '{P} business has operated for {x} months'] },
  years_since_title: { zh: ['取得职称', ' 年', '{S}取得职称已 {x} 年'], en: ['Title held for ', ' years', '{S} {have} held the title for {x} years'] },
  social_insurance_months_jdz: { zh: ['在景德镇缴纳社保', ' 个月', '{S}已在景德镇缴纳社保 {x} 个月'], en: ['Social insurance paid in Jingdezhen for ', ' months', '{S} {have} paid it for {x} months'] },
  'business.employees_insured': { zh: ['参保员工', ' 人', '{P}参保员工有 {x} 人'], en: ['Insured employees: ', '', '{S} {have} {x}'] },
  'studio.lease_months': { zh: ['工作室租期', ' 个月', '{P}工作室租期为 {x} 个月'], en: ['Studio lease of ', ' months', '{P} lease runs {x} months'] },
  'studio.area_m2': { zh: ['工作室面积', ' 平方米', '{P}工作室面积为 {x} 平方米'], en: ['Studio area of ', ' m²', '{P} studio has {x} m²'] },
  'studio.monthly_rent': { zh: ['工作室月租金', ' 元', '{P}工作室月租金为 {x} 元'], en: ['Studio rent of ', ' yuan a month', '{P} rent is {x} yuan a month'] },
  'ich.year': { zh: ['非遗传承人认定年份', '', '{S}于 {x} 年获认定'], en: ['ICH recognition year ', '', '{S} {be} recognised in {x}'] },
  portfolio_count: { zh: ['作品', ' 件', '{S}有 {x} 件作品'], en: ['Portfolio of ', ' works', '{S} {have} {x} works'] },
  commitment_years: { zh: ['承诺在景服务', ' 年', '{S}承诺服务 {x} 年'], en: ['Commitment to stay ', ' years', '{S} committed to {x} years'] },
  honours_b_level_count: { zh: ['B类荣誉', ' 项', '{S}有 {x} 项'], en: ['B-level honours: ', '', '{S} {have} {x}'] },
};

/** Booleans: what the criterion asks (true / false) and what the profile says (true / false). */
interface BoolPhrase {
  zh: [need: string, needNot: string, yes: string, no: string];
  en: [need: string, needNot: string, yes: string, no: string];
}
export const BOOLEAN_PHRASES: Partial<Record<FieldName, BoolPhrase>> = {
  'business.registered_in_jdz': {
    zh: ['营业执照须在景德镇注册', '营业执照须不在景德镇注册', '{P}营业执照在景德镇注册', '{P}营业执照未在景德镇注册'],
    en: ['Business registered in Jingdezhen', 'Business not registered in Jingdezhen', '{P} business is registered in Jingdezhen', '{P} business is not registered in Jingdezhen'],
  },
  'business.first_time': {
    zh: ['须为首次创业', '须不是首次创业', '{S}是首次创业', '{S}不是首次创业'],
    en: ['A first-time founder', 'Not a first-time founder', '{S} {be} a first-time founder', '{S} {be} not a first-time founder'],
  },
  'studio.government_free': {
    zh: ['工作室须为政府免租场地', '工作室不能是政府免租场地', '{P}工作室是政府免租场地', '{P}工作室不是政府免租场地'],
    en: ['Studio in a rent-free government space', 'Studio not in a rent-free government space', '{P} studio is in a rent-free government space', '{P} studio is not in a rent-free government space'],
  },
  owns_home_in_jdz: {
    zh: ['须在景德镇有自有住房', '须在景德镇没有自有住房', '{S}在景德镇有自有住房', '{S}在景德镇没有自有住房'],
    en: ['Owns a home in Jingdezhen', 'Does not own a home in Jingdezhen', '{S} own{s} a home in Jingdezhen', '{S} {do} not own a home in Jingdezhen'],
  },
  retired: {
    zh: ['须已退休', '须尚未退休', '{S}已退休', '{S}尚未退休'],
    en: ['Retired', 'Not retired', '{S} {be} retired', '{S} {be} not retired'],
  },
  credit_bad: {
    zh: ['有不良信用记录', '须无不良信用记录', '{S}有不良信用记录', '{S}没有不良信用记录'],
    en: ['Has a bad credit record', 'No bad credit record', '{S} {have} a bad credit record', '{S} {have} no bad credit record'],
  },
  registered_unemployed: {
    zh: ['须已登记失业', '须未登记失业', '{S}已登记失业', '{S}未登记失业'],
    en: ['Registered as unemployed', 'Not registered as unemployed', '{S} {be} registered as unemployed', '{S} {be} not registered as unemployed'],
  },
  is_local_hukou: {
    zh: ['须为景德镇户籍', '须为非景德镇户籍', '{S}是景德镇户籍', '{S}不是景德镇户籍'],
    en: ['Jingdezhen hukou', 'Hukou outside Jingdezhen', '{S} {have} a Jingdezhen hukou', '{S} {do} not have a Jingdezhen hukou'],
  },
  works_in_jdz: {
    zh: ['须在景德镇工作', '须不在景德镇工作', '{S}在景德镇工作', '{S}不在景德镇工作'],
    en: ['Works in Jingdezhen', 'Does not work in Jingdezhen', '{S} work{s} in Jingdezhen', '{S} {do} not work in Jingdezhen'],
  },
  works_or_lives_in_jdz: {
    zh: ['须在景德镇工作或居住', '须既不在景德镇工作也不在景德镇居住', '{S}在景德镇工作或居住', '{S}既不在景德镇工作也不在景德镇居住'],
    en: ['Works or lives in Jingdezhen', 'Neither works nor lives in Jingdezhen', '{S} work{s} or live{s} in Jingdezhen', '{S} neither work{s} nor live{s} in Jingdezhen'],
  },
};

/** Dates: the event, for "近 12 个月内迁入景德镇" and "（您于 2025-03-01 迁入景德镇）". */
interface DatePhrase {
  zh: string;
  /** [condition subject, actual clause with {x}] */
  en: [string, string];
}
export const DATE_PHRASES: Partial<Record<FieldName, DatePhrase>> = {
  birth_date: { zh: '出生', en: ['Born', '{S} {be} born on {x}'] },
  residence_since: { zh: '开始在景德镇居住', en: ['Started living in Jingdezhen', '{S} started living in Jingdezhen on {x}'] },
  graduation_date: { zh: '毕业', en: ['Graduated', '{S} graduated on {x}'] },
  practice_start: { zh: '开始从业', en: ['Started practising', '{S} started practising on {x}'] },
  'business.registered_date': { zh: '注册营业执照', en: ['Business registered', '{P} business was registered on {x}'] },
  'title.date': { zh: '取得职称', en: ['Title obtained', '{S} obtained the title on {x}'] },
  relocated_to_jdz_date: { zh: '迁入景德镇', en: ['Moved to Jingdezhen', '{S} moved to Jingdezhen on {x}'] },
};

/** Lists: verb and noun, for "近 60 个月内获得国家级金奖至少 1 项" / "At least 1 national gold award in the last 60 months". */
interface ListPhrase {
  zh: [verb: string, noun: string, measure: string];
  en: [singular: string, plural: string];
}
export const LIST_PHRASES: Partial<Record<FieldName, ListPhrase>> = {
  honours: { zh: ['获得', '荣誉称号', '项'], en: ['honour', 'honours'] },
  awards: { zh: ['获得', '奖项', '项'], en: ['award', 'awards'] },
  exhibitions: { zh: ['参加', '展览', '次'], en: ['exhibition', 'exhibitions'] },
  awards_or_exhibitions: { zh: ['获得或参加', '奖项或展览', '项'], en: ['award or exhibition', 'awards or exhibitions'] },
  apprentices: { zh: ['带', '徒弟', '名'], en: ['apprentice', 'apprentices'] },
  crafts: { zh: ['从事', '工种', '个'], en: ['craft', 'crafts'] },
  receiving: { zh: ['正在享受', '政策', '项'], en: ['policy received now', 'policies received now'] },
  received: { zh: ['享受过', '政策', '项'], en: ['policy received before', 'policies received before'] },
};

/** Scalar enum / text fields phrase as "<label>须为<value>"; fields that are stated a nicer way get their own. */
const EXISTS_PHRASES: Partial<Record<FieldName, { zh: [string, string]; en: [string, string] }>> = {
  'ich.level': { zh: ['须为非遗代表性传承人', '须不是非遗代表性传承人'], en: ['A recognised ICH inheritor', 'Not a recognised ICH inheritor'] },
  'title.level': { zh: ['须有职称', '须没有职称'], en: ['Holds a professional title', 'Holds no professional title'] },
};

// ---------------------------------------------------------------------------------------------------------------
// Conditions
// ---------------------------------------------------------------------------------------------------------------

function numCompare(op: Op, value: LeafValue | undefined, lang: PhraseLang, field: string): string | null {
  const arr = Array.isArray(value) ? value : [];
  const v = Array.isArray(value) ? '' : String(value);
  const zh = lang === 'zh';
  switch (op) {
    case 'gte':
      return zh ? `不少于 ${v}` : `at least ${v}`;
    case 'lte':
      return zh ? `不超过 ${v}` : `no more than ${v}`;
    case 'between':
      return zh ? `在 ${arr[0]} 到 ${arr[1]}` : `between ${arr[0]} and ${arr[1]}`;
    case 'eq':
      return zh ? `为 ${v}` : `exactly ${v}`;
    case 'ne':
      return zh ? `不为 ${v}` : `other than ${v}`;
    case 'in':
      return zh ? `为 ${joinWords(arr.map((x) => shown(field, x, lang)), lang)}` : `${joinWords(arr.map((x) => shown(field, x, lang)), lang)}`;
    case 'not_in':
      return zh ? `不为 ${joinWords(arr.map((x) => shown(field, x, lang)), lang)}` : `other than ${joinWords(arr.map((x) => shown(field, x, lang)), lang)}`;
    default:
      return null;
  }
}

function filterWords(filter: ListFilter | undefined, lang: PhraseLang) {
  const f = filter ?? {};
  const list = (k: string) => {
    const v = f[k];
    if (v === undefined) return '';
    return joinWords((Array.isArray(v) ? v : [v]).map((x) => shown(k, x as string, lang)), lang);
  };
  const within = f.within_months !== undefined ? Number(f.within_months) : null;
  const ageLte = f.age_lte !== undefined ? Number(f.age_lte) : null;
  const agreement = f.agreement_months_gte !== undefined ? Number(f.agreement_months_gte) : null;
  const rest = Object.keys(f).filter((k) => !['level', 'rank', 'type', 'within_months', 'age_lte', 'agreement_months_gte'].includes(k));
  return { level: list('level'), rank: list('rank'), type: list('type'), within, ageLte, agreement, rest };
}

function listCondition(field: FieldName, op: Op, value: LeafValue | undefined, filter: ListFilter | undefined, lang: PhraseLang): string {
  const zh = lang === 'zh';
  const ph = LIST_PHRASES[field];
  const label = fieldLabel(field, lang);
  const fw = filterWords(filter, lang);
  const values = (Array.isArray(value) ? value : []).map((x) => shown(field, x, lang));
  if (op === 'contains_any' || op === 'contains_all') {
    const all = op === 'contains_all';
    if (zh) {
      const verb = ph?.zh[0] ?? '有';
      if (values.length === 1) return `须${verb}${values[0]}`;
      return `须${verb}${all ? '以下全部' : '以下之一'}${ph?.zh[1] ?? label}：${values.join('、')}`;
    }
    if (values.length === 1) return `Holds ${values[0]}`;
    return `${all ? 'All' : 'One'} of these ${ph?.en[1] ?? label}: ${joinWords(values, lang, all ? 'and' : 'or')}`;
  }
  if (op === 'exists') {
    const want = value === undefined || value === true;
    if (zh) return want ? `须有${label}` : `须没有${label}`;
    return want ? `Has ${lower(label, lang)}` : `Has no ${lower(label, lang)}`;
  }
  // count_gte
  const k = Number(value);
  if (zh) {
    const within = fw.within !== null ? `近 ${fw.within} 个月内` : '';
    const quals: string[] = [];
    if (fw.ageLte !== null) quals.push(`年龄不超过 ${fw.ageLte} 岁`);
    if (fw.agreement !== null) quals.push(`签订 ${fw.agreement} 个月以上协议`);
    const qual = quals.length ? `${quals.join('、')}的` : '';
    const noun = `${fw.type}${fw.level}${fw.rank && field !== 'exhibitions' ? fw.rank : ''}${ph?.zh[1] ?? label}`;
    return `${within}${ph?.zh[0] ?? ''}${qual}${noun}至少 ${k} ${ph?.zh[2] ?? '项'}`;
  }
  const noun = k === 1 ? (ph?.en[0] ?? label) : (ph?.en[1] ?? label);
  const adj = [fw.level, fw.rank, fw.type].filter(Boolean).join(' ');
  const quals: string[] = [];
  if (fw.ageLte !== null) quals.push(`aged ${fw.ageLte} or under`);
  if (fw.agreement !== null) quals.push(`on agreements of at least ${fw.agreement} months`);
  const within = fw.within !== null ? ` in the last ${fw.within} months` : '';
  return `At least ${k} ${adj ? `${adj} ` : ''}${noun}${quals.length ? ` ${quals.join(', ')}` : ''}${within}`;
}

/** The requirement of a field leaf as a plain sentence fragment (no result, no actual value). */
export function conditionSentence(f: Pick<CriterionFacts, 'field' | 'op' | 'value' | 'filter' | 'label'>, lang: PhraseLang): string {
  const own = lang === 'zh' ? f.label?.zh : f.label?.en;
  if (own) return own;
  const field = f.field!;
  const op = f.op!;
  const spec = FIELD_SPECS[field];
  const zh = lang === 'zh';
  const label = fieldLabel(field, lang);
  const v = f.value;
  if (spec.type === 'list') return listCondition(field, op, v, f.filter, lang);
  if (op === 'exists') {
    const want = v === undefined || v === true;
    const ex = EXISTS_PHRASES[field];
    if (ex) return ex[lang][want ? 0 : 1];
    if (zh) return want ? `须填写${label}` : `须没有${label}`;
    return want ? `Has a ${lower(label, lang)}` : `Has no ${lower(label, lang)}`;
  }
  if (spec.type === 'boolean') {
    const b = BOOLEAN_PHRASES[field];
    const want = op === 'ne' ? v !== true : v === true;
    if (b) return b[lang][want ? 0 : 1];
    return zh ? `${label}须为${want ? '是' : '否'}` : `${label}: ${want ? 'yes' : 'no'}`;
  }
  if (spec.type === 'date') {
    const d = DATE_PHRASES[field];
    const event = d ? (zh ? d.zh : d.en[0]) : label;
    if (op === 'within_months') return zh ? `近 ${v} 个月内${event}` : `${event} within the last ${v} months`;
    if (op === 'older_than_months') return zh ? `${event}已满 ${v} 个月` : `${event} at least ${v} months ago`;
    if (op === 'eq') return zh ? `${label}须为 ${v}` : `${upper(label)} on ${v}`;
    return zh ? `${label}不能是 ${v}` : `${upper(label)} not on ${v}`;
  }
  if (spec.type === 'number' && !spec.enum) {
    const n = NUMBER_PHRASES[field];
    const cmp = numCompare(op, v, lang, field) ?? '';
    if (n) {
      const [pre, unit] = n[lang];
      if (op === 'between') return zh ? `${pre}${cmp}${unit}之间` : `${pre}${cmp}${unit}`;
      return `${pre}${cmp}${unit}`;
    }
    return zh ? `${label}${cmp}` : `${upper(label)} ${cmp}`;
  }
  // enumerated or free text (skill_level is an enumerated number: lower is higher)
  if (field === 'skill_level' && (op === 'lte' || op === 'gte')) {
    const lvl = shown(field, v as number, lang);
    if (op === 'lte') return zh ? `职业技能等级须达到${lvl}或以上` : `Skill level ${lvl} or higher`;
    return zh ? `职业技能等级须为${lvl}或以下` : `Skill level ${lvl} or lower`;
  }
  const values = (Array.isArray(v) ? v : v === undefined ? [] : [v as string | number]).map((x) => shown(field, x, lang));
  switch (op) {
    case 'eq':
      return zh ? `${label}须为${values[0]}` : `${upper(label)} must be ${values[0] ?? ''}`;
    case 'ne':
      return zh ? `${label}不能是${values[0]}` : `${upper(label)} other than ${values[0] ?? ''}`;
    case 'in':
      return values.length === 1 ? (zh ? `${label}须为${values[0]}` : `${upper(label)} must be ${values[0]!}`) : zh ? `${label}须为${joinWords(values, lang)}` : `${upper(label)} must be ${joinWords(values, lang)}`;
    case 'not_in':
      return zh ? `${label}不能是${joinWords(values, lang)}` : `${upper(label)} must not be ${joinWords(values, lang)}`;
    default:
      return zh ? `${label}须符合要求` : `${upper(label)} as required`;
  }
}

/** What the profile says, as a clause for the parentheses: "您已毕业 77 个月" / "the applicant entered: …". */
export function actualClause(f: Pick<CriterionFacts, 'field' | 'op' | 'actual'>, lang: PhraseLang, person: Person): string | null {
  const x = f.actual;
  if (x === undefined || f.field === undefined) return null;
  const field = f.field;
  const spec = FIELD_SPECS[field];
  const zh = lang === 'zh';
  if (spec.type === 'list') {
    if (f.op !== 'count_gte' || typeof x !== 'number') return null;
    return zh ? fill(`{S}有 ${x} ${LIST_PHRASES[field]?.zh[2] ?? '项'}`, lang, person) : fill(`{S} {have} ${x}`, lang, person);
  }
  if (spec.type === 'boolean' && typeof x === 'boolean') {
    const b = BOOLEAN_PHRASES[field];
    if (b) return fill(b[lang][x ? 2 : 3]!, lang, person);
    return zh ? fill(`{P}${fieldLabel(field, lang)}：${x ? '是' : '否'}`, lang, person) : fill(`{P} answer: ${x ? 'yes' : 'no'}`, lang, person);
  }
  if (x === 'none') {
    return zh ? fill(`{S}填写的是：${shown(field, 'none', lang)}`, lang, person) : fill(`{S} said: ${shown(field, 'none', lang)}`, lang, person);
  }
  if (spec.type === 'date' && typeof x === 'string') {
    const d = DATE_PHRASES[field];
    if (d) return zh ? fill(`{S}于 ${x} ${d.zh}`, lang, person) : fill(d.en[1], lang, person, x);
  }
  if (spec.type === 'number' && !spec.enum && typeof x === 'number') {
    const n = NUMBER_PHRASES[field];
    if (n) return fill(n[lang][2], lang, person, String(x));
  }
  const v = shown(field, x, lang);
  if (spec.derived) return zh ? fill(`{P}${fieldLabel(field, lang)}为${v}`, lang, person) : fill(`{P} ${lower(fieldLabel(field, lang), lang)}: ${v}`, lang, person);
  return zh ? fill(`{S}填写的是：${v}`, lang, person) : fill(`{S} entered: ${v}`, lang, person);
}

const GATE_STATUS: Record<Status, { zh: string; en: string }> = {
  ELIGIBLE: { zh: '符合条件', en: 'eligible' },
  NEAR_MISS: { zh: '即将符合条件', en: 'eligible soon' },
  INELIGIBLE: { zh: '不符合条件', en: 'not eligible' },
  NEEDS_INFO: { zh: '还需补充信息', en: 'still needs information' },
  NEEDS_REVIEW: { zh: '待人工评审', en: 'awaiting review' },
  EXCLUDED: { zh: '因不能重复享受而除外', en: 'excluded (cannot be combined)' },
  ALREADY_RECEIVING: { zh: '正在享受', en: 'already received' },
  NOT_IN_FORCE: { zh: '目前未实施', en: 'not in force' },
};

/**
 * One criterion result as a plain sentence: the requirement, then what the profile says in parentheses; for an
 * unknown result what to add ("请补充：…" / "tell us …"); for a near miss the date it is met from.
 */
export function criterionSentence(f: CriterionFacts, result: CriterionResult, o: PhraseOptions): string {
  const { lang, person } = o;
  const zh = lang === 'zh';
  const you = person === 'you';
  if (f.kind === 'manual') {
    const what = (zh ? f.label?.zh : f.label?.en) ?? (zh ? '专家评审' : 'committee review');
    if (f.review) return zh ? `需人工评审：${what}` : `Needs review: ${what}`;
    return zh ? `其他条件满足后进行评审：${what}` : `Reviewed once the other criteria are met: ${what}`;
  }
  if (you && result === 'MET' && o.own?.pass) return o.own.pass;
  if (you && result === 'NOT_MET' && o.own?.fail) return o.own.fail;
  let cond: string;
  let actual: string | null = null;
  if (f.kind === 'gate') {
    const title = f.gateTitle ? (zh ? f.gateTitle.zh : f.gateTitle.en) : zh ? '一项已不在目录中的政策' : 'a policy no longer in the catalogue';
    cond = (zh ? f.label?.zh : f.label?.en) ?? (zh ? `须先符合「${title}」的条件` : `Must first qualify for “${title}”`);
    if (result === 'NOT_MET' && f.gateStatus) actual = zh ? fill(`{S}目前${GATE_STATUS[f.gateStatus].zh}`, lang, person) : fill(`{P} result there: ${GATE_STATUS[f.gateStatus].en}`, lang, person);
  } else {
    cond = conditionSentence(f, lang);
    if (result === 'MET' || result === 'NOT_MET') actual = actualClause(f, lang, person);
  }
  const paren = (s: string) => (zh ? `（${s}）` : ` (${s})`);
  switch (result) {
    case 'MET':
      return `${cond}${actual ? paren(actual) : ''}`;
    case 'NOT_MET': {
      const when = f.eligibleFrom ? (zh ? `；预计 ${f.eligibleFrom} 起符合` : `; met from ${f.eligibleFrom}`) : '';
      const hint = you && o.own?.hint ? (zh ? `。${o.own.hint}` : `. ${o.own.hint}`) : '';
      return `${cond}${actual ? paren(actual) : ''}${when}${hint}`;
    }
    case 'UNKNOWN': {
      const need = (f.missing ?? []).map((m) => (zh ? fieldLabel(m, lang) : lower(fieldLabel(m, lang), lang)));
      if (need.length === 0) return zh ? `${cond}（信息不足）` : `${cond} (not enough information)`;
      const list = joinWords(need, lang, 'and');
      if (zh) return `${cond}${paren(you ? `请补充：${list}` : `申请人尚未填写：${list}`)}`;
      return `${cond}${paren(you ? `tell us your ${list}` : `the applicant has not given their ${list}`)}`;
    }
    default:
      return zh ? `需人工评审：${cond}` : `Needs review: ${cond}`;
  }
}

/** The tags shown to people: the Chinese keywords. Pinyin and other Latin spellings are there for search only. */
export function displayTags(tags: readonly string[]): string[] {
  return tags.filter((x) => /\p{Script=Han}/u.test(x));
}
