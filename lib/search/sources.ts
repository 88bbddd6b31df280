/* eslint-disable jp/domain-boundaries -- the composition root of search, as lib/home/cards.ts is of home cards: each
   domain's search-source module (its server-side half of the lib/search/source.ts contract) is listed here and nowhere
   else; search never imports a domain's service, it reloads documents through the source after the domain's events. */
import { mentorSearchSource } from '@/lib/mentors/search-source';
import { policySearchSource } from '@/lib/policies/search-source';
import type { SearchIndexName, SearchSource } from './source';

/**
 * Every search source, one per index (issue 12 §3). A domain adds its source here with one line; the search
 * domain subscribes to the events each names and rebuilds from `loadAll`.
 */
export const searchSources: readonly SearchSource[] = [
  policySearchSource,
  mentorSearchSource,
];

export function sourceFor(index: SearchIndexName): SearchSource | undefined {
  return searchSources.find((s) => s.index === index);
}
