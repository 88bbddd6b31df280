/**
 * How a domain hands its public documents to search (issue 12 §3), the way domains hand cards to the home page:
 * the owning domain (lib/policies, lib/mentors) implements a source in `lib/<domain>/search-source.ts`, built from an
 * allow-list of public fields only (never ID numbers, phones, Party data or the profile of a talent who has not
 * opted in), and the search domain lists the sources once in lib/search/sources.ts. Search reacts to the domain
 * events named in `events` (each payload carries the aggregate id as `aggregateId` of the event) by re-loading those
 * ids through `load` — a missing or non-public aggregate answers null and is removed from the index.
 */
export type SearchIndexName = 'policies' | 'mentors';

export interface SearchDocument {
  /** Stable document id (the aggregate's id or code). */
  id: string;
  [field: string]: unknown;
}

export interface SearchSource<D extends SearchDocument = SearchDocument> {
  index: SearchIndexName;
  /** Domain event types after which the event's aggregate is re-indexed. */
  events: readonly string[];
  /** The aggregate id of an event (usually the event's aggregateId) → document ids to refresh. */
  idsOf?(event: { aggregateId: string; payload: unknown }): string[];
  /** Current documents for these ids; null where the aggregate is gone or no longer public (→ removed). */
  load(ids: readonly string[]): Promise<Map<string, D | null>>;
  /** Every public document, in pages (full rebuild and reconciliation). */
  loadAll(): AsyncIterable<D[]>;
}

export const defineSearchSource = <D extends SearchDocument>(source: SearchSource<D>): SearchSource<D> => source;
