/**
 * search: the embedded search engine (issue 12 §5 and Benchmarks), in process on an in-memory database of its own
 * (scripts/bench/search-run.ts): relevance on the judged query set (Recall@20, nDCG@10, MRR@10, zero-result rate,
 * 繁/简 parity; also on Meilisearch when MEILI_HOST is set), full rebuild of 10,000 documents, p50/p95/p99 of a
 * filtered, faceted top-20 query in process, and write → searchable; then 10,000 synthetic public mentors in that
 * database: cold load (index from the database), mentors rebuild, the HTTP benchmark's query shapes through the API's
 * service and the engine, and freshness through the real sync path (staff edit; a consent withdrawal via the job
 * worker). The same shapes over HTTP: `npm run bench -- search-http`. Targets (R4 / the issue): Recall@20 ≥ 0.95 on the
 * answerable queries, nDCG@10 ≥ 0.85, MRR@10 ≥ 0.9, zero results 0, parity 100 %, rebuild ≤ 5 s, p95 ≤ 20 ms.
 * Opt-in, no server: `npm run bench -- search`; alone: `npx tsx --conditions=react-server scripts/bench/search-run.ts`.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { defineBenchmark } from '../types';
import type { SearchRunReport } from '../search-run';

export default defineBenchmark({
  name: 'search',
  description: 'search: judged-query relevance, 10k-document rebuild and filtered faceted top-20 latency in process / 搜索',
  defaultConnections: 1,
  measurementCount: 0,
  optIn: true,
  needsServer: false,
  expectedSeconds: 90,
  async run(ctx) {
    ctx.log('  relevance on the judged query set, then 10,000 synthetic documents, in process');
    const r = spawnSync(path.join('node_modules', '.bin', 'tsx'), ['--conditions=react-server', 'scripts/bench/search-run.ts'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] });
    if (r.status !== 0) return { measurements: [], problems: [`search-run.ts failed (exit ${r.status ?? r.signal})`] };
    const report = JSON.parse(r.stdout.trim().split('\n').pop()!) as SearchRunReport;
    const derived: Record<string, number> = {};
    const notes: string[] = [`corpus ${JSON.stringify(report.corpus)}`];
    const problems: string[] = [];
    for (const rel of report.relevance) {
      const k = rel.engine;
      Object.assign(derived, { [`${k}.recall20`]: rel.recall20, [`${k}.ndcg10`]: rel.ndcg10, [`${k}.mrr10`]: rel.mrr10, [`${k}.zeroResultRate`]: rel.zeroResultRate, [`${k}.parity`]: rel.parity });
      notes.push(`${k}: ${rel.queries} queries · Recall@20 ${rel.recall20} · nDCG@10 ${rel.ndcg10} · MRR@10 ${rel.mrr10} · zero-result ${rel.zeroResultRate} · no-answer false positives ${rel.noAnswerFalsePositiveRate} · 繁/简 parity ${rel.parity}`);
      for (const [cls, c] of Object.entries(rel.byClass)) notes.push(`  ${k} ${cls} (${c.n}): R@20 ${c.recall20} nDCG@10 ${c.ndcg10} MRR@10 ${c.mrr10}`);
      for (const m of rel.misses) notes.push(`  ${k} miss: ${m}`);
      if (rel.recall20 < 0.95) problems.push(`${k}: Recall@20 ${rel.recall20} < 0.95`);
      if (rel.ndcg10 < 0.85) problems.push(`${k}: nDCG@10 ${rel.ndcg10} < 0.85`);
      if (rel.mrr10 < 0.9) problems.push(`${k}: MRR@10 ${rel.mrr10} < 0.9`);
      if (rel.zeroResultRate > 0) problems.push(`${k}: zero-result rate ${rel.zeroResultRate} > 0`);
      if (rel.parity < 1) problems.push(`${k}: 繁/简 parity ${rel.parity} < 1`);
    }
    const s = report.scale;
    Object.assign(derived, { 'scale.docs': s.docs, 'scale.buildMs': s.buildMs, 'scale.p50Ms': s.p50, 'scale.p95Ms': s.p95, 'scale.p99Ms': s.p99, freshnessMs: report.freshnessMs });
    notes.push(`${s.docs} documents: rebuild ${s.buildMs} ms; filtered faceted top-20 over ${s.queries} queries p50 ${s.p50} ms / p95 ${s.p95} ms / p99 ${s.p99} ms (mean ${s.meanHits} matches); write → searchable ${report.freshnessMs} ms in process`);
    if (s.buildMs > 5000) problems.push(`rebuild ${s.buildMs} ms > 5 s`);
    if (s.p95 > 20) problems.push(`p95 ${s.p95} ms > 20 ms`);
    const d = report.fromDb;
    if (d) {
      Object.assign(derived, { 'db.mentors': d.docs.mentors ?? 0, 'db.coldLoadMs': d.coldLoadMs, 'db.rebuildMentorsMs': d.rebuildMentorsMs, 'db.freshnessEditMaxMs': Math.max(...d.freshnessEditMs), ...(d.freshnessOptOutMs !== null ? { 'db.freshnessOptOutMs': d.freshnessOptOutMs } : {}) });
      notes.push(`from the database, ${d.docs.mentors} mentors + ${d.docs.policies} policies (seeded in ${d.seedMs} ms): cold load (index built from the database) ${d.coldLoadMs} ms; mentors full rebuild ${d.rebuildMentorsMs} ms`);
      for (const x of d.shapes) {
        const key = x.label.replace(/[^a-z0-9]+/gi, '_').replace(/^_+|_+$/g, '');
        Object.assign(derived, { [`db.${key}.serviceP95Ms`]: x.service.p95, [`db.${key}.engineP95Ms`]: x.engine.p95 });
        notes.push(`  ${x.label} (${x.matches} matches): through the API service p50 ${x.service.p50} / p95 ${x.service.p95} / p99 ${x.service.p99} ms; engine alone p95 ${x.engine.p95} ms`);
        if (x.service.p95 > 20) problems.push(`${x.label}: in-process p95 ${x.service.p95} ms > 20 ms`);
      }
      notes.push(`freshness, committed write → searchable through the real sync path: staff edit ${d.freshnessEditMs.join(' / ')} ms (event → cursor); consent withdrawn ${d.freshnessOptOutMs ?? '—'} ms (event → consumer job → event → cursor)`);
      const worst = Math.max(...d.freshnessEditMs, d.freshnessOptOutMs ?? 0);
      if (worst > 2000) problems.push(`freshness ${worst} ms > 2 s`);
      if (d.freshnessOptOutMs === null) notes.push('opt-out freshness not measured (林青瓷 not public in the seed)');
    }
    return { measurements: [], derived, notes, problems };
  },
});
