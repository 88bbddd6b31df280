/**
 * The one filter language of search (booking-and-search.md R3), parsed here into an AST that both engines consume:
 * the embedded engine evaluates it as a predicate, the Meilisearch adapter prints it back as a filter string. The
 * syntax is Meilisearch's subset:
 *
 *   expr    := or
 *   or      := and ("OR" and)*
 *   and     := unary ("AND" unary)*
 *   unary   := "NOT" unary | "(" expr ")" | cond
 *   cond    := field ("=" | "!=" | ">" | ">=" | "<" | "<=") value
 *            | field "IN" "[" value ("," value)* "]" | field "NOT" "IN" "[" … "]"
 *            | field value "TO" value          (inclusive range)
 *            | field "EXISTS" | field "NOT" "EXISTS"
 *   value   := "double quoted" | 'single quoted' | number | true | false | bare-word
 *
 * Keywords are case-insensitive. Only the index's filterable fields may be named: an unknown field and a known but not
 * filterable one are told apart, so the 400 says which. Limits: 2,000 characters, 100 conditions, nesting depth 10.
 */

export type FilterValue = string | number | boolean;
export type FilterNode =
  | { and: FilterNode[] }
  | { or: FilterNode[] }
  | { not: FilterNode }
  | { field: string; op: 'eq' | 'ne' | 'gt' | 'gte' | 'lt' | 'lte'; value: FilterValue }
  | { field: string; op: 'in'; values: FilterValue[] }
  | { field: string; op: 'between'; from: FilterValue; to: FilterValue }
  | { field: string; op: 'exists' };

export type FilterErrorCode = 'FILTER_MALFORMED' | 'FILTER_UNKNOWN_FIELD' | 'FILTER_NOT_FILTERABLE' | 'FILTER_TOO_COMPLEX';

export class FilterError extends Error {
  constructor(
    readonly code: FilterErrorCode,
    readonly detail: { field?: string; at?: number; expected?: string },
  ) {
    super(`${code}${detail.field ? ` (${detail.field})` : ''}${detail.at !== undefined ? ` at ${detail.at}` : ''}`);
    this.name = 'FilterError';
  }
}

export const FILTER_MAX_LENGTH = 2000;
const MAX_CONDITIONS = 100;
const MAX_DEPTH = 10;

type Tok = { t: 'word' | 'str' | 'op' | 'punct'; v: string; at: number };

function lex(src: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    if (c === '"' || c === "'") {
      let j = i + 1;
      let v = '';
      while (j < src.length && src[j] !== c) {
        if (src[j] === '\\' && j + 1 < src.length) j++;
        v += src[j];
        j++;
      }
      if (j >= src.length) throw new FilterError('FILTER_MALFORMED', { at: i, expected: 'closing quote' });
      out.push({ t: 'str', v, at: i });
      i = j + 1;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === '!=' || two === '>=' || two === '<=') {
      out.push({ t: 'op', v: two, at: i });
      i += 2;
      continue;
    }
    if (c === '=' || c === '>' || c === '<') {
      out.push({ t: 'op', v: c, at: i });
      i++;
      continue;
    }
    if (c === '(' || c === ')' || c === '[' || c === ']' || c === ',') {
      out.push({ t: 'punct', v: c, at: i });
      i++;
      continue;
    }
    const m = /^[\p{L}\p{N}_.\-:+]+/u.exec(src.slice(i));
    if (!m) throw new FilterError('FILTER_MALFORMED', { at: i });
    out.push({ t: 'word', v: m[0], at: i });
    i += m[0].length;
  }
  return out;
}

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'to', 'exists']);
const isKw = (tok: Tok | undefined, kw: string) => tok?.t === 'word' && tok.v.toLowerCase() === kw;

function toValue(tok: Tok | undefined, at: number): FilterValue {
  if (!tok) throw new FilterError('FILTER_MALFORMED', { at, expected: 'value' });
  if (tok.t === 'str') return tok.v;
  if (tok.t !== 'word' || KEYWORDS.has(tok.v.toLowerCase())) throw new FilterError('FILTER_MALFORMED', { at: tok.at, expected: 'value' });
  if (/^-?\d+(\.\d+)?$/.test(tok.v)) return Number(tok.v);
  if (tok.v === 'true') return true;
  if (tok.v === 'false') return false;
  return tok.v;
}

export interface FilterFields {
  /** Every field the index knows (searchable, displayed, filterable, sortable). */
  known: readonly string[];
  filterable: readonly string[];
}

/** Parses a filter string; the empty string is no filter (null). Throws FilterError. */
export function parseFilter(src: string, fields: FilterFields): FilterNode | null {
  if (src.length > FILTER_MAX_LENGTH) throw new FilterError('FILTER_TOO_COMPLEX', {});
  const toks = lex(src);
  if (!toks.length) return null;
  let pos = 0;
  let conditions = 0;
  const peek = () => toks[pos];
  const end = () => (toks.at(-1)?.at ?? 0) + (toks.at(-1)?.v.length ?? 0);
  const atOf = (t: Tok | undefined) => t?.at ?? end();

  const field = (): string => {
    const tok = peek();
    if (!tok || (tok.t !== 'word' && tok.t !== 'str') || (tok.t === 'word' && KEYWORDS.has(tok.v.toLowerCase()))) throw new FilterError('FILTER_MALFORMED', { at: atOf(tok), expected: 'field' });
    pos++;
    if (!fields.known.includes(tok.v)) throw new FilterError('FILTER_UNKNOWN_FIELD', { field: tok.v, at: tok.at });
    if (!fields.filterable.includes(tok.v)) throw new FilterError('FILTER_NOT_FILTERABLE', { field: tok.v, at: tok.at });
    return tok.v;
  };

  const list = (): FilterValue[] => {
    const open = toks[pos];
    if (open?.t !== 'punct' || open.v !== '[') throw new FilterError('FILTER_MALFORMED', { at: atOf(open), expected: '[' });
    pos++;
    const values: FilterValue[] = [];
    for (;;) {
      values.push(toValue(toks[pos], end()));
      pos++;
      const sep = toks[pos];
      if (sep?.t === 'punct' && sep.v === ',') {
        pos++;
        continue;
      }
      if (sep?.t === 'punct' && sep.v === ']') {
        pos++;
        break;
      }
      throw new FilterError('FILTER_MALFORMED', { at: atOf(sep), expected: ', or ]' });
    }
    return values;
  };

  const cond = (): FilterNode => {
    if (++conditions > MAX_CONDITIONS) throw new FilterError('FILTER_TOO_COMPLEX', {});
    const f = field();
    const tok = peek();
    if (tok?.t === 'op') {
      pos++;
      const value = toValue(toks[pos], end());
      pos++;
      const op = ({ '=': 'eq', '!=': 'ne', '>': 'gt', '>=': 'gte', '<': 'lt', '<=': 'lte' } as const)[tok.v as '=' | '!=' | '>' | '>=' | '<' | '<='];
      return { field: f, op, value };
    }
    if (isKw(tok, 'in')) {
      pos++;
      return { field: f, op: 'in', values: list() };
    }
    if (isKw(tok, 'exists')) {
      pos++;
      return { field: f, op: 'exists' };
    }
    if (isKw(tok, 'not') && isKw(toks[pos + 1], 'in')) {
      pos += 2;
      return { not: { field: f, op: 'in', values: list() } };
    }
    if (isKw(tok, 'not') && isKw(toks[pos + 1], 'exists')) {
      pos += 2;
      return { not: { field: f, op: 'exists' } };
    }
    if (tok && (tok.t === 'str' || (tok.t === 'word' && !KEYWORDS.has(tok.v.toLowerCase()))) && isKw(toks[pos + 1], 'to')) {
      const from = toValue(tok, tok.at);
      pos += 2;
      const to = toValue(toks[pos], end());
      pos++;
      return { field: f, op: 'between', from, to };
    }
    throw new FilterError('FILTER_MALFORMED', { at: atOf(tok), expected: 'operator' });
  };

  const unary = (depth: number): FilterNode => {
    if (depth > MAX_DEPTH) throw new FilterError('FILTER_TOO_COMPLEX', {});
    const tok = peek();
    if (isKw(tok, 'not')) {
      pos++;
      return { not: unary(depth + 1) };
    }
    if (tok?.t === 'punct' && tok.v === '(') {
      pos++;
      const inner = or(depth + 1);
      const close = peek();
      if (close?.t !== 'punct' || close.v !== ')') throw new FilterError('FILTER_MALFORMED', { at: atOf(close), expected: ')' });
      pos++;
      return inner;
    }
    return cond();
  };

  const and = (depth: number): FilterNode => {
    const parts = [unary(depth)];
    while (isKw(peek(), 'and')) {
      pos++;
      parts.push(unary(depth));
    }
    return parts.length === 1 ? parts[0]! : { and: parts };
  };

  const or = (depth: number): FilterNode => {
    const parts = [and(depth)];
    while (isKw(peek(), 'or')) {
      pos++;
      parts.push(and(depth));
    }
    return parts.length === 1 ? parts[0]! : { or: parts };
  };

  const ast = or(0);
  if (pos < toks.length) throw new FilterError('FILTER_MALFORMED', { at: toks[pos]!.at, expected: 'AND, OR or end' });
  return ast;
}

/** Joins filters (the request's and the UI's facet choices) with AND. */
export function andFilters(...nodes: (FilterNode | null | undefined)[]): FilterNode | null {
  const list = nodes.filter((n): n is FilterNode => !!n);
  return list.length === 0 ? null : list.length === 1 ? list[0]! : { and: list };
}

const norm = (v: unknown): string => String(v).normalize('NFKC').toLowerCase();

function cmp(a: unknown, b: FilterValue): number | null {
  if (typeof b === 'number') {
    const n = typeof a === 'number' ? a : typeof a === 'string' && a.trim() !== '' ? Number(a) : NaN;
    return Number.isFinite(n) ? n - b : null;
  }
  if (typeof a === 'number' || typeof a === 'boolean') return null;
  if (typeof a !== 'string') return null;
  const x = norm(a);
  const y = norm(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

const eq = (a: unknown, b: FilterValue): boolean => {
  if (a === null || a === undefined) return false;
  if (typeof b === 'boolean') return a === b || norm(a) === String(b);
  if (typeof b === 'number') return cmp(a, b) === 0;
  return norm(a) === norm(b);
};

/** Evaluates the AST on one document (an array field matches when any element does, as in Meilisearch). */
export function matchesFilter(node: FilterNode | null, doc: Record<string, unknown>): boolean {
  if (!node) return true;
  if ('and' in node) return node.and.every((n) => matchesFilter(n, doc));
  if ('or' in node) return node.or.some((n) => matchesFilter(n, doc));
  if ('not' in node) return !matchesFilter(node.not, doc);
  const raw = doc[node.field];
  const values: unknown[] = Array.isArray(raw) ? raw : [raw];
  switch (node.op) {
    case 'exists':
      return raw !== undefined;
    case 'eq':
      return values.some((v) => eq(v, node.value));
    case 'ne':
      return !values.some((v) => eq(v, node.value));
    case 'in':
      return values.some((v) => node.values.some((w) => eq(v, w)));
    case 'between':
      return values.some((v) => {
        const a = cmp(v, node.from);
        const b = cmp(v, node.to);
        return a !== null && b !== null && a >= 0 && b <= 0;
      });
    default: {
      const op = node.op;
      return values.some((v) => {
        const c = cmp(v, node.value);
        if (c === null) return false;
        return op === 'gt' ? c > 0 : op === 'gte' ? c >= 0 : op === 'lt' ? c < 0 : c <= 0;
      });
    }
  }
}

function quote(v: FilterValue): string {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}
const qField = (f: string) => (/^[A-Za-z_][A-Za-z0-9_.]*$/.test(f) ? f : quote(f));

/**
 * A bound of a comparison (`>`, `>=`, `<`, `<=`, `a TO b`). Strings are compared lexicographically by Meilisearch only
 * since v1.15 (meilisearch#5535; older servers accept these operators on numbers only and refuse the filter), over the
 * facet values it stores normalized (lower case). Until meilisearch#6340 (April 2026) it did not normalize the bound, so
 * `effectiveFrom >= "2026-01-01T10:00"` missed or wrongly kept documents; the bound is therefore sent normalized as the
 * embedded engine compares it (NFKC, lower case) — the same on every version. Our date fields are ISO `YYYY-MM-DD`, which
 * normalization leaves unchanged and whose lexicographic order is the date order. A number bound stays a number; note
 * that Meilisearch then also compares string values such as "2025" where the embedded engine only compares numbers.
 */
const bound = (v: FilterValue): string => quote(typeof v === 'string' ? norm(v) : v);

/**
 * The AST as a Meilisearch filter string (values quoted, so no value is ever read as syntax). Comparisons on string
 * fields (dates as ISO strings) need Meilisearch ≥ 1.15; see `bound`.
 */
export function toMeiliFilter(node: FilterNode | null): string | undefined {
  if (!node) return undefined;
  if ('and' in node) return node.and.map((n) => `(${toMeiliFilter(n)})`).join(' AND ');
  if ('or' in node) return node.or.map((n) => `(${toMeiliFilter(n)})`).join(' OR ');
  if ('not' in node) return `NOT (${toMeiliFilter(node.not)})`;
  const f = qField(node.field);
  switch (node.op) {
    case 'exists':
      return `${f} EXISTS`;
    case 'in':
      return `${f} IN [${node.values.map(quote).join(', ')}]`;
    case 'between':
      return `${f} ${bound(node.from)} TO ${bound(node.to)}`;
    case 'eq':
    case 'ne':
      return `${f} ${node.op === 'eq' ? '=' : '!='} ${quote(node.value)}`;
    default:
      return `${f} ${({ gt: '>', gte: '>=', lt: '<', lte: '<=' } as const)[node.op]} ${bound(node.value)}`;
  }
}
