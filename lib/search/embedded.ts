import MiniSearch, { type Query, type SearchResult as MsResult } from 'minisearch';
import { matchesFilter } from './filter';
import { MAX_FACET_VALUES, MAX_TOTAL_HITS, type IndexHealth, type SearchHit, type SearchIndex, type SearchRequest, type SearchResult, type SortSpec } from './port';
import type { IndexSettings } from './settings';
import type { SearchDocument, SearchIndexName } from './source';
import { highlightText, indexTokens, normalize, pinyinTokens, queryTerms, transpositions, words, cjkRuns, bigrams, isAllCjk, type QueryTerm } from './text';

/**
 * The embedded engine (booking-and-search.md C6): MiniSearch with the text pipeline of lib/search/text.ts, filters,
 * facets and sort computed over the matches. Lives in one process (the web process, ADR 016); rebuilt from
 * PostgreSQL at start (the source of truth) and kept current by lib/search/sync.ts.
 */

const PY = '_py';

interface State {
  settings: IndexSettings;
  key: string;
  ms: MiniSearch<SearchDocument>;
  docs: Map<string, SearchDocument>;
  synonyms: Map<string, string[]>;
  stop: Set<string>;
  cjkFields: string[];
}

function fieldText(doc: SearchDocument, field: string): string {
  const v = doc[field];
  if (v === null || v === undefined) return '';
  if (Array.isArray(v)) return v.map((x) => (x === null || x === undefined ? '' : String(x))).join(' ');
  if (typeof v === 'object') return '';
  return String(v);
}

const pinyinCache = new Map<string, string[]>();
function cachedPinyin(unit: string): string[] {
  let v = pinyinCache.get(unit);
  if (!v) {
    v = pinyinTokens(unit);
    if (pinyinCache.size > 50_000) pinyinCache.clear();
    pinyinCache.set(unit, v);
  }
  return v;
}

function boosts(settings: IndexSettings): Record<string, number> {
  const out: Record<string, number> = { [PY]: 1.5 };
  const n = settings.searchable.length;
  settings.searchable.forEach((f, i) => (out[f] = i === 0 ? 4 : Math.max(1, 3 - (3 * i) / n)));
  return out;
}

function makeState(settings: IndexSettings, docs: Iterable<SearchDocument> = []): State {
  const ms = new MiniSearch<SearchDocument>({
    idField: 'id',
    fields: [...settings.searchable, PY],
    storeFields: [],
    extractField: (doc, field) => (field === PY ? settings.pinyinOf.map((f) => pinyinTokens(fieldText(doc, f), settings.dictionary).join(' ')).join(' ') : field === 'id' ? String(doc.id) : fieldText(doc, field)),
    tokenize: (text, field) => (field === PY ? text.split(' ').filter(Boolean) : indexTokens(text)),
    processTerm: (t) => t,
    searchOptions: { tokenize: (s) => [s], processTerm: (t) => t, boost: boosts(settings) },
    autoVacuum: { minDirtCount: 200, minDirtFactor: 0.2 },
  });
  const synonyms = new Map<string, string[]>();
  for (const group of settings.synonyms) {
    const g = group.map(normalize);
    for (const w of g) synonyms.set(w, [...new Set([...(synonyms.get(w) ?? [w]), ...g])]);
  }
  const cjkFields = settings.searchable.filter((f) => !(settings.latinOnly ?? []).includes(f));
  const state: State = { settings, key: JSON.stringify(settings), ms, docs: new Map(), synonyms, stop: new Set(settings.stopWords.map(normalize)), cjkFields };
  const list = [...docs];
  for (const d of list) state.docs.set(String(d.id), d);
  ms.addAll([...state.docs.values()]);
  return state;
}

/** Documents indexed between two yields to the event loop in replaceAll (~20 ms of work each for mentor documents). */
const BUILD_CHUNK = 50;
const yieldToEventLoop = () => new Promise<void>((resolve) => (typeof setImmediate === 'function' ? setImmediate(resolve) : setTimeout(resolve, 0)));

/** A CJK word → the AND of its bigrams (or its one character), each exact. */
const cjkQuery = (w: string, fields: string[]): Query => ({ combineWith: 'AND', prefix: false, fuzzy: false, fields, queries: bigrams(w) });

function termQuery(term: QueryTerm, synonyms: Map<string, string[]>, cjkFields: string[]): Query {
  if (term.kind === 'cjk') {
    // Only the fields that can hold Chinese: English texts, codes and pinyin never contain a CJK bigram.
    const alts = synonyms.get(term.word) ?? [term.word];
    return alts.length === 1 ? cjkQuery(alts[0]!, cjkFields) : { combineWith: 'OR', queries: alts.map((a) => (isAllCjk(a) ? cjkQuery(a, cjkFields) : a)) };
  }
  if (term.kind === 'latin') {
    const queries: Query[] = [{ combineWith: 'OR', prefix: term.prefix, fuzzy: term.typos, queries: [term.word] }];
    if (term.typos > 0) queries.push({ combineWith: 'OR', prefix: term.prefix, fuzzy: false, queries: transpositions(term.word) });
    return { combineWith: 'OR', queries };
  }
  return { combineWith: 'OR', prefix: term.prefix, fuzzy: false, queries: [term.word] };
}

function facetValue(v: unknown): string | null {
  if (v === null || v === undefined || typeof v === 'object') return null;
  return String(v);
}

export function countFacets(docs: readonly SearchDocument[], fields: readonly string[]): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const f of fields) {
    const counts = new Map<string, number>();
    for (const d of docs) {
      const raw = d[f];
      const vals = new Set((Array.isArray(raw) ? raw : [raw]).map(facetValue).filter((x): x is string => x !== null));
      for (const v of vals) counts.set(v, (counts.get(v) ?? 0) + 1);
    }
    // As Meilisearch: values in lexical order, at most maxValuesPerFacet of them.
    out[f] = Object.fromEntries([...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, MAX_FACET_VALUES));
  }
  return out;
}

function compareValues(a: unknown, b: unknown): number {
  const an = a === null || a === undefined;
  const bn = b === null || b === undefined;
  if (an || bn) return an === bn ? 0 : an ? 1 : -1; // missing values last, either direction
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const x = String(a);
  const y = String(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

function sortHits(list: { doc: SearchDocument; score: number }[], sort: readonly SortSpec[]): void {
  if (!sort.length) return;
  list.sort((p, q) => {
    for (const s of sort) {
      const a = p.doc[s.field];
      const b = q.doc[s.field];
      const missing = (a === null || a === undefined) !== (b === null || b === undefined);
      const c = compareValues(a, b);
      if (c !== 0) return missing ? c : s.dir === 'asc' ? c : -c;
    }
    return q.score - p.score;
  });
}

export class EmbeddedSearchIndex implements SearchIndex {
  readonly engine = 'embedded' as const;
  private readonly states = new Map<SearchIndexName, State>();

  private state(name: SearchIndexName): State {
    const s = this.states.get(name);
    if (!s) throw new Error(`search index ${name} does not exist (ensureIndex first)`);
    return s;
  }

  async ensureIndex(name: SearchIndexName, settings: IndexSettings): Promise<void> {
    const cur = this.states.get(name);
    if (cur && cur.key === JSON.stringify(settings)) return;
    this.states.set(name, makeState(settings, cur?.docs.values()));
  }

  async upsert(name: SearchIndexName, docs: readonly SearchDocument[]): Promise<void> {
    const s = this.state(name);
    for (const d of docs) {
      const id = String(d.id);
      if (s.ms.has(id)) s.ms.discard(id);
      s.ms.add(d);
      s.docs.set(id, d);
    }
  }

  async remove(name: SearchIndexName, ids: readonly string[]): Promise<void> {
    const s = this.state(name);
    for (const id of ids) {
      if (s.ms.has(id)) s.ms.discard(id);
      s.docs.delete(id);
    }
  }

  /**
   * Builds the new index beside the old one and swaps it in at once (searches meanwhile answer from the old one).
   * Indexing 10,000 documents takes seconds of CPU on the web process's only thread — at start that kept the server
   * from answering anything, ping included — so the build yields to the event loop every BUILD_CHUNK documents (a
   * request waits at most one chunk per await).
   */
  async replaceAll(name: SearchIndexName, docs: readonly SearchDocument[]): Promise<void> {
    const next = makeState(this.state(name).settings);
    for (const d of docs) next.docs.set(String(d.id), d);
    const unique = [...next.docs.values()];
    for (let i = 0; i < unique.length; i += BUILD_CHUNK) {
      if (i > 0) await yieldToEventLoop();
      next.ms.addAll(unique.slice(i, i + BUILD_CHUNK));
    }
    this.states.set(name, next);
  }

  async *documents(name: SearchIndexName): AsyncIterable<SearchDocument[]> {
    const all = [...this.state(name).docs.values()];
    for (let i = 0; i < all.length; i += 500) yield all.slice(i, i + 500);
  }

  async health(): Promise<IndexHealth> {
    return { engine: 'embedded', ok: true, docCounts: Object.fromEntries([...this.states].map(([k, s]) => [k, s.docs.size])) };
  }

  async search(name: SearchIndexName, req: SearchRequest): Promise<SearchResult> {
    const started = performance.now();
    const s = this.state(name);
    const terms = queryTerms(req.q, s.stop);
    let matches: { doc: SearchDocument; score: number; result?: MsResult }[];
    if (!terms.length) {
      matches = [...s.docs.values()].filter((d) => matchesFilter(req.filter, d)).map((doc) => ({ doc, score: 0 }));
    } else {
      const query: Query = { combineWith: 'AND', queries: terms.map((t) => termQuery(t, s.synonyms, s.cjkFields)) };
      matches = [];
      for (const r of s.ms.search(query)) {
        const doc = s.docs.get(String(r.id));
        if (doc && matchesFilter(req.filter, doc)) matches.push({ doc, score: r.score, result: r });
      }
    }
    sortHits(matches, req.sort);
    const capped = matches.slice(0, MAX_TOTAL_HITS);
    const start = (req.page - 1) * req.hitsPerPage;
    const hits: SearchHit[] = capped.slice(start, start + req.hitsPerPage).map((m) => ({ id: String(m.doc.id), doc: m.doc, highlights: this.highlight(s, m.doc, m.result) }));
    return {
      hits,
      total: capped.length,
      page: req.page,
      hitsPerPage: req.hitsPerPage,
      facets: req.facets.length ? countFacets(capped.map((m) => m.doc), req.facets) : {},
      tookMs: Math.round((performance.now() - started) * 100) / 100,
    };
  }

  private highlight(s: State, doc: SearchDocument, r: MsResult | undefined): Record<string, ReturnType<typeof highlightText>> {
    const out: Record<string, ReturnType<typeof highlightText>> = {};
    const textTerms = r ? r.terms.filter((t) => (r.match[t] ?? []).some((f) => f !== PY)) : [];
    const pyTerms = new Set(r ? r.terms.filter((t) => (r.match[t] ?? []).includes(PY)) : []);
    for (const f of s.settings.highlight) {
      const text = fieldText(doc, f);
      if (!text) continue;
      const needles = [...textTerms];
      if (pyTerms.size && s.settings.pinyinOf.includes(f)) {
        const norm = normalize(text);
        for (const unit of new Set([...words(norm).filter(isAllCjk), ...cjkRuns(norm).flatMap(bigrams), ...s.settings.dictionary.filter((t) => norm.includes(t))])) if (cachedPinyin(unit).some((p) => pyTerms.has(p))) needles.push(unit);
      }
      out[f] = highlightText(text, needles);
    }
    return out;
  }
}
