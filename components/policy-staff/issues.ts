/** Validation issues of the builder: a path relative to the version document (or `meta:<key>`) and a message. */
export interface Issue {
  path: string;
  message: string;
}

type T = (key: string, params?: Record<string, string | number>) => string;

/** DOM id of the builder element for a document path (criteria nodes and sections). */
export function anchorId(path: string): string {
  return `pb-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;
}

/** The element an issue is shown at: the deepest criteria node on its path, else its section. */
export function anchorFor(path: string): string {
  const node = /^((?:criteria|benefit\.amount_table\[\d+\]\.when)(?:\.(?:children\[\d+\]|child))*)/.exec(path);
  if (node) return anchorId(node[1]!);
  if (path.startsWith('meta:')) return anchorId('meta');
  const section = /^(benefit|application|test_cases)/.exec(path);
  if (section) return anchorId(section[1]!);
  return anchorId('version');
}

const SEGMENT_KEYS: Record<string, string> = {
  criteria: 'policyStaff.pathCriteria',
  benefit: 'policyStaff.sectionBenefit',
  application: 'policyStaff.sectionApplication',
  test_cases: 'policyStaff.sectionGolden',
  amount_table: 'policyStaff.amountTable',
  materials: 'policyStaff.materials',
  when: 'policyStaff.rowWhen',
  child: 'policyStaff.notTitle',
  value: 'policyStaff.value',
  op: 'policyStaff.op',
  field: 'policyStaff.field',
  filter: 'policyStaff.filter',
  gate: 'policyStaff.gatePolicy',
  version: 'policyStaff.versionNo',
  effective_from: 'policyStaff.effectiveFrom',
  effective_to: 'policyStaff.effectiveTo',
  amount: 'policyStaff.amount',
  text_zh: 'policyStaff.benefitTextZh',
  code: 'policyStaff.code',
  title_zh: 'policyStaff.titleZh',
  issuer: 'policyStaff.issuer',
  profile: 'policyStaff.goldenProfile',
  profile_ref: 'policyStaff.goldenProfile',
  eval_date: 'policyStaff.goldenEvalDate',
  expect: 'policyStaff.goldenExpect',
};

/** "条件 › 第 2 项 › 取值" for `criteria.children[1].value`: where the problem is, in words office staff know. */
export function describePath(path: string, t: T): string {
  const parts: string[] = [];
  const body = path.startsWith('meta:') ? path.slice(5) : path;
  if (path.startsWith('meta:')) parts.push(t('policyStaff.sectionMeta'));
  for (const seg of body.split('.')) {
    const m = /^([a-z_]+)(?:\[(\d+)\])?$/.exec(seg);
    if (!m) {
      parts.push(seg);
      continue;
    }
    const [, name, idx] = m;
    if (name === 'children' && idx !== undefined) {
      parts.push(t('policyStaff.pathItem', { n: Number(idx) + 1 }));
      continue;
    }
    const key = SEGMENT_KEYS[name!];
    const label = key ? t(key) : name!;
    parts.push(idx !== undefined ? `${label} ${Number(idx) + 1}` : label);
  }
  return parts.filter(Boolean).join(' › ');
}

const PATTERNS: [RegExp, string][] = [
  [/takes a number|expected a number|takes a non-negative integer|positive number of months|positive integer|takes \[low, high\]|expected number/i, 'policyStaff.issueNumber'],
  [/takes a non-empty list|empty list/i, 'policyStaff.issueList'],
  [/takes a single value|expected a string|expected a boolean/i, 'policyStaff.issueValue'],
  [/is not one of/i, 'policyStaff.issueEnum'],
  [/unknown field/i, 'policyStaff.issueField'],
  [/does not apply to/i, 'policyStaff.issueOp'],
  [/overlaps version/i, 'policyStaff.issueOverlap'],
  [/not an ISO date|expected an ISO date/i, 'policyStaff.issueDate'],
  [/semver/i, 'policyStaff.issueSemver'],
  [/exactly one of profile_ref or profile/i, 'policyStaff.issueGoldenProfile'],
  [/gates itself/i, 'policyStaff.issueSelfGate'],
  [/gate target .* is not in the catalogue/i, 'policyStaff.issueGateUnknown'],
  [/gate cycle/i, 'policyStaff.issueGateCycle'],
  [/duplicate criterion id/i, 'policyStaff.issueDuplicateId'],
  [/snake_case/i, 'policyStaff.issueMaterialCode'],
  [/a leaf is exactly one of/i, 'policyStaff.issueLeafShape'],
  [/effective_to is before/i, 'policyStaff.issueDates'],
  [/low > high/i, 'policyStaff.issueBetween'],
];

/** A plain-language reading of the server's (English) validation message, with the original kept for reference. */
export function explainIssue(message: string, t: T): string {
  for (const [re, key] of PATTERNS) if (re.test(message)) return `${t(key)}（${message}）`;
  return message;
}
