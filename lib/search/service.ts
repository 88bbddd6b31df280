import 'server-only';
import { getDb } from '@/db/client';
import { AppError } from '@/lib/http/errors';
import { rateLimitKeyForIp } from '@/lib/http/client-ip';
import { hit } from '@/lib/rate-limit';
import { catchUp, ensureSearchReady, searchIndex } from './engine';
import { FilterError, parseFilter, type FilterNode } from './filter';
import type { SearchRequest, SortSpec } from './port';
import type { SearchQuery, SearchResponse } from './schemas';
import { INDEX_SETTINGS, filterFieldsOf } from './settings';
import type { SearchIndexName } from './source';

/**
 * Search as a public service (issue 12 §7): anonymous, rate-limited per IP like the 政策计算器, answering only the
 * public documents the sources put in the index. Every refusal is a 400 with the parameter and a localized reason,
 * decided here before any engine is asked — so both engines refuse the same input the same way.
 */

export const SEARCH_IP_LIMIT = Number(process.env.SEARCH_IP_LIMIT ?? 600);
const SEARCH_WINDOW_MS = 60_000;

const bad = (param: string, key: string, params: Record<string, string | number> = {}): AppError => {
  const qs = new URLSearchParams(Object.entries(params).map(([k, v]) => [k, String(v)])).toString();
  return new AppError('VALIDATION_FAILED', { fieldErrors: { [`query.${param}`]: [qs ? `${key}?${qs}` : key] } });
};

const FILTER_KEYS = {
  FILTER_MALFORMED: 'search.errFilterMalformed',
  FILTER_UNKNOWN_FIELD: 'search.errFilterUnknownField',
  FILTER_NOT_FILTERABLE: 'search.errFilterNotFilterable',
  FILTER_TOO_COMPLEX: 'search.errFilterTooComplex',
} as const;

/** The validated query → the engine request, or a 400 naming the parameter. */
export function toSearchRequest(query: SearchQuery): { index: SearchIndexName; request: SearchRequest } {
  const index = query.index;
  const settings = INDEX_SETTINGS[index];
  let filter: FilterNode | null;
  try {
    filter = parseFilter(query.filter, filterFieldsOf(index));
  } catch (err) {
    if (!(err instanceof FilterError)) throw err;
    throw bad('filter', FILTER_KEYS[err.code], { field: err.detail.field ?? '', at: (err.detail.at ?? 0) + 1 });
  }
  for (const f of query.facets) if (!settings.filterable.includes(f)) throw bad('facets', 'search.errNotFacetable', { field: f });
  const sort: SortSpec[] = query.sort.map((s) => {
    const m = /^([A-Za-z_][A-Za-z0-9_]*):(asc|desc)$/.exec(s);
    if (!m || !settings.sortable.includes(m[1]!)) throw bad('sort', 'search.errNotSortable', { field: s.split(':')[0] ?? s });
    return { field: m[1]!, dir: m[2] as 'asc' | 'desc' };
  });
  return { index, request: { q: query.q.trim(), filter, facets: [...new Set(query.facets)], sort, page: query.page, hitsPerPage: query.hitsPerPage } };
}

/** GET /api/v1/search. */
export async function searchPublic(query: SearchQuery, meta: { ip: string }): Promise<SearchResponse> {
  const { index, request } = toSearchRequest(query);
  const db = await getDb();
  const limited = await hit(db, `search-ip:${rateLimitKeyForIp(meta.ip)}`, SEARCH_IP_LIMIT, SEARCH_WINDOW_MS);
  if (!limited.allowed) throw new AppError('RATE_LIMITED', { retryAfterSeconds: limited.retryAfterSeconds });
  return runSearch(index, request);
}

async function runSearch(index: SearchIndexName, request: SearchRequest): Promise<SearchResponse> {
  await ensureSearchReady();
  await catchUp();
  const engine = searchIndex();
  const result = await engine.search(index, request);
  return { ...result, engine: engine.engine };
}

/**
 * The /search page's query (a server component, so no client IP to count): the same validation and engine as the
 * API. Facet choices arrive as field → values and are ANDed with IN lists; quoted, so a value is never syntax.
 */
export async function searchForPage(query: SearchQuery, facetChoices: Record<string, readonly string[]> = {}): Promise<SearchResponse> {
  const settings = INDEX_SETTINGS[query.index];
  const parts = Object.entries(facetChoices)
    .filter(([f, vs]) => settings.facets.includes(f) && vs.length)
    .map(([f, vs]) => `${f} IN [${vs.map((v) => JSON.stringify(v)).join(', ')}]`);
  const filter = [query.filter, ...parts].filter(Boolean).map((x) => `(${x})`).join(' AND ');
  const { index, request } = toSearchRequest({ ...query, filter });
  return runSearch(index, request);
}
