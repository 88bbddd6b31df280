import { Meilisearch, type EnqueuedTaskPromise, type Index, type Settings } from 'meilisearch';
import { toMeiliFilter } from './filter';
import { MAX_FACET_VALUES, MAX_TOTAL_HITS, type IndexHealth, type SearchIndex, type SearchRequest, type SearchResult } from './port';
import type { IndexSettings } from './settings';
import type { SearchDocument, SearchIndexName } from './source';
import { HL_POST, HL_PRE, normalize, pinyinTokens, segmentsFromTagged, toSimplified } from './text';

/**
 * The Meilisearch adapter (booking-and-search.md B, R3) through the official client. Settings are kept in code and
 * applied only when they differ (a change re-indexes); every write task is awaited with a configurable timeout and a
 * failed or cancelled task is thrown; replaceAll fills a temporary index and swaps it in. Text is normalised by the
 * app before indexing and querying (traditional → simplified, pinyin of titles in `_py`), because stock Meilisearch
 * has neither reliable 繁/简 equivalence nor pinyin (B2).
 */

const PY = '_py';

export interface MeiliOptions {
  host: string;
  apiKey?: string;
  /** Index uid prefix (tests use a unique one). */
  prefix?: string;
  /** HTTP request timeout (ms). */
  timeoutMs?: number;
  /** How long a write task may take before the write throws (ms; default 60 s, R3). */
  taskTimeoutMs?: number;
}

export class MeiliTaskError extends Error {
  constructor(
    readonly taskUid: number,
    readonly status: string,
    message: string,
  ) {
    super(`Meilisearch task ${taskUid} ${status}: ${message}`);
    this.name = 'MeiliTaskError';
  }
}

function meiliSettings(s: IndexSettings): Settings {
  const synonyms: Record<string, string[]> = {};
  for (const group of s.synonyms) {
    const g = group.map(normalize);
    for (const w of g) synonyms[w] = [...new Set([...(synonyms[w] ?? []), ...g.filter((x) => x !== w)])];
  }
  return {
    searchableAttributes: [...s.searchable, PY],
    filterableAttributes: [...s.filterable],
    sortableAttributes: [...s.sortable],
    displayedAttributes: ['*'],
    synonyms,
    stopWords: s.stopWords.map(normalize),
    dictionary: s.dictionary.map(normalize),
    typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 }, disableOnAttributes: [PY] },
    localizedAttributes: [{ attributePatterns: s.searchable.filter((f) => !/En$/.test(f)), locales: ['cmn'] }],
    pagination: { maxTotalHits: MAX_TOTAL_HITS },
    faceting: { maxValuesPerFacet: MAX_FACET_VALUES, sortFacetValuesBy: { '*': 'alpha' } },
  };
}

/** Text fields simplified (display keeps case and punctuation), plus the pinyin field. */
export function toMeiliDoc(doc: SearchDocument, s: IndexSettings): SearchDocument {
  const out: SearchDocument = { ...doc, id: String(doc.id) };
  for (const f of s.searchable) {
    const v = out[f];
    if (typeof v === 'string') out[f] = toSimplified(v);
    else if (Array.isArray(v)) out[f] = v.map((x) => (typeof x === 'string' ? toSimplified(x) : x));
  }
  out[PY] = s.pinyinOf.map((f) => {
    const v = doc[f];
    return pinyinTokens(Array.isArray(v) ? v.join(' ') : typeof v === 'string' ? v : '', s.dictionary).join(' ');
  }).join(' ');
  return out;
}

function fromMeiliDoc(raw: Record<string, unknown>): SearchDocument {
  const { [PY]: _py, _formatted: _f, _matchesPosition: _m, _rankingScore: _r, ...doc } = raw;
  return doc as SearchDocument;
}

/** Compares the settings we own with what the server reports (order-insensitive where the server reorders). */
function differs(want: Settings, have: Settings): boolean {
  const canon = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(canon);
    if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v as object).sort().map((k) => [k, canon((v as Record<string, unknown>)[k])]));
    return v;
  };
  const setLike = (v: unknown) => (Array.isArray(v) ? [...v].map((x) => JSON.stringify(canon(x))).sort() : v);
  for (const k of Object.keys(want) as (keyof Settings)[]) {
    const w = want[k];
    const h = have[k];
    if (k === 'searchableAttributes') {
      if (JSON.stringify(w) !== JSON.stringify(h)) return true;
    } else if (k === 'synonyms') {
      const ws = Object.fromEntries(Object.entries(w as Record<string, string[]>).map(([a, b]) => [a, [...b].sort()]));
      const hs = Object.fromEntries(Object.entries((h ?? {}) as Record<string, string[]>).map(([a, b]) => [a, [...b].sort()]));
      if (JSON.stringify(canon(ws)) !== JSON.stringify(canon(hs))) return true;
    } else if (Array.isArray(w)) {
      if (JSON.stringify(setLike(w)) !== JSON.stringify(setLike(h))) return true;
    } else if (w && typeof w === 'object') {
      // Compare only the keys we set (the server adds defaults).
      const hv = (h ?? {}) as Record<string, unknown>;
      for (const [kk, vv] of Object.entries(w as Record<string, unknown>)) if (JSON.stringify(canon(vv)) !== JSON.stringify(canon(hv[kk]))) return true;
    } else if (JSON.stringify(w) !== JSON.stringify(h)) return true;
  }
  return false;
}

export class MeiliSearchIndex implements SearchIndex {
  readonly engine = 'meilisearch' as const;
  readonly client: Meilisearch;
  private readonly prefix: string;
  private readonly taskTimeoutMs: number;
  private readonly settings = new Map<SearchIndexName, IndexSettings>();

  constructor(opts: MeiliOptions) {
    this.client = new Meilisearch({ host: opts.host, apiKey: opts.apiKey, timeout: opts.timeoutMs ?? 5000 });
    this.prefix = opts.prefix ?? 'jp_';
    this.taskTimeoutMs = opts.taskTimeoutMs ?? 60_000;
  }

  uid(name: SearchIndexName): string {
    return `${this.prefix}${name}`;
  }

  /** Awaits a write task; a failed or cancelled task is an error (B5.1). */
  private async done(p: EnqueuedTaskPromise): Promise<void> {
    const task = await p.waitTask({ timeout: this.taskTimeoutMs, interval: 50 });
    if (task.status !== 'succeeded') throw new MeiliTaskError(task.uid, task.status, task.error?.message ?? 'no error reported');
  }

  private settingsOf(name: SearchIndexName): IndexSettings {
    const s = this.settings.get(name);
    if (!s) throw new Error(`search index ${name}: ensureIndex first`);
    return s;
  }

  private async prepare(uid: string, s: IndexSettings): Promise<Index> {
    const exists = await this.client
      .index(uid)
      .getRawInfo()
      .then(() => true)
      .catch((err: unknown) => {
        if ((err as { cause?: { code?: string } }).cause?.code === 'index_not_found') return false;
        throw err;
      });
    if (!exists) await this.done(this.client.createIndex(uid, { primaryKey: 'id' }));
    const index = this.client.index(uid);
    const want = meiliSettings(s);
    if (!exists || differs(want, await index.getSettings())) await this.done(index.updateSettings(want));
    return index;
  }

  async ensureIndex(name: SearchIndexName, settings: IndexSettings): Promise<void> {
    await this.prepare(this.uid(name), settings);
    this.settings.set(name, settings);
  }

  async upsert(name: SearchIndexName, docs: readonly SearchDocument[]): Promise<void> {
    if (!docs.length) return;
    const s = this.settingsOf(name);
    // addDocuments replaces whole documents (updateDocuments would merge and keep fields that were removed).
    await this.done(this.client.index(this.uid(name)).addDocuments(docs.map((d) => toMeiliDoc(d, s)), { primaryKey: 'id' }));
  }

  async remove(name: SearchIndexName, ids: readonly string[]): Promise<void> {
    if (!ids.length) return;
    await this.done(this.client.index(this.uid(name)).deleteDocuments([...ids]));
  }

  async replaceAll(name: SearchIndexName, docs: readonly SearchDocument[]): Promise<void> {
    const s = this.settingsOf(name);
    const uid = this.uid(name);
    const tmp = `${uid}_tmp`;
    await this.client.deleteIndexIfExists(tmp);
    const index = await this.prepare(tmp, s);
    for (let i = 0; i < docs.length; i += 1000) await this.done(index.addDocuments(docs.slice(i, i + 1000).map((d) => toMeiliDoc(d, s)), { primaryKey: 'id' }));
    await this.prepare(uid, s);
    await this.done(this.client.swapIndexes([{ indexes: [uid, tmp], rename: false }]));
    await this.done(this.client.deleteIndex(tmp));
  }

  async *documents(name: SearchIndexName): AsyncIterable<SearchDocument[]> {
    const index = this.client.index(this.uid(name));
    for (let offset = 0; ; offset += 500) {
      const page = await index.getDocuments({ limit: 500, offset });
      if (page.results.length) yield page.results.map((r) => fromMeiliDoc(r as Record<string, unknown>));
      if (page.results.length < 500) return;
    }
  }

  async health(): Promise<IndexHealth> {
    try {
      await this.client.health();
      const docCounts: IndexHealth['docCounts'] = {};
      for (const name of this.settings.keys()) docCounts[name] = (await this.client.index(this.uid(name)).getStats()).numberOfDocuments;
      return { engine: 'meilisearch', ok: true, docCounts };
    } catch (err) {
      return { engine: 'meilisearch', ok: false, docCounts: {}, error: err instanceof Error ? err.message : String(err) };
    }
  }

  async search(name: SearchIndexName, req: SearchRequest): Promise<SearchResult> {
    const started = performance.now();
    const s = this.settingsOf(name);
    const res = await this.client.index(this.uid(name)).search(normalize(req.q).trim(), {
      filter: toMeiliFilter(req.filter),
      facets: req.facets.length ? [...req.facets] : undefined,
      sort: req.sort.length ? req.sort.map((x) => `${x.field}:${x.dir}`) : undefined,
      page: req.page,
      hitsPerPage: req.hitsPerPage,
      matchingStrategy: 'all',
      attributesToHighlight: [...s.highlight],
      highlightPreTag: HL_PRE,
      highlightPostTag: HL_POST,
      locales: ['cmn'],
    });
    return {
      hits: res.hits.map((h) => {
        const raw = h as Record<string, unknown>;
        const formatted = (raw._formatted ?? {}) as Record<string, unknown>;
        const highlights: SearchResult['hits'][number]['highlights'] = {};
        for (const f of s.highlight) {
          const v = formatted[f];
          const text = Array.isArray(v) ? v.join(' ') : typeof v === 'string' ? v : '';
          if (text) highlights[f] = segmentsFromTagged(text);
        }
        const doc = fromMeiliDoc(raw);
        return { id: String(doc.id), doc, highlights };
      }),
      total: Math.min(res.totalHits ?? res.hits.length, MAX_TOTAL_HITS),
      page: req.page,
      hitsPerPage: req.hitsPerPage,
      facets: req.facets.length ? Object.fromEntries(req.facets.map((f) => [f, (res.facetDistribution ?? {})[f] ?? {}])) : {},
      tookMs: Math.round((performance.now() - started) * 100) / 100,
    };
  }
}
