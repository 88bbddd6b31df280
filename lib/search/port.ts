import type { FilterNode } from './filter';
import type { IndexSettings } from './settings';
import type { SearchDocument, SearchIndexName } from './source';
import { toSimplified, type HighlightSegment } from './text';

/**
 * The SearchIndex port (booking-and-search.md R3): one contract, two adapters (embedded MiniSearch, Meilisearch),
 * both checked by lib/search/contract.test.ts. Writes resolve only when the change is searchable; a failure throws.
 */
export type EngineName = 'embedded' | 'meilisearch';

export interface SortSpec {
  field: string;
  dir: 'asc' | 'desc';
}

export interface SearchRequest {
  q: string;
  filter: FilterNode | null;
  facets: readonly string[];
  sort: readonly SortSpec[];
  /** 1-based. */
  page: number;
  hitsPerPage: number;
}

export interface SearchHit<D extends SearchDocument = SearchDocument> {
  id: string;
  doc: D;
  /** Highlighted fields as segments (never HTML): render `hit` segments in a <mark>. */
  highlights: Record<string, HighlightSegment[]>;
}

export interface SearchResult<D extends SearchDocument = SearchDocument> {
  hits: SearchHit<D>[];
  total: number;
  page: number;
  hitsPerPage: number;
  facets: Record<string, Record<string, number>>;
  tookMs: number;
}

export interface IndexHealth {
  engine: EngineName;
  ok: boolean;
  docCounts: Partial<Record<SearchIndexName, number>>;
  error?: string;
}

export interface SearchIndex {
  readonly engine: EngineName;
  /** Idempotent; applies settings only when they differ. */
  ensureIndex(name: SearchIndexName, settings: IndexSettings): Promise<void>;
  upsert(name: SearchIndexName, docs: readonly SearchDocument[]): Promise<void>;
  remove(name: SearchIndexName, ids: readonly string[]): Promise<void>;
  /** Atomically replaces the whole index (Meilisearch: temp index + swap). */
  replaceAll(name: SearchIndexName, docs: readonly SearchDocument[]): Promise<void>;
  search(name: SearchIndexName, req: SearchRequest): Promise<SearchResult>;
  /** Every indexed document (reconciliation compares them with the database). */
  documents(name: SearchIndexName): AsyncIterable<SearchDocument[]>;
  health(): Promise<IndexHealth>;
}

/** Result caps shared by both engines (Meilisearch maxTotalHits / maxValuesPerFacet). */
export const MAX_TOTAL_HITS = 1000;
export const MAX_FACET_VALUES = 100;
export const MAX_HITS_PER_PAGE = 100;
/** A query longer than this (after trimming) is refused with 400 (Meilisearch reads only 10 words anyway). */
export const MAX_QUERY_LENGTH = 200;

/** Bad search input, the same on both engines: rendered as a localized 400 by lib/search/service.ts. */
export type SearchInputCode = 'UNKNOWN_INDEX' | 'FILTER_MALFORMED' | 'FILTER_UNKNOWN_FIELD' | 'FILTER_NOT_FILTERABLE' | 'FILTER_TOO_COMPLEX' | 'NOT_SORTABLE' | 'NOT_FACETABLE' | 'QUERY_TOO_LONG' | 'PAGE_SIZE' | 'PAGE';

export class SearchInputError extends Error {
  constructor(
    readonly code: SearchInputCode,
    readonly detail: { field?: string; at?: number; expected?: string; param: string },
  ) {
    super(`${code}: ${detail.param}${detail.field ? ` ${detail.field}` : ''}`);
    this.name = 'SearchInputError';
  }
}

/**
 * Stable document comparison for reconciliation: key order does not matter, and text compares in simplified script
 * (the Meilisearch adapter stores text simplified).
 */
export function docFingerprint(doc: SearchDocument): string {
  const canon = (v: unknown): unknown => (typeof v === 'string' ? toSimplified(v) : Array.isArray(v) ? v.map(canon) : v);
  const keys = Object.keys(doc)
    .filter((k) => !k.startsWith('_') && doc[k] !== undefined)
    .sort();
  return JSON.stringify(keys.map((k) => [k, canon(doc[k])]));
}
