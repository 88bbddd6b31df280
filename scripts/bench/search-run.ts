/**
 * tsx --conditions=react-server scripts/bench/search-run.ts [--docs 10000] [--queries 500] [--mentors 10000]
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
 *  4. Mentors from the database (--mentors, default 10,000 synthetic public mentors, scripts/bench/search-seed.ts) as
 *     the web process sees them: cold load (the process's embedded index built from the database: every source's
 *     documents loaded and indexed, lib/search/engine.ts ensureSearchReady), full rebuild of the mentors index, the
 *     HTTP benchmark's query shapes (scripts/bench/search-shapes.ts) through the API's service (searchPublic: the
 *     per-IP counter, the event-cursor catch-up, the engine) and through the engine alone, p50/p95/p99; and freshness
 *     through the real sync path, from the committed write to the first search that shows it: a staff edit
 *     (updateMentor → mentor.changed → cursor), and a linked mentor's talent withdrawing the profile consent
 *     (setConsent → talent.profile_changed → the mentors consumer, run by the real job worker → mentor.changed →
 *     cursor). Target ≤ 2 s.
 * With MEILI_HOST set, the relevance part also runs against Meilisearch (uids prefixed jp_bench_…).
 * Prints progress on stderr and one JSON object on the last stdout line.
 */
import { desc, eq, sql } from 'drizzle-orm';
import { openPglite, setDbHandle, type Db } from '@/db/client';
import { mentors, users } from '@/db/schema';
import { MENTOR_IDS } from '@/db/seed-mentors-ids';
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
import { seedSyntheticMentors } from './search-seed';
import { MENTOR_SEARCH_SHAPES } from './search-shapes';
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

export interface DbScaleReport {
  /** Documents in the process's index after the cold load. */
  docs: Record<string, number>;
  seedMs: number;
  coldLoadMs: number;
  rebuildMentorsMs: number;
  shapes: { label: string; matches: number; service: { p50: number; p95: number; p99: number }; engine: { p50: number; p95: number; p99: number } }[];
  freshnessEditMs: number[];
  freshnessOptOutMs: number | null;
}

export interface SearchRunReport {
  relevance: RelevanceReport[];
  scale: { docs: number; buildMs: number; queries: number; p50: number; p95: number; p99: number; meanHits: number };
  freshnessMs: number;
  corpus: Record<string, number>;
  fromDb?: DbScaleReport;
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

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls the service every 10 ms until `done`; ms since `t0` (the write's commit), or null after 10 s. */
async function until(t0: number, probe: () => Promise<boolean>): Promise<number | null> {
  for (;;) {
    if (await probe()) return Math.round((performance.now() - t0) * 10) / 10;
    if (performance.now() - t0 > 10_000) return null;
    await sleep(10);
  }
}

/** Section 4: mentors from the database, as the web process holds them (see the header). */
async function fromDatabase(db: Db, n: number, queriesN: number): Promise<DbScaleReport> {
  // The API's rate limit counts every call from one address; the service is imported after raising it.
  process.env.SEARCH_IP_LIMIT = '1000000000';
  process.env.SEARCH_SYNC_MS = '0';
  process.env.SEARCH_RECONCILE_MS = '0';
  const { searchPublic } = await import('@/lib/search/service');
  const { searchQuery } = await import('@/lib/search/schemas');
  const { ensureSearchReady, searchIndex, setSearchIndexForTests } = await import('@/lib/search/engine');
  const { sourceFor } = await import('@/lib/search/sources');
  const { updateMentor } = await import('@/lib/mentors/service');
  const { setConsent } = await import('@/lib/talent/service');
  const { startWorker, stopWorker } = await import('@/lib/jobs/start');
  const { getDbHandle } = await import('@/db/client');

  log(`from the database: ${n} synthetic public mentors`);
  const s0 = performance.now();
  await seedSyntheticMentors(db, n);
  await db.execute(sql`vacuum analyze mentors`);
  const seedMs = Math.round(performance.now() - s0);

  setSearchIndexForTests(new EmbeddedSearchIndex());
  const c0 = performance.now();
  await ensureSearchReady();
  const coldLoadMs = Math.round(performance.now() - c0);
  const docs = Object.fromEntries(Object.entries((await searchIndex().health()).docCounts ?? {}).map(([k, v]) => [k, v ?? 0]));
  log(`cold load ${coldLoadMs} ms: ${JSON.stringify(docs)}`);
  const r0 = performance.now();
  await rebuild(searchIndex(), sourceFor('mentors')!);
  const rebuildMentorsMs = Math.round(performance.now() - r0);

  const shapes: DbScaleReport['shapes'] = [];
  for (const shape of MENTOR_SEARCH_SHAPES) {
    const query = searchQuery.parse(shape.params);
    const { index, request } = (await import('@/lib/search/service')).toSearchRequest(query);
    const service: number[] = [];
    const engine: number[] = [];
    let matches = 0;
    for (let i = 0; i < queriesN; i++) {
      const t = performance.now();
      const r = await searchPublic(query, { ip: '127.0.0.1' });
      service.push(performance.now() - t);
      matches = r.total;
      const e = performance.now();
      await searchIndex().search(index, request);
      engine.push(performance.now() - e);
    }
    shapes.push({ label: shape.label, matches, service: { p50: pct(service, 50), p95: pct(service, 95), p99: pct(service, 99) }, engine: { p50: pct(engine, 50), p95: pct(engine, 95), p99: pct(engine, 99) } });
    log(`${shape.label}: ${matches} matches; service p95 ${pct(service, 95)} ms, engine p95 ${pct(engine, 95)} ms`);
  }

  // Freshness (a): a staff edit of a synthetic mentor → searchable under its new name (event → cursor at the next search).
  const [staff] = await db.select({ id: users.id, zoneCode: users.zoneCode }).from(users).where(eq(users.email, 'staff@demo.local'));
  const staffActor = { id: staff!.id, role: 'zone_staff' as const, displayName: 'bench', zoneCode: staff!.zoneCode, orgId: null, orgPath: null, sessionId: 'bench' };
  const [target] = await db.select({ id: mentors.id }).from(mentors).where(sql`${mentors.talentId} is null and ${mentors.displayName} not like '%青%'`).orderBy(desc(mentors.createdAt)).limit(1);
  const find = async (q: string) => (await searchPublic(searchQuery.parse({ index: 'mentors', q, hitsPerPage: '20' }), { ip: '127.0.0.1' })).hits.map((h) => h.id);
  const freshnessEditMs: number[] = [];
  for (const name of ['甄鲜试一', '甄鲜试二', '甄鲜试三', '甄鲜试四', '甄鲜试五']) {
    await updateMentor(staffActor, target!.id, { displayName: name });
    const t0 = performance.now();
    const ms = await until(t0, async () => (await find(name)).includes(target!.id));
    if (ms === null) throw new Error(`freshness: ${name} not searchable after 10 s`);
    freshnessEditMs.push(ms);
  }

  // Freshness (b): 林青瓷 (a linked demo mentor, public) withdraws the profile consent; the real job worker runs the consumer.
  let freshnessOptOutMs: number | null = null;
  const linked = MENTOR_IDS.linQingci;
  const [talent] = await db.select({ id: users.id }).from(users).where(eq(users.email, 'lin.qingci@demo.local'));
  if (talent && (await find('林青瓷')).includes(linked)) {
    process.env.JOBS_POLL_MS = process.env.JOBS_POLL_MS ?? '1000';
    await startWorker(await getDbHandle(), 'worker');
    try {
      await setConsent({ id: talent.id, role: 'talent', displayName: '林青瓷', zoneCode: null, orgId: null, orgPath: null, sessionId: 'bench' }, 'profile', false, '127.0.0.1');
      const t0 = performance.now();
      freshnessOptOutMs = await until(t0, async () => !(await find('林青瓷')).includes(linked));
    } finally {
      await stopWorker({ graceMs: 2_000 });
    }
  } else log('opt-out freshness not measured: 林青瓷 is not a public mentor in this seed');
  log(`freshness: staff edit ${freshnessEditMs.join(' / ')} ms; opt-out ${freshnessOptOutMs ?? '—'} ms`);
  setSearchIndexForTests(null);
  return { docs, seedMs, coldLoadMs, rebuildMentorsMs, shapes, freshnessEditMs, freshnessOptOutMs };
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
  const mentorsN = Number(arg('--mentors') ?? 10_000);
  const fromDb = mentorsN > 0 ? await fromDatabase(handle.db, mentorsN, Math.max(50, Math.round(queriesN / 2))) : undefined;
  const report: SearchRunReport = { relevance: reports, scale: { docs: docsN, buildMs, queries: queriesN, p50: pct(times, 50), p95: pct(times, 95), p99: pct(times, 99), meanHits: Math.round(hits / queriesN) }, freshnessMs, corpus, fromDb };
  await handle.close();
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

runIfMain(import.meta.filename, main);
