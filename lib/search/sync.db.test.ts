/**
 * Sync without loss on a real database (issue 12 §3): the embedded index follows publish, metadata edits and retire
 * through the per-process event cursor; a shared engine (the durable-consumer path that Meilisearch takes) that fails
 * does not fail the business write, the consumer retries with backoff and the index converges; the reconciliation
 * repairs drift; the API answers the contract and refuses bad input with a localized 400, writing nothing.
 */
import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { jobs, policies } from '@/db/schema';
import { advance, resetClock } from '@/lib/clock';
import { createPolicyRoute, publishVersionRoute, retireVersionRoute, updatePolicyRoute } from '@/lib/policies/api';
import { clearCatalogueCache } from '@/lib/policies/store';
import { setupTestDb } from '@/tests/helpers/db';
import { bearer, makeUser, tokenFor } from '@/tests/helpers/factories';
import { callRoute } from '@/tests/helpers/http';
import { drainJobs } from '@/tests/helpers/jobs';
import { simpleMeta, simpleVersion } from '@/tests/helpers/policies';
import { searchRoute } from './api';
import { EmbeddedSearchIndex } from './embedded';
import { catchUp, ensureSearchReady, reconcileAll, searchIndex, searchState, setSearchIndexForTests } from './engine';
import type { SearchIndex } from './port';
import { FaultyIndex } from './testing/faulty';

const t = setupTestDb();
const staffToken = async () => tokenFor(t.db(), await makeUser(t.db(), 'zone_staff', { zoneCode: 'jkq' }));

type Body = { hits: { id: string; doc: { title: string }; highlights: Record<string, { text: string; hit: boolean }[]> }[]; total: number; facets: Record<string, Record<string, number>>; engine: string };
const search = async (query: Record<string, string>, headers: Record<string, string> = {}) => callRoute(searchRoute, { query: { index: 'policies', ...query }, headers });
const ids = async (q: string) => ((await search({ q, hitsPerPage: '100' })).json as Body).hits.map((h) => h.id);

async function publishNew(token: string, code: string, title: string) {
  expect((await callRoute(createPolicyRoute, { body: { policy: { ...simpleMeta(code), title_zh: title }, version: simpleVersion() }, headers: bearer(token) })).status).toBe(201);
  expect((await callRoute(publishVersionRoute, { params: { code, version: '1.0.0' }, body: { changelogNote: '首次发布' }, headers: bearer(token) })).status).toBe(200);
}

/** The embedded adapter presented as a shared engine, so the durable consumers do the indexing (the Meilisearch path). */
class SharedEngine extends FaultyIndex {
  override get engine() {
    return 'meilisearch' as const;
  }
}

afterEach(() => {
  setSearchIndexForTests(null);
  resetClock();
  clearCatalogueCache();
});

describe('embedded engine in the web process', () => {
  beforeEach(async () => {
    setSearchIndexForTests(new EmbeddedSearchIndex());
    process.env.SEARCH_SYNC_MS = '0';
    await ensureSearchReady();
  });

  it('builds from the database, then follows publish, metadata edits and retire through the event cursor', async () => {
    expect(searchState().state).toBe('ready');
    const token = await staffToken();
    expect(await ids('窑炉')).not.toContain('JP-970');
    await publishNew(token, 'JP-970', '窑炉烧制费用补贴');
    // The search request itself catches up: searchable as soon as the write has committed.
    expect(await ids('窑炉')).toContain('JP-970');
    expect(await ids('yaolu')).toContain('JP-970');
    expect(await ids('窯爐')).toEqual(await ids('窑炉'));
    expect((await callRoute(updatePolicyRoute, { params: { code: 'JP-970' }, body: { ...simpleMeta('JP-970'), code: undefined, title_zh: '柴窑烧制费用补贴' }, headers: bearer(token) })).status).toBe(200);
    expect(await ids('窑炉')).not.toContain('JP-970');
    expect(await ids('柴窑')).toContain('JP-970');
    expect((await callRoute(retireVersionRoute, { params: { code: 'JP-970', version: '1.0.0' }, headers: bearer(token) })).status).toBe(200);
    expect(await ids('柴窑')).not.toContain('JP-970');
    // Re-applying every event again changes nothing (idempotent re-load by id).
    await catchUp();
    expect(await ids('柴窑')).not.toContain('JP-970');
  });

  // Ids are taken before commit: a transaction that took an event id first may commit after a later one. The cursor
  // must still apply it (two connections, so PostgreSQL only).
  it.skipIf(!process.env.TEST_DATABASE_URL)('applies an event that commits after a later one', async () => {
    const [a, b] = (await t.db().select({ code: policies.code }).from(policies).orderBy(policies.code).limit(2)).map((r) => r.code);
    const url = (t.handle() as { url?: string }).url!;
    const other = postgres(url, { max: 1, onnotice: () => {} });
    let release!: () => void;
    let inserted!: () => void;
    const insertedP = new Promise<void>((r) => (inserted = r));
    const first = other.begin(async (tx) => {
      await tx`update policies set title_zh = '先取号后提交的标题' where code = ${a!}`;
      await tx`insert into domain_events (type, aggregate_type, aggregate_id, payload, occurred_at) values ('policy.meta_updated', 'policy', ${a!}, ${tx.json({ code: a! })}, now())`;
      inserted();
      await new Promise<void>((r) => (release = r));
    });
    try {
      await insertedP;
      // A later event (its own id is higher) commits first; it changes nothing visible (re-load by id). It touches no
      // policy row: the catalogue revision row is locked by the first transaction until it commits.
      await t.db().execute(sql`insert into domain_events (type, aggregate_type, aggregate_id, payload, occurred_at) values ('policy.meta_updated', 'policy', ${b!}, ${JSON.stringify({ code: b })}::jsonb, now())`);
      expect(await ids('先取号后提交')).not.toContain(a);
    } finally {
      release();
      await first;
      await other.end();
    }
    expect(await ids('先取号后提交')).toContain(a);
  });

  it('a worker process leaves the embedded index alone (the consumer has nothing to do there)', async () => {
    const token = await staffToken();
    await publishNew(token, 'JP-971', '陶瓷直播电商培训补贴');
    await drainJobs(t.db());
    const consumer = await t.db().select({ status: jobs.status, result: jobs.result }).from(jobs).where(eq(jobs.type, 'search.sync_policies'));
    expect(consumer.map((j) => j.status)).toEqual(['done']);
    expect(await ids('直播')).toContain('JP-971');
  });

  it('reconciliation repairs drift, deletions included, and reports it', async () => {
    const index = searchIndex();
    await index.upsert('policies', [{ id: 'JP-999', code: 'JP-999', title: '幽灵政策' }]);
    const all = await ids('');
    expect(all).toContain('JP-999');
    const report = (await reconcileAll()).find((r) => r.index === 'policies');
    expect(report).toMatchObject({ index: 'policies', added: 0, updated: 0, removed: 1 });
    expect(await ids('幽灵')).toEqual([]);
    // A row changed behind the application's back (no event): found and repaired.
    const [anyPolicy] = await t.db().select({ code: policies.code }).from(policies).limit(1);
    await t.db().update(policies).set({ titleZh: '被直接修改的标题' }).where(eq(policies.code, anyPolicy!.code));
    const second = (await reconcileAll()).find((r) => r.index === 'policies');
    expect(second).toMatchObject({ updated: 1, added: 0, removed: 0 });
    expect(await ids('直接修改')).toEqual([anyPolicy!.code]);
  });
});

describe('a shared engine (durable consumers)', () => {
  let engine: SharedEngine;
  beforeEach(async () => {
    engine = new SharedEngine(new EmbeddedSearchIndex(), 20);
    setSearchIndexForTests(engine as SearchIndex);
    await ensureSearchReady();
    await reconcileAll();
  });

  it.each(['throw', 'timeout'] as const)('an engine that fails (%s) never fails the write; the consumer retries with backoff and the index converges', async (fault) => {
    const token = await staffToken();
    engine.fault = fault;
    await publishNew(token, 'JP-972', '青花分水技艺研修补贴');
    const stats = await drainJobs(t.db());
    expect(stats).toBeDefined();
    const [job] = await t.db().select({ status: jobs.status, attempts: jobs.attempts, lastError: jobs.lastError }).from(jobs).where(eq(jobs.type, 'search.sync_policies'));
    expect(job).toMatchObject({ status: 'pending', attempts: 1 });
    expect(job!.lastError).toMatch(/injected/);
    expect(await ids('分水')).not.toContain('JP-972');
    engine.fault = 'none';
    advance(60_000);
    await drainJobs(t.db());
    const [after] = await t.db().select({ status: jobs.status }).from(jobs).where(eq(jobs.type, 'search.sync_policies'));
    expect(after!.status).toBe('done');
    expect(await ids('分水')).toContain('JP-972');
    for (const report of await reconcileAll()) expect(report).toMatchObject({ added: 0, updated: 0, removed: 0 });
  });
});

describe('GET /api/v1/search', () => {
  beforeEach(async () => {
    setSearchIndexForTests(new EmbeddedSearchIndex());
    await ensureSearchReady();
  });

  it('answers the contract shape with facets and highlights, anonymously', async () => {
    const res = await search({ q: '补贴', facets: 'category,level', hitsPerPage: '5' });
    expect(res.status).toBe(200);
    const body = res.json as Body & { page: number; hitsPerPage: number; tookMs: number };
    expect(body).toMatchObject({ page: 1, hitsPerPage: 5, engine: 'embedded' });
    expect(body.total).toBeGreaterThan(0);
    expect(body.hits.length).toBeLessThanOrEqual(5);
    expect(Object.keys(body.facets).sort()).toEqual(['category', 'level']);
    const marked = body.hits.flatMap((h) => Object.values(h.highlights).flat()).filter((s) => s.hit);
    expect(marked.some((s) => s.text.includes('补贴'))).toBe(true);
    const mentors = await search({ index: 'mentors', q: '青花' });
    expect(mentors.status).toBe(200);
  });

  it.each([
    [{ index: 'people' }, 'index'],
    [{ filter: 'nope = 1' }, 'filter'],
    [{ filter: 'title = 青花' }, 'filter'],
    [{ filter: 'category = ' }, 'filter'],
    [{ filter: '(category = housing' }, 'filter'],
    [{ hitsPerPage: '101' }, 'hitsPerPage'],
    [{ hitsPerPage: '0' }, 'hitsPerPage'],
    [{ page: 'x' }, 'page'],
    [{ sort: 'summary:asc' }, 'sort'],
    [{ facets: 'summary' }, 'facets'],
    [{ q: 'x'.repeat(10_240) }, 'q'],
  ])('refuses bad input with a localized 400 naming the parameter (%#: %s)', async (query, param) => {
    const zh = await search(query as Record<string, string>, { 'accept-language': 'zh-CN' });
    expect(zh.status).toBe(400);
    const body = zh.json as { code: string; errors: Record<string, string[]> };
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(Object.keys(body.errors)).toEqual([`query.${param}`]);
    expect(body.errors[`query.${param}`]![0]).toMatch(/[\u4e00-\u9fff]/);
    const en = await search(query as Record<string, string>, { 'accept-language': 'en' });
    expect((en.json as { errors: Record<string, string[]> }).errors[`query.${param}`]![0]).toMatch(/^[\x20-\x7e“”…]+$/);
  });

  it('names the offending field in the message', async () => {
    const res = await search({ filter: 'title = 青花' }, { 'accept-language': 'en' });
    expect((res.json as { errors: Record<string, string[]> }).errors['query.filter']![0]).toBe('The field “title” cannot be used in a filter.');
  });

  it('is rate-limited per IP', async () => {
    await t.db().execute(sql`insert into rate_limits (key, count, window_started_at) values ('search-ip:203.0.113.10', 100000, now())`);
    const res = await search({ q: '补贴' });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await search({ q: '补贴' }, { 'x-forwarded-for': '198.51.100.7' })).status).toBe(200);
  });
});
