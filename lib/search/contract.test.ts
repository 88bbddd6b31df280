/**
 * The SearchIndex contract (booking-and-search.md R3), one suite run against every adapter: the embedded engine
 * always; Meilisearch only where MEILI_HOST names a server (skipped otherwise, and the skip says so — no fake stands in
 * for Meilisearch). Includes the fault cases: an engine that throws or times out during sync, then recovers, and the
 * index converging to the "database" (an in-memory source here; lib/search/sync.db.test.ts does it on PostgreSQL).
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { EmbeddedSearchIndex } from './embedded';
import { parseFilter } from './filter';
import { MeiliSearchIndex } from './meili';
import type { SearchIndex, SearchRequest, SearchResult } from './port';
import { INDEX_SETTINGS, filterFieldsOf } from './settings';
import type { SearchDocument, SearchSource } from './source';
import { applyIds, reconcile } from './sync';
import { CORPUS, policyDoc } from './testing/corpus';
import { FaultyIndex } from './testing/faulty';

const MEILI_HOST = process.env.MEILI_HOST;
if (!MEILI_HOST) console.info('[search contract] Meilisearch adapter skipped: MEILI_HOST is not set (no Meilisearch server on this machine).');

const adapters: { name: string; skip: boolean; make: () => SearchIndex; cleanup?: (i: SearchIndex) => Promise<void> }[] = [
  { name: 'embedded', skip: false, make: () => new EmbeddedSearchIndex() },
  {
    name: 'meilisearch',
    skip: !MEILI_HOST,
    make: () => new MeiliSearchIndex({ host: MEILI_HOST!, apiKey: process.env.MEILI_API_KEY, prefix: `jp_contract_${process.pid}_${Date.now()}_` }),
    cleanup: async (i) => {
      const m = i as MeiliSearchIndex;
      await m.client.deleteIndexIfExists(m.uid('policies'));
    },
  },
];

const req = (q: string, over: Partial<SearchRequest> & { filterText?: string } = {}): SearchRequest => ({
  q,
  filter: over.filterText ? parseFilter(over.filterText, filterFieldsOf('policies')) : (over.filter ?? null),
  facets: over.facets ?? [],
  sort: over.sort ?? [],
  page: over.page ?? 1,
  hitsPerPage: over.hitsPerPage ?? 20,
});
const ids = (r: SearchResult) => r.hits.map((h) => h.id);

for (const adapter of adapters) {
  describe.skipIf(adapter.skip)(`SearchIndex contract: ${adapter.name}`, () => {
    let index: SearchIndex;
    const find = async (q: string, over: Parameters<typeof req>[1] = {}) => index.search('policies', req(q, over));

    beforeAll(async () => {
      index = adapter.make();
      await index.ensureIndex('policies', INDEX_SETTINGS.policies);
    }, 120_000);
    afterAll(async () => {
      await adapter.cleanup?.(index);
    });
    beforeEach(async () => {
      await index.replaceAll('policies', CORPUS);
    }, 60_000);

    it('ensureIndex is idempotent and keeps the documents', async () => {
      await index.ensureIndex('policies', INDEX_SETTINGS.policies);
      expect((await find('')).total).toBe(CORPUS.length);
      expect(index.engine).toBe(adapter.name);
    });

    it('finds an exact title first', async () => {
      expect(ids(await find('高校毕业生社会保险补贴'))[0]).toBe('JP-003');
      expect(ids(await find('景漂人才房租补贴'))[0]).toBe('JP-001');
    });

    it('finds sub-words inside longer words (补贴, 青花, 毕业生)', async () => {
      expect(ids(await find('补贴')).sort()).toEqual(['JP-001', 'JP-003']);
      expect(ids(await find('补助'))).toEqual(['JP-006']);
      expect(ids(await find('青花'))).toContain('JP-002');
      expect(ids(await find('毕业生')).sort()).toEqual(['JP-003', 'JP-007']);
    });

    it('requires every query word (AND)', async () => {
      expect(ids(await find('青花 python'))).toEqual([]);
      expect(ids(await find('陶溪川 租金'))).toEqual(['JP-005']);
    });

    it('gives traditional and simplified queries the same results', async () => {
      for (const [t, s] of [
        ['社會保險', '社会保险'],
        ['創業', '创业'],
        ['陶瓷展會', '陶瓷展会'],
      ]) expect(ids(await find(t!))).toEqual(ids(await find(s!)));
      expect(ids(await find('創業'))).toContain('JP-005');
    });

    it('finds titles by pinyin and initials', async () => {
      expect(ids(await find('qinghua'))).toContain('JP-002');
      expect(ids(await find('qh'))).toContain('JP-002');
      expect(ids(await find('taoxichuan'))).toContain('JP-005');
    });

    it('treats the last Latin word as a prefix and tolerates typos in Latin words only', async () => {
      expect(ids(await find('pyth'))).toContain('JP-004');
      expect(ids(await find('pyhton'))).toContain('JP-004'); // transposition = one typo
      expect(ids(await find('ceramicsts subsidy'))).toContain('JP-008'); // 10 letters: two typos
      expect(ids(await find('klin firing'))).toEqual([]); // 4 letters: no typo
      expect(ids(await find('AI设计'))[0]).toBe('JP-004');
    });

    it('applies synonyms (租金 ⇄ 房租, 社保 ⇄ 社会保险)', async () => {
      expect(ids(await find('租金'))).toEqual(expect.arrayContaining(['JP-001', 'JP-005']));
      expect(ids(await find('社保'))).toContain('JP-003');
    });

    it('filters with the one filter language', async () => {
      expect(ids(await find('', { filterText: 'category = housing' })).sort()).toEqual(['JP-001', 'JP-005']);
      expect(ids(await find('陶瓷', { filterText: 'level IN [city, district] AND inForce = true' })).sort()).toEqual(['JP-004', 'JP-006', 'JP-007']);
      expect(ids(await find('', { filterText: 'effectiveFrom >= "2025-01-01"' })).sort()).toEqual(['JP-004', 'JP-008']);
      expect(ids(await find('', { filterText: 'NOT inForce = true' }))).toEqual(['JP-005']);
      expect(ids(await find('', { filterText: 'tags = 青花 OR tags = kiln' })).sort()).toEqual(['JP-002', 'JP-008']);
    });

    it('counts facets over the whole filtered match set', async () => {
      const r = await find('', { facets: ['category', 'inForce'], hitsPerPage: 2 });
      expect(r.hits).toHaveLength(2);
      expect(r.total).toBe(8);
      expect(r.facets.category).toEqual({ craft: 2, culture: 1, employment: 1, housing: 2, innovation: 2 });
      expect(r.facets.inForce).toEqual({ false: 1, true: 7 });
      const f = await find('补贴', { facets: ['level'] });
      expect(f.facets.level).toEqual({ city: 2 });
    });

    it('sorts and paginates with an exact total', async () => {
      const asc = await find('', { sort: [{ field: 'effectiveFrom', dir: 'asc' }], hitsPerPage: 3 });
      expect(ids(asc)).toEqual(['JP-005', 'JP-002', 'JP-001']);
      const p3 = await find('', { sort: [{ field: 'effectiveFrom', dir: 'desc' }], hitsPerPage: 3, page: 3 });
      expect(ids(p3)).toEqual(['JP-002', 'JP-005']);
      expect(p3).toMatchObject({ total: 8, page: 3, hitsPerPage: 3 });
      expect(ids(await find('', { page: 9 }))).toEqual([]);
    });

    it('highlights matches as segments', async () => {
      const [hit] = (await find('社保 补贴')).hits;
      const title = hit!.highlights.title!;
      expect(title.map((s) => s.text).join('')).toBe('高校毕业生社会保险补贴');
      expect(title.filter((s) => s.hit).map((s) => s.text).join('|')).toContain('补贴');
    });

    it('upserts (replacing the whole document), removes, and lists documents', async () => {
      await index.upsert('policies', [policyDoc('JP-009', { title: '粉彩瓷画培训补贴' })]);
      expect(ids(await find('粉彩'))).toEqual(['JP-009']);
      await index.upsert('policies', [policyDoc('JP-009', { title: '颜色釉培训补贴' })]);
      expect(ids(await find('粉彩'))).toEqual([]);
      expect(ids(await find('颜色釉'))).toEqual(['JP-009']);
      await index.remove('policies', ['JP-009', 'JP-404']);
      expect(ids(await find('颜色釉'))).toEqual([]);
      const listed: string[] = [];
      for await (const page of index.documents('policies')) listed.push(...page.map((d) => String(d.id)));
      expect(listed.sort()).toEqual(CORPUS.map((d) => d.id).sort());
      expect((await index.health()).docCounts.policies).toBe(CORPUS.length);
    });

    it('replaceAll swaps the whole index', async () => {
      await index.replaceAll('policies', [policyDoc('JP-100', { title: '唯一的政策' })]);
      expect(ids(await find(''))).toEqual(['JP-100']);
      expect((await index.health()).ok).toBe(true);
    });

    describe('faults during sync', () => {
      // The "database": a map the source reads, and the ids changed since the last successful sync.
      const db = new Map<string, SearchDocument>();
      let pending: string[] = [];
      const source: SearchSource = {
        index: 'policies',
        events: ['test.changed'],
        load: async (list) => new Map(list.map((id) => [id, db.get(id) ?? null])),
        loadAll: async function* () {
          yield [...db.values()];
        },
      };
      const write = (d: SearchDocument | string) => {
        if (typeof d === 'string') db.delete(d);
        else db.set(String(d.id), d);
        pending.push(typeof d === 'string' ? d : String(d.id));
      };
      /** What the job runner does: apply, and keep the work for a retry if the engine fails. */
      const drain = async (i: SearchIndex) => {
        const batch = pending;
        try {
          await applyIds(i, source, batch);
          pending = pending.filter((id) => !batch.includes(id));
          return 'done';
        } catch (err) {
          return (err as Error).message;
        }
      };
      const converged = async (i: SearchIndex) => {
        const inIndex = new Map<string, SearchDocument>();
        for await (const page of i.documents('policies')) for (const d of page) inIndex.set(String(d.id), d);
        expect([...inIndex.keys()].sort()).toEqual([...db.keys()].sort());
        for (const [id, d] of db) expect(inIndex.get(id)?.title).toBe(d.title);
      };

      beforeEach(() => {
        db.clear();
        for (const d of CORPUS) db.set(d.id, d);
        pending = [];
      });

      it.each(['throw', 'timeout'] as const)('an engine that fails (%s) loses nothing: the retry after recovery converges', async (fault) => {
        const faulty = new FaultyIndex(index, 30);
        faulty.fault = fault;
        write(policyDoc('JP-200', { title: '窑炉烧制补贴' }));
        write('JP-001');
        write({ ...db.get('JP-002')!, title: '青花分水技艺传承人扶持' });
        expect(await drain(faulty)).toMatch(/injected/);
        expect(await drain(faulty)).toMatch(/injected/);
        expect(faulty.failures).toBeGreaterThanOrEqual(2);
        expect(ids(await find('窑炉'))).toEqual([]);
        faulty.fault = 'none';
        expect(await drain(faulty)).toBe('done');
        expect(pending).toEqual([]);
        await converged(index);
        expect(ids(await find('窑炉'))).toEqual(['JP-200']);
        expect(ids(await find('分水'))).toEqual(['JP-002']);
      });

      it('applying the same change twice or out of order gives the same index', async () => {
        write(policyDoc('JP-201', { title: '第一版' }));
        write({ ...db.get('JP-201')!, title: '第二版' });
        await applyIds(index, source, ['JP-201', 'JP-201']);
        await applyIds(index, source, ['JP-201']);
        await converged(index);
      });

      it('reconciliation repairs drift (missing, stale and deleted documents) and reports it', async () => {
        db.set('JP-300', policyDoc('JP-300', { title: '遗漏的政策' })); // written while the engine was down, event lost
        db.delete('JP-008'); // deleted without an event
        await index.upsert('policies', [{ ...db.get('JP-006')!, title: '过时的标题' }]); // stale
        const report = await reconcile(index, source);
        expect(report).toEqual({ index: 'policies', added: 1, updated: 1, removed: 1, unchanged: CORPUS.length - 2 });
        await converged(index);
        expect(await reconcile(index, source)).toMatchObject({ added: 0, updated: 0, removed: 0 });
      });
    });
  });
}
