import {
  FIELD_NAMES,
  FIELD_SPECS,
  type Application,
  type Benefit,
  type CriterionNode,
  type FieldName,
  type FieldSpec,
  type GoldenCase,
  type ListFilter,
  type Op,
  type PolicyVersion,
  type Status,
} from '@/lib/policy-matching/model';

/**
 * The structured policy builder's editable model: the PolicyVersion document (lib/policy-matching/model.ts) with
 * every number kept as the text the person typed, and a client-only `uid` on each node. toVersionDoc turns it back
 * into the document the server validates; the server's validation (validatePolicy) stays the one source of truth.
 */

/** all / any groups, for both the document's and the builder's nodes. */
export function isGroupNode<N extends { kind: string }>(n: N): n is Extract<N, { kind: 'all' | 'any' }> {
  return n.kind === 'all' || n.kind === 'any';
}

let seq = 0;
export const newUid = () => `n${Date.now().toString(36)}${(seq++).toString(36)}`;

export type Remediable = 'default' | 'yes' | 'no';

export interface FilterRow {
  uid: string;
  key: string;
  value: string;
}

export interface LeafTextFields {
  id: string;
  label_zh: string;
  label_en: string;
  explain_pass_zh: string;
  explain_pass_en: string;
  explain_fail_zh: string;
  explain_fail_en: string;
  hint_zh: string;
  hint_en: string;
  evidence: string;
}

export interface ELeaf extends LeafTextFields {
  uid: string;
  kind: 'leaf';
  leafKind: 'field' | 'gate' | 'manual';
  field: FieldName;
  op: Op;
  /** Scalar value as typed (number, date, text, 'true' / 'false'). */
  value: string;
  /** in / not_in / contains_any / contains_all. */
  values: string[];
  low: string;
  high: string;
  filter: FilterRow[];
  remediable: Remediable;
  time_based: boolean;
  gate: string;
  unit: string;
  /** Keys of the original leaf the builder does not edit (e.g. citation), kept as they were. */
  extra: Record<string, unknown>;
}

export interface EGroup {
  uid: string;
  kind: 'all' | 'any';
  id: string;
  label_zh: string;
  label_en: string;
  children: ENode[];
}

export interface ENot {
  uid: string;
  kind: 'not';
  id: string;
  label_zh: string;
  label_en: string;
  child: ENode;
}

export type ENode = EGroup | ENot | ELeaf;

export interface EAmountRow {
  uid: string;
  hasWhen: boolean;
  when: ENode;
  amount: string;
  rate: string;
  cap: string;
  duration_months: string;
  text_zh: string;
  text_en: string;
  extra: Record<string, unknown>;
}

export interface EBenefit {
  kind: string;
  amount: string;
  period: string;
  duration_months: string;
  rate: string;
  cap: string;
  schedule: string;
  text_zh: string;
  text_en: string;
  table: EAmountRow[];
  extra: Record<string, unknown>;
}

export interface EMaterial {
  uid: string;
  code: string;
  name_zh: string;
  name_en: string;
  alternatives: string;
}

export interface EApplication {
  enabled: boolean;
  mode: string;
  channel: string;
  office: string;
  hotline: string;
  materials: EMaterial[];
  processing_days: string;
  payout_days: string;
  manual_confirmation: boolean;
}

export interface EGolden {
  uid: string;
  name: string;
  source: 'ref' | 'inline';
  profile_ref: string;
  profile_json: string;
  eval_date: string;
  expect: Status;
  amount: string;
}

export interface EVersion {
  version: string;
  effective_from: string;
  effective_to: string;
  criteria: ENode;
  benefit: EBenefit;
  application: EApplication;
  golden: EGolden[];
  /** Kept as they were: supersedes, changelog, review. */
  extra: Record<string, unknown>;
}

// ---------------------------------------------------------------------------------------------------------------
// Fields and ops
// ---------------------------------------------------------------------------------------------------------------

/** Field groups for the field picker, in the order office staff think about a person. */
export const FIELD_GROUPS: { key: string; fields: FieldName[] }[] = [
  { key: 'groupPerson', fields: ['age', 'birth_date', 'nationality', 'hukou_province', 'hukou_city', 'is_local_hukou'] },
  {
    key: 'groupJdz',
    fields: ['months_in_jdz', 'residence_since', 'residence_district', 'works_in_jdz', 'works_or_lives_in_jdz', 'relocated_to_jdz_date', 'commitment_years', 'owns_home_in_jdz'],
  },
  {
    key: 'groupWork',
    fields: [
      'sector',
      'crafts',
      'education',
      'graduation_date',
      'months_since_graduation',
      'practice_start',
      'practice_years',
      'employment',
      'employer_district',
      'social_insurance_months_jdz',
      'retired',
      'registered_unemployed',
      'credit_bad',
    ],
  },
  {
    key: 'groupBusiness',
    fields: [
      'business.form',
      'business.registered_district',
      'business.registered_date',
      'business.registered_in_jdz',
      'business_operating_months',
      'business.first_time',
      'business.employees_insured',
      'studio.district',
      'studio.lease_months',
      'studio.area_m2',
      'studio.monthly_rent',
      'studio.government_free',
    ],
  },
  {
    key: 'groupTitle',
    fields: [
      'tier',
      'title.level',
      'title.date',
      'years_since_title',
      'skill_level',
      'honours',
      'honours_b_level_count',
      'ich.level',
      'ich.project',
      'ich.year',
      'awards',
      'exhibitions',
      'awards_or_exhibitions',
      'portfolio_count',
      'apprentices',
    ],
  },
  { key: 'groupReceived', fields: ['receiving', 'received'] },
];
const grouped = new Set(FIELD_GROUPS.flatMap((g) => g.fields));
export const OTHER_FIELDS = FIELD_NAMES.filter((f) => !grouped.has(f));

/** Ops that validatePolicy accepts for a field (checkFieldLeaf in lib/policy-matching/model.ts). */
export function opsFor(spec: FieldSpec): Op[] {
  switch (spec.type) {
    case 'number':
      return spec.enum ? ['eq', 'ne', 'in', 'not_in', 'gte', 'lte', 'exists'] : ['eq', 'ne', 'gte', 'lte', 'between', 'in', 'not_in', 'exists'];
    case 'string':
      return ['eq', 'ne', 'in', 'not_in', 'exists'];
    case 'boolean':
      return ['eq', 'ne', 'exists'];
    case 'date':
      return ['within_months', 'older_than_months', 'eq', 'ne', 'exists'];
    case 'list':
      return spec.key ? ['count_gte', 'contains_any', 'contains_all', 'exists'] : ['count_gte', 'exists'];
  }
}

export const takesFilter = (op: Op) => op === 'count_gte' || op === 'contains_any' || op === 'contains_all';

/** Known values for a field's value picker (enums, honours, policy codes for receiving / received). */
export function valueOptions(field: FieldName, op: Op, policyCodes: string[]): (string | number)[] | null {
  const spec = FIELD_SPECS[field];
  if (spec.type === 'list') {
    if (op !== 'contains_any' && op !== 'contains_all') return null;
    if (field === 'honours') return ['中国工艺美术大师', '中国陶瓷艺术大师', '省级工艺美术大师', '市级大师', '中华技能大奖', '全国技术能手'];
    if (field === 'awards' || field === 'exhibitions' || field === 'awards_or_exhibitions') return ['international', 'national', 'provincial', 'municipal'];
    if (field === 'receiving' || field === 'received') return policyCodes;
    return null;
  }
  return spec.enum ? [...spec.enum] : null;
}

/** The keys a list filter may use: attr (equals / one of), attr_gte / attr_lte for numbers, within_months if dated. */
export function filterKeys(spec: FieldSpec): { key: string; type: 'string' | 'number' | 'date' | 'months' }[] {
  const out: { key: string; type: 'string' | 'number' | 'date' | 'months' }[] = [];
  for (const [attr, type] of Object.entries(spec.attrs ?? {})) {
    if (type === 'number') out.push({ key: `${attr}_gte`, type: 'number' }, { key: `${attr}_lte`, type: 'number' }, { key: attr, type: 'number' });
    else out.push({ key: attr, type });
  }
  if (spec.dated) out.unshift({ key: 'within_months', type: 'months' });
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Factories
// ---------------------------------------------------------------------------------------------------------------

const emptyText = (): LeafTextFields => ({
  id: '',
  label_zh: '',
  label_en: '',
  explain_pass_zh: '',
  explain_pass_en: '',
  explain_fail_zh: '',
  explain_fail_en: '',
  hint_zh: '',
  hint_en: '',
  evidence: '',
});

export function newLeaf(leafKind: ELeaf['leafKind'] = 'field'): ELeaf {
  return {
    uid: newUid(),
    kind: 'leaf',
    leafKind,
    field: 'age',
    op: 'lte',
    value: '',
    values: [],
    low: '',
    high: '',
    filter: [],
    remediable: 'default',
    time_based: false,
    gate: '',
    unit: '',
    extra: {},
    ...emptyText(),
  };
}

export const newGroup = (kind: 'all' | 'any' = 'all', children: ENode[] = [newLeaf()]): EGroup => ({ uid: newUid(), kind, id: '', label_zh: '', label_en: '', children });

export function defaultOpFor(field: FieldName): Op {
  return opsFor(FIELD_SPECS[field])[0]!;
}

export function emptyVersion(today: string): EVersion {
  return {
    version: '1.0.0',
    effective_from: today,
    effective_to: '',
    criteria: newGroup('all'),
    benefit: { kind: 'cash_once', amount: '', period: 'once', duration_months: '', rate: '', cap: '', schedule: '', text_zh: '', text_en: '', table: [], extra: {} },
    application: { enabled: true, mode: '申请', channel: '', office: '', hotline: '', materials: [], processing_days: '', payout_days: '', manual_confirmation: true },
    golden: [],
    extra: {},
  };
}

export const newGolden = (today: string): EGolden => ({ uid: newUid(), name: '', source: 'ref', profile_ref: 'XIAOLIN', profile_json: '{\n  "birth_date": "1998-01-01",\n  "sector": "陶瓷"\n}', eval_date: today, expect: 'ELIGIBLE', amount: '' });

// ---------------------------------------------------------------------------------------------------------------
// Document → editable
// ---------------------------------------------------------------------------------------------------------------

const s = (v: unknown) => (v === undefined || v === null ? '' : String(v));

function filterToRows(f: ListFilter | undefined): FilterRow[] {
  return Object.entries(f ?? {}).map(([key, v]) => ({ uid: newUid(), key, value: Array.isArray(v) ? v.join(', ') : String(v) }));
}

export function toENode(n: CriterionNode): ENode {
  if (isGroupNode(n)) return { uid: newUid(), kind: n.kind, id: s(n.id), label_zh: s(n.label_zh), label_en: s(n.label_en), children: n.children.map(toENode) };
  if (n.kind === 'not') return { uid: newUid(), kind: 'not', id: s(n.id), label_zh: s(n.label_zh), label_en: s(n.label_en), child: toENode(n.child) };
  const { kind: _k, id, label_zh, label_en, explain_pass_zh, explain_pass_en, explain_fail_zh, explain_fail_en, hint_zh, hint_en, evidence, ...rest } = n;
  const text: LeafTextFields = {
    id: s(id),
    label_zh: s(label_zh),
    label_en: s(label_en),
    explain_pass_zh: s(explain_pass_zh),
    explain_pass_en: s(explain_pass_en),
    explain_fail_zh: s(explain_fail_zh),
    explain_fail_en: s(explain_fail_en),
    hint_zh: s(hint_zh),
    hint_en: s(hint_en),
    evidence: s(evidence),
  };
  const base = newLeaf();
  if (n.manual === true) {
    const { manual: _m, ...extra } = rest as Record<string, unknown>;
    return { ...base, ...text, leafKind: 'manual', extra };
  }
  if (typeof n.gate === 'string') {
    const { gate: g, ...extra } = rest as Record<string, unknown>;
    return { ...base, ...text, leafKind: 'gate', gate: String(g), extra };
  }
  const { field, op, value, filter, remediable, time_based, unit, manual: _m, gate: _g, ...extra } = rest as Record<string, unknown> & {
    field: FieldName;
    op: Op;
    value?: unknown;
    filter?: ListFilter;
    remediable?: boolean;
    time_based?: boolean;
    unit?: string;
  };
  const list = Array.isArray(value);
  return {
    ...base,
    ...text,
    leafKind: 'field',
    field,
    op,
    value: list ? '' : s(value),
    values: list && op !== 'between' ? (value as unknown[]).map(String) : [],
    low: op === 'between' && list ? s((value as unknown[])[0]) : '',
    high: op === 'between' && list ? s((value as unknown[])[1]) : '',
    filter: filterToRows(filter),
    remediable: remediable === undefined ? 'default' : remediable ? 'yes' : 'no',
    time_based: time_based === true,
    unit: s(unit),
    extra,
  };
}

export function toEVersion(v: PolicyVersion): EVersion {
  const { version, effective_from, effective_to, criteria, benefit, application, test_cases, status: _s, ...extra } = v;
  const { kind, amount, period, duration_months, rate, cap, schedule, text_zh, text_en, amount_table, ...bExtra } = benefit;
  return {
    version,
    effective_from,
    effective_to: s(effective_to),
    criteria: toENode(criteria),
    benefit: {
      kind: s(kind),
      amount: s(amount),
      period: s(period),
      duration_months: s(duration_months),
      rate: s(rate),
      cap: s(cap),
      schedule: schedule ? schedule.join(', ') : '',
      text_zh: s(text_zh),
      text_en: s(text_en),
      table: (amount_table ?? []).map((r) => {
        const { when, amount: a, rate: ra, cap: c, duration_months: d, text_zh: tz, text_en: te, ...rx } = r;
        return { uid: newUid(), hasWhen: !!when, when: when ? toENode(when) : newGroup('all'), amount: s(a), rate: s(ra), cap: s(c), duration_months: s(d), text_zh: s(tz), text_en: s(te), extra: rx };
      }),
      extra: bExtra,
    },
    application: application
      ? {
          enabled: true,
          mode: application.mode,
          channel: s(application.channel),
          office: s(application.office),
          hotline: s(application.hotline),
          materials: application.materials.map((m) => ({ uid: newUid(), code: m.code, name_zh: m.name_zh, name_en: s(m.name_en), alternatives: (m.alternatives ?? []).join('、') })),
          processing_days: s(application.processing_days),
          payout_days: s(application.payout_days),
          manual_confirmation: application.manual_confirmation,
        }
      : { ...emptyVersion('').application, enabled: false },
    golden: (test_cases ?? []).map((c) => ({
      uid: newUid(),
      name: c.name,
      source: c.profile ? 'inline' : 'ref',
      profile_ref: s(c.profile_ref) || 'XIAOLIN',
      profile_json: c.profile ? JSON.stringify(c.profile, null, 2) : '{}',
      eval_date: c.eval_date,
      expect: c.expect,
      amount: s(c.amount),
    })),
    extra,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Editable → document
// ---------------------------------------------------------------------------------------------------------------

/** A number from typed text; text that is not a number is passed on as text so the server names the error. */
function num(raw: string): number | string | undefined {
  const t = raw.trim();
  if (t === '') return undefined;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}

const opt = <T>(k: string, v: T | undefined | '') => (v === undefined || v === '' ? {} : { [k]: v });
const splitList = (raw: string) =>
  raw
    .split(/[,，、;；\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

function scalarFor(spec: FieldSpec, raw: string): unknown {
  if (spec.type === 'boolean') return raw === 'true' ? true : raw === 'false' ? false : raw.trim() === '' ? undefined : raw;
  if (spec.type === 'number') return num(raw);
  return raw.trim() === '' ? undefined : raw.trim();
}

function filterFromRows(field: FieldName, rows: FilterRow[]): ListFilter | undefined {
  if (!rows.length) return undefined;
  const spec = FIELD_SPECS[field];
  const out: Record<string, unknown> = {};
  for (const r of rows) {
    if (!r.key) continue;
    const m = /^(.*)_(gte|lte)$/.exec(r.key);
    const attrType = r.key === 'within_months' ? 'number' : m && spec.attrs?.[m[1]!] ? 'number' : (spec.attrs?.[r.key] ?? 'string');
    if (attrType === 'number') out[r.key] = num(r.value) ?? r.value;
    else {
      const parts = splitList(r.value);
      out[r.key] = parts.length > 1 ? parts : (parts[0] ?? '');
    }
  }
  return out as ListFilter;
}

export function toCriterion(n: ENode): CriterionNode {
  const text = (x: { id: string; label_zh: string; label_en: string }) => ({ ...opt('id', x.id.trim()), ...opt('label_zh', x.label_zh.trim()), ...opt('label_en', x.label_en.trim()) });
  if (isGroupNode(n)) return { kind: n.kind, ...text(n), children: n.children.map(toCriterion) };
  if (n.kind === 'not') return { kind: 'not', ...text(n), child: toCriterion(n.child) };
  const leafText = {
    ...text(n),
    ...opt('explain_pass_zh', n.explain_pass_zh.trim()),
    ...opt('explain_pass_en', n.explain_pass_en.trim()),
    ...opt('explain_fail_zh', n.explain_fail_zh.trim()),
    ...opt('explain_fail_en', n.explain_fail_en.trim()),
    ...opt('hint_zh', n.hint_zh.trim()),
    ...opt('hint_en', n.hint_en.trim()),
    ...opt('evidence', n.evidence.trim()),
    ...n.extra,
  };
  if (n.leafKind === 'manual') return { kind: 'leaf', ...leafText, manual: true } as CriterionNode;
  if (n.leafKind === 'gate') return { kind: 'leaf', ...leafText, gate: n.gate } as CriterionNode;
  const spec = FIELD_SPECS[n.field];
  let value: unknown;
  switch (n.op) {
    case 'exists':
      value = undefined;
      break;
    case 'between':
      value = [num(n.low) ?? '', num(n.high) ?? ''];
      break;
    case 'in':
    case 'not_in':
    case 'contains_any':
    case 'contains_all':
      value = n.values.map((x) => (spec.type === 'number' || typeof spec.enum?.[0] === 'number' ? (num(x) ?? x) : x));
      break;
    case 'count_gte':
    case 'within_months':
    case 'older_than_months':
    case 'gte':
    case 'lte':
      value = num(n.value);
      break;
    default:
      value = scalarFor(spec, n.value);
  }
  const filter = takesFilter(n.op) ? filterFromRows(n.field, n.filter) : undefined;
  return {
    kind: 'leaf',
    ...leafText,
    field: n.field,
    op: n.op,
    ...(value === undefined ? {} : { value }),
    ...opt('unit', n.unit.trim()),
    ...(filter ? { filter } : {}),
    ...(n.remediable === 'default' ? {} : { remediable: n.remediable === 'yes' }),
    ...(n.time_based ? { time_based: true } : {}),
  } as CriterionNode;
}

function toBenefit(b: EBenefit): Benefit {
  const schedule = splitList(b.schedule).map((x) => num(x));
  return {
    ...b.extra,
    ...opt('kind', b.kind),
    ...opt('amount', num(b.amount)),
    ...opt('period', b.period),
    ...opt('duration_months', num(b.duration_months)),
    ...opt('rate', num(b.rate)),
    ...opt('cap', num(b.cap)),
    ...(schedule.length ? { schedule } : {}),
    ...(b.table.length
      ? {
          amount_table: b.table.map((r) => ({
            ...r.extra,
            ...(r.hasWhen ? { when: toCriterion(r.when) } : {}),
            ...opt('amount', num(r.amount)),
            ...opt('rate', num(r.rate)),
            ...opt('cap', num(r.cap)),
            ...opt('duration_months', num(r.duration_months)),
            ...opt('text_zh', r.text_zh.trim()),
            ...opt('text_en', r.text_en.trim()),
          })),
        }
      : {}),
    text_zh: b.text_zh.trim(),
    ...opt('text_en', b.text_en.trim()),
  } as Benefit;
}

function toApplication(a: EApplication): Application | undefined {
  if (!a.enabled) return undefined;
  return {
    mode: a.mode,
    ...opt('channel', a.channel.trim()),
    ...opt('office', a.office.trim()),
    ...opt('hotline', a.hotline.trim()),
    materials: a.materials.map((m) => ({
      code: m.code.trim(),
      name_zh: m.name_zh.trim(),
      ...opt('name_en', m.name_en.trim()),
      ...(splitList(m.alternatives).length ? { alternatives: splitList(m.alternatives) } : {}),
    })),
    ...opt('processing_days', num(a.processing_days)),
    ...opt('payout_days', num(a.payout_days)),
    manual_confirmation: a.manual_confirmation,
  } as Application;
}

/** Inline profile JSON that does not parse is sent as text: the server then reports it at test_cases[i].profile. */
function toGolden(g: EGolden): GoldenCase {
  let profile: unknown = undefined;
  if (g.source === 'inline') {
    try {
      profile = JSON.parse(g.profile_json);
    } catch {
      profile = g.profile_json;
    }
  }
  return {
    name: g.name.trim(),
    ...(g.source === 'ref' ? { profile_ref: g.profile_ref } : { profile }),
    eval_date: g.eval_date,
    expect: g.expect,
    ...(g.amount.trim() === '' ? {} : { amount: num(g.amount) }),
  } as GoldenCase;
}

export function toVersionDoc(v: EVersion): PolicyVersion {
  const application = toApplication(v.application);
  return {
    ...v.extra,
    version: v.version.trim(),
    effective_from: v.effective_from,
    ...opt('effective_to', v.effective_to),
    criteria: toCriterion(v.criteria),
    benefit: toBenefit(v.benefit),
    ...(application ? { application } : {}),
    ...(v.golden.length ? { test_cases: v.golden.map(toGolden) } : {}),
  } as PolicyVersion;
}

// ---------------------------------------------------------------------------------------------------------------
// Tree edits (immutable)
// ---------------------------------------------------------------------------------------------------------------

export function mapNode(root: ENode, uid: string, fn: (n: ENode) => ENode): ENode {
  if (root.uid === uid) return fn(root);
  if (isGroupNode(root)) return { ...root, children: root.children.map((c) => mapNode(c, uid, fn)) };
  if (root.kind === 'not') return { ...root, child: mapNode(root.child, uid, fn) };
  return root;
}

export function removeNode(root: ENode, uid: string): ENode {
  if (isGroupNode(root)) return { ...root, children: root.children.filter((c) => c.uid !== uid).map((c) => removeNode(c, uid)) };
  if (root.kind === 'not') return { ...root, child: removeNode(root.child, uid) };
  return root;
}

export function moveChild(root: ENode, parentUid: string, index: number, delta: -1 | 1): ENode {
  return mapNode(root, parentUid, (p) => {
    if (!isGroupNode(p)) return p;
    const j = index + delta;
    if (j < 0 || j >= p.children.length) return p;
    const children = [...p.children];
    [children[index], children[j]] = [children[j]!, children[index]!];
    return { ...p, children };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Issue paths
// ---------------------------------------------------------------------------------------------------------------

/**
 * Server paths come in three spellings: `versions[1].criteria.children[0].value` (validatePolicy),
 * `version.criteria.children.0.value` (the action's zod parse) and `policy.code`. Returns the path relative to the
 * version document (`criteria.children[0].value`), or to the metadata (`meta:code`).
 */
export function normalisePath(raw: string): string {
  let p = raw.replace(/\.(\d+)(?=\.|$)/g, '[$1]');
  if (/^policy\./.test(p)) return `meta:${p.slice('policy.'.length)}`;
  p = p.replace(/^[A-Z][A-Z0-9]*-\d{3}\./, '');
  p = p.replace(/^versions\[\d+\]\.?/, '').replace(/^version\.?/, '');
  return p;
}

/** Issues that belong to exactly this node (its own keys), not to its descendants. */
export function issuesAt(issues: { path: string; message: string }[], nodePath: string) {
  return issues.filter((i) => {
    if (i.path === nodePath) return true;
    if (!i.path.startsWith(`${nodePath}.`)) return false;
    const rest = i.path.slice(nodePath.length + 1);
    return !rest.startsWith('children[') && !rest.startsWith('child');
  });
}

/** The next free version number: minor + 1 (1.2.3 → 1.3.0), skipping numbers already used. */
export function bumpVersion(base: string, taken: readonly string[]): string {
  const [maj = 1, min = 0] = base.split('.').map(Number);
  for (let m = min + 1; ; m++) {
    const v = `${maj}.${m}.0`;
    if (!taken.includes(v)) return v;
  }
}
