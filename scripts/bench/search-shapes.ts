/**
 * The mentor query shapes both search benchmarks measure at 10,000 documents (issue 12, Benchmarks: "a filtered,
 * faceted top-20 query"): over HTTP (benchmarks/search-http.ts) and in process (search-run.ts), so the two sets of
 * figures answer the same queries. Parameters as GET /api/v1/search takes them.
 */
export interface SearchShape {
  label: string;
  params: Record<string, string>;
}

export const MENTOR_SEARCH_SHAPES: readonly SearchShape[] = [
  { label: 'search 青花 + acceptsApprentices + facets', params: { index: 'mentors', q: '青花', filter: 'acceptsApprentices = true', facets: 'crafts,district', hitsPerPage: '20' } },
  { label: 'search qinghua (pinyin) + district + facets', params: { index: 'mentors', q: 'qinghua', filter: 'district = "珠山区"', facets: 'crafts,acceptsApprentices', hitsPerPage: '20' } },
  { label: 'search 粉彩 拉坯 + AND/IN + 4 facets', params: { index: 'mentors', q: '粉彩 拉坯', filter: 'acceptsApprentices = true AND district IN ["珠山区", "昌江区"]', facets: 'crafts,district,acceptsApprentices,ichLevel', hitsPerPage: '20' } },
  { label: 'browse district + sort + facets', params: { index: 'mentors', q: '', filter: 'district = "浮梁县"', facets: 'crafts,acceptsApprentices', sort: 'openPlaces:desc', hitsPerPage: '20' } },
];

export const searchPath = (params: Record<string, string>) => `/api/v1/search?${new URLSearchParams(params).toString()}`;
