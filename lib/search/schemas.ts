import { z } from 'zod';
import { MAX_HITS_PER_PAGE, MAX_QUERY_LENGTH, MAX_TOTAL_HITS } from './port';
import { FILTER_MAX_LENGTH } from './filter';

/**
 * GET /api/v1/search (issue 12 §7): the query parameters and the answer, one zod schema each for the handler, the
 * OpenAPI document and the UI. Limits (documented in ADR 016): q ≤ 200 characters, filter ≤ 2,000 characters,
 * hitsPerPage 1–100, page 1–1000 (results beyond the first 1,000 are never returned, on either engine).
 */
export const SEARCH_INDEX_NAMES = ['policies', 'mentors'] as const;

const list = (max: number) =>
  z
    .string()
    .max(max)
    .optional()
    .transform((s) =>
      (s ?? '')
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean),
    );

export const searchQuery = z.object({
  index: z.enum(SEARCH_INDEX_NAMES, { error: 'search.errUnknownIndex' }),
  q: z.string().max(MAX_QUERY_LENGTH, 'search.errQueryTooLong').optional().default(''),
  filter: z.string().max(FILTER_MAX_LENGTH, 'search.errFilterTooComplex').optional().default(''),
  /** Comma-separated filterable fields whose value counts are wanted. */
  facets: list(500).describe('comma-separated fields, e.g. category,level'),
  /** Comma-separated `field:asc|desc`; relevance when absent. */
  sort: list(200).describe('comma-separated field:asc|desc, e.g. effectiveFrom:desc'),
  page: z.coerce.number({ error: `search.errPage?max=${MAX_TOTAL_HITS}` }).int(`search.errPage?max=${MAX_TOTAL_HITS}`).min(1, `search.errPage?max=${MAX_TOTAL_HITS}`).max(MAX_TOTAL_HITS, `search.errPage`).optional().default(1),
  hitsPerPage: z.coerce
    .number({ error: `search.errPageSize?max=${MAX_HITS_PER_PAGE}` })
    .int(`search.errPageSize?max=${MAX_HITS_PER_PAGE}`)
    .min(1, `search.errPageSize?max=${MAX_HITS_PER_PAGE}`)
    .max(MAX_HITS_PER_PAGE, 'search.errPageSize')
    .optional()
    .default(20),
});
export type SearchQuery = z.output<typeof searchQuery>;

export const highlightSegment = z.object({ text: z.string(), hit: z.boolean() });

export const searchResponse = z.object({
  hits: z.array(
    z.object({
      id: z.string(),
      /** The public document (policies: lib/policies/search-source.ts; mentors: lib/mentors/search-source.ts). */
      doc: z.record(z.string(), z.unknown()),
      /** Highlighted fields as segments; render `hit` segments in <mark>, never as HTML. */
      highlights: z.record(z.string(), z.array(highlightSegment)),
    }),
  ),
  total: z.number().int(),
  page: z.number().int(),
  hitsPerPage: z.number().int(),
  facets: z.record(z.string(), z.record(z.string(), z.number().int())),
  tookMs: z.number(),
  engine: z.enum(['embedded', 'meilisearch']),
});
export type SearchResponse = z.infer<typeof searchResponse>;
