import type { SearchIndexName } from './source';

/**
 * The settings of each index, the same object for both engines (booking-and-search.md R3). Field names are the
 * documents' (lib/policies/search-source.ts, lib/mentors/search-source.ts). `searchable` is ordered by weight; the
 * pinyin of `pinyinOf` fields is indexed as the extra field `_py`. Filterable fields are the only ones a filter may
 * name (anything else is a 400 on both engines); facets must be filterable.
 */
export interface IndexSettings {
  primaryKey: 'id';
  searchable: readonly string[];
  /** Fields whose pinyin and initials are searchable (titles and names). */
  pinyinOf: readonly string[];
  filterable: readonly string[];
  sortable: readonly string[];
  facets: readonly string[];
  /** Searchable fields that never hold Chinese (English texts, codes): CJK query words skip them. */
  latinOnly?: readonly string[];
  /** Fields highlighted in results. */
  highlight: readonly string[];
  /** Every field of a document (filters naming anything else are "unknown field"). */
  fields: readonly string[];
  /** Each group of words is interchangeable (normalised text). */
  synonyms: readonly (readonly string[])[];
  stopWords: readonly string[];
  /** Domain terms kept whole by Meilisearch's segmenter. */
  dictionary: readonly string[];
}

const COMMON_SYNONYMS = [
  ['房租', '租金', '房补', '住房补贴'],
  ['社保', '社会保险'],
  ['双创', '创新创业'],
  ['非遗', '非物质文化遗产'],
  ['大师', '工艺美术大师'],
] as const;
// Not 'a': A类 / B类人才 are real queries (talent tiers).
const COMMON_STOP_WORDS = ['的', '了', '和', '与', '及', '或', '在', '之', 'the', 'of', 'and', 'for'] as const;

export const INDEX_SETTINGS: Record<SearchIndexName, IndexSettings> = {
  policies: {
    primaryKey: 'id',
    searchable: ['title', 'code', 'tags', 'summary', 'benefit', 'issuer', 'titleEn', 'summaryEn', 'benefitEn'],
    pinyinOf: ['title'],
    latinOnly: ['code', 'titleEn', 'summaryEn', 'benefitEn'],
    filterable: ['category', 'level', 'issuer', 'tags', 'provenance', 'demoData', 'inForce', 'applicationMode', 'effectiveFrom', 'code'],
    sortable: ['effectiveFrom', 'updatedAt', 'code'],
    facets: ['category', 'level', 'issuer', 'inForce'],
    highlight: ['title', 'summary', 'titleEn', 'summaryEn'],
    fields: ['id', 'code', 'title', 'titleEn', 'summary', 'summaryEn', 'category', 'level', 'issuer', 'tags', 'provenance', 'demoData', 'inForce', 'benefit', 'benefitEn', 'applicationMode', 'effectiveFrom', 'updatedAt'],
    synonyms: COMMON_SYNONYMS,
    stopWords: COMMON_STOP_WORDS,
    dictionary: ['景漂', '景德镇', '陶溪川', '珠山区', '青花', '粉彩', '社会保险', '人才公寓', '创新创业'],
  },
  /**
   * Mentors: the fields lib/mentors/search-source.ts fills (name, titles, honours, crafts, district, studio, bio,
   * ichLevel, acceptsApprentices, openPlaces, verified, demo, updatedAt). A field the source leaves out is simply absent.
   */
  mentors: {
    primaryKey: 'id',
    searchable: ['name', 'crafts', 'titles', 'honours', 'district', 'studio', 'bio', 'works'],
    pinyinOf: ['name', 'crafts'],
    filterable: ['crafts', 'district', 'acceptsApprentices', 'ichLevel', 'verified', 'demo', 'openPlaces', 'titles'],
    sortable: ['name', 'openPlaces', 'updatedAt'],
    facets: ['crafts', 'district', 'acceptsApprentices', 'ichLevel'],
    highlight: ['name', 'bio', 'titles', 'crafts'],
    fields: ['id', 'name', 'crafts', 'titles', 'honours', 'district', 'studio', 'bio', 'works', 'ichLevel', 'acceptsApprentices', 'openPlaces', 'verified', 'demo', 'updatedAt', 'url'],
    synonyms: [...COMMON_SYNONYMS, ['青花', '青花瓷'], ['陶艺', '制瓷']],
    stopWords: COMMON_STOP_WORDS,
    dictionary: ['青花分水', '青花', '粉彩', '颜色釉', '玲珑', '陶溪川', '三宝', '拉坯', '利坯', '彩绘'],
  },
};

export const SEARCH_INDEXES = Object.keys(INDEX_SETTINGS) as SearchIndexName[];

/** Index → fields that are known / filterable (the filter parser's view). */
export function filterFieldsOf(index: SearchIndexName) {
  const s = INDEX_SETTINGS[index];
  return { known: [...new Set([...s.fields, ...s.filterable, ...s.sortable, ...s.searchable])], filterable: s.filterable };
}
