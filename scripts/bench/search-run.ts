/**
 * tsx --conditions=react-server scripts/bench/search-run.ts [--docs 10000] [--queries 500]
 *
 * The search measurement (issue 12 §5, benchmarks), in process, on a database of its own (in-memory PGlite with the
 * seed): run by the `search` benchmark (scripts/bench/benchmarks/search.ts, `npm run bench -- search`) or alone.
 *  1. Relevance of the embedded engine on the judged query set (lib/search/judgements.ts) over the seeded policies and
 *     mentors: Recall@20, nDCG@10, MRR@10 (queries with an answer), zero-result rate, false-positive rate of the
 *     no-answer queries, 繁/简 parity of the top 10, per class too.
 *  2. Scale: a synthetic policies index of --docs documents (the seed's documents varied deterministically): full
 *     rebuild time, then a filtered, faceted top-20 query (`inForce = true`, facets category/level/issuer) --queries
 *     times, p50/p95/p99 in process.
 *  3. Freshness in process: a write's upsert → searchable.
 * With MEILI_HOST set, the relevance part also runs against Meilisearch (uids prefixed jp_bench_…).
 * Prints progress on stderr and one JSON object on the last stdout line.
 */
import { openPglite, setDbHandle } from '@/db/client';
import { seedDemoAccounts, seedReferenceData } from '@/db/seed';
import { DEMO_PASSWORD } from '@/db/seed-data';
import { EmbeddedSearchIndex } from '@/lib/search/embedded';
import { parseFilter } from '@/lib/search/filter';
import { JUDGEMENTS, PARITY_PAIRS, type JudgementClass } from '@/lib/search/judgements';
import { MeiliSearchIndex } from '@/lib/search/meili';
import type { SearchIndex, SearchRequest } from '@/lib/search/port';
import { mean, mrrAt, ndcgAt, recallAt, sameTop } from '@/lib/search/relevance';
import { INDEX_SETTINGS, filterFieldsOf } from '@/lib/search/settings';
import type { SearchDocument, SearchIndexName } from '@/lib/search/source';
import { searchSources } from '@/lib/search/sources';
import { rebuild } from '@/lib/search/sync';
import { arg } from './run-args';
import { runIfMain } from './run-main';

const log = (m: string) => process.stderr.write(`[search] ${m}\n`);

export interface RelevanceReport {
  engine: string;
  queries: number;
  recall20: number;
  ndcg10: number;
  mrr10: number;
  zeroResultRate: number;
  noAnswerFalsePositiveRate: number;
  parity: number;
  byClass: Record<string, { n: number; recall20: number; ndcg10: number; mrr10: number }>;
  misses: string[];
}

export interface SearchRunReport {
  relevance: RelevanceReport[];
  scale: { docs: number; buildMs: number; queries: number; p50: number; p95: number; p99: number; meanHits: number };
  freshnessMs: number;
  corpus: Record<string, number>;
}

const req = (index: SearchIndexName, q: string, filter?: string, hitsPerPage = 20): SearchRequest => ({
  q,
  filter: filter ? parseFilter(filter, filterFieldsOf(index)) : null,
  facets: [],
  sort: [],
  page: 1,
  hitsPerPage,
});

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 100) / 100;
};
const r3 = (x: number) => Math.round(x * 1000) / 1000;

export async function relevance(index: SearchIndex): Promise<RelevanceReport> {
  const rows: { cls: JudgementClass; recall: number; ndcg: number; mrr: number; zero: boolean; id: string }[] = [];
  const misses: string[] = [];
  let falsePositives = 0;
  let none = 0;
  for (const j of JUDGEMENTS) {
    const r = await index.search(j.index, req(j.index, j.q, j.filter));
    const ids = r.hits.map((h) => h.id);
    if (j.class === 'none') {
      none++;
      if (ids.length) {
        falsePositives++;
        misses.push(`${j.id} ${j.q}: ${ids.length} hits for a no-answer query`);
      }
      continue;
    }
    const row = { cls: j.class, recall: recallAt(ids, j.grades, 20), ndcg: ndcgAt(ids, j.grades, 10), mrr: mrrAt(ids, j.grades, 10), zero: ids.length === 0, id: j.id };
    if (row.recall < 1 || row.mrr < 1) misses.push(`${j.id} ${j.q}${j.filter ? ` [${j.filter}]` : ''}: recall ${r3(row.recall)}, mrr ${r3(row.mrr)}, top ${ids.slice(0, 5).join(',')}`);
    rows.push(row);
  }
  let same = 0;
  for (const p of PARITY_PAIRS) {
    const a = (await index.search(p.index, req(p.index, p.traditional, undefined, 10))).hits.map((h) => h.id);
    const b = (await index.search(p.index, req(p.index, p.simplified, undefined, 10))).hits.map((h) => h.id);
    if (sameTop(a, b, 10)) same++;
    else misses.push(`parity ${p.traditional} / ${p.simplified}: ${a.join(',')} ≠ ${b.join(',')}`);
  }
  const byClass: RelevanceReport['byClass'] = {};
  for (const cls of new Set(rows.map((r) => r.cls))) {
    const rs = rows.filter((r) => r.cls === cls);
    byClass[cls] = { n: rs.length, recall20: r3(mean(rs.map((r) => r.recall))), ndcg10: r3(mean(rs.map((r) => r.ndcg))), mrr10: r3(mean(rs.map((r) => r.mrr))) };
  }
  return {
    engine: index.engine,
    queries: JUDGEMENTS.length,
    recall20: r3(mean(rows.map((r) => r.recall))),
    ndcg10: r3(mean(rows.map((r) => r.ndcg))),
    mrr10: r3(mean(rows.map((r) => r.mrr))),
    zeroResultRate: r3(rows.filter((r) => r.zero).length / rows.length),
    noAnswerFalsePositiveRate: none ? r3(falsePositives / none) : 0,
    parity: r3(same / PARITY_PAIRS.length),
    byClass,
    misses,
  };
}

const DISTRICTS = ['珠山区', '昌江区', '浮梁县', '乐平市', '经开区', '高新区', '陶溪川', '三宝'];
function synthetic(base: SearchDocument[], n: number): SearchDocument[] {
  const out: SearchDocument[] = [];
  for (let i = 0; i < n; i++) {
    const b = base[i % base.length]!;
    const d = DISTRICTS[i % DISTRICTS.length]!;
    out.push({ ...b, id: `SY-${String(i).padStart(5, '0')}`, code: `SY-${i}`, title: `${d}${String(b.title)}（第${(i % 97) + 1}批）`, issuer: `${d}人社局`, inForce: i % 5 !== 0, effectiveFrom: `20${20 + (i % 7)}-0${(i % 9) + 1}-01` });
  }
  return out;
}

async function main() {
  const docsN = Number(arg('--docs') ?? 10_000);
  const queriesN = Number(arg('--queries') ?? 500);
  log('seeding an in-memory PGlite database (reference data, demo accounts and mentors)');
  const handle = await openPglite(undefined);
  setDbHandle(handle);
  await seedReferenceData(handle.db);
  await seedDemoAccounts(handle.db, DEMO_PASSWORD);
  const embedded = new EmbeddedSearchIndex();
  const corpus: Record<string, number> = {};
  for (const s of searchSources) corpus[s.index] = await rebuild(embedded, s);
  log(`corpus ${JSON.stringify(corpus)}; judged set ${JUDGEMENTS.length} queries`);
  const reports = [await relevance(embedded)];
  if (process.env.MEILI_HOST) {
    const meili = new MeiliSearchIndex({ host: process.env.MEILI_HOST, apiKey: process.env.MEILI_API_KEY, prefix: `jp_bench_${process.pid}_` });
    for (const s of searchSources) await rebuild(meili, s);
    reports.push(await relevance(meili));
    for (const s of searchSources) await meili.client.deleteIndexIfExists(meili.uid(s.index));
  }

  log(`scale: ${docsN} synthetic policy documents`);
  const base: SearchDocument[] = [];
  for await (const page of embedded.documents('policies')) base.push(...page);
  const scaleIndex = new EmbeddedSearchIndex();
  await scaleIndex.ensureIndex('policies', INDEX_SETTINGS.policies);
  const docs = synthetic(base, docsN);
  const t0 = performance.now();
  await scaleIndex.replaceAll('policies', docs);
  const buildMs = Math.round(performance.now() - t0);
  const qs = JUDGEMENTS.filter((j) => j.index === 'policies' && j.q).map((j) => j.q);
  const filter = parseFilter('inForce = true', filterFieldsOf('policies'));
  const times: number[] = [];
  let hits = 0;
  for (let i = 0; i < queriesN; i++) {
    const t = performance.now();
    const r = await scaleIndex.search('policies', { q: qs[i % qs.length]!, filter, facets: ['category', 'level', 'issuer'], sort: [], page: 1, hitsPerPage: 20 });
    times.push(performance.now() - t);
    hits += r.total;
  }
  const t1 = performance.now();
  await scaleIndex.upsert('policies', [{ ...base[0]!, id: 'FRESH-1', title: '新鲜度测试政策' }]);
  const fresh = await scaleIndex.search('policies', req('policies', '新鲜度测试'));
  const freshnessMs = Math.round((performance.now() - t1) * 100) / 100;
  if (fresh.total !== 1) throw new Error('freshness probe not found');
  const report: SearchRunReport = { relevance: reports, scale: { docs: docsN, buildMs, queries: queriesN, p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99), meanHits: Math.round(hits / queriesN) }, freshnessMs, corpus };
  await handle.close();
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

runIfMain(import.meta.filename, main);
