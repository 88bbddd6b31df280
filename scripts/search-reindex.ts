/**
 * npm run search:reindex                 rebuild every search index from the database (the source of truth)
 * npm run search:reindex -- --index policies
 * npm run search:reindex -- --reconcile  repair drift only (missing, stale and deleted documents) and report it
 *
 * With MEILI_HOST set this rebuilds the shared Meilisearch indexes: documents are loaded page by page, written to a
 * temporary index and swapped in (zero downtime). Without it, the embedded engine lives inside the web process, which
 * rebuilds it at start and follows every change: this command then builds an index here to check the data and measure
 * the rebuild (ADR 016). Progress: a bar on a terminal, one line per step otherwise (CI logs).
 */
import { SingleBar, Presets } from 'cli-progress';
import { openConfigured, setDbHandle } from '@/db/client';
import { engineFromEnv } from '@/lib/search/engine';
import type { SearchDocument } from '@/lib/search/source';
import { INDEX_SETTINGS } from '@/lib/search/settings';
import { searchSources } from '@/lib/search/sources';
import { reconcile } from '@/lib/search/sync';

function parseArgs(argv: string[]) {
  const out: { index: string | null; reconcile: boolean } = { index: null, reconcile: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--reconcile') out.reconcile = true;
    else if (a === '--index' || a.startsWith('--index=')) out.index = a.includes('=') ? a.split('=')[1]! : (argv[++i] ?? '');
    else {
      console.error(`Unknown argument: ${a} / 未知参数：${a}`);
      process.exit(2);
    }
  }
  if (out.index !== null && !searchSources.some((s) => s.index === out.index)) {
    console.error(`--index must be one of ${searchSources.map((s) => s.index).join(', ')} (got "${out.index}") / --index 取值有误`);
    process.exit(2);
  }
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const handle = await openConfigured();
  setDbHandle(handle);
  const index = engineFromEnv();
  const tty = !!process.stdout.isTTY;
  console.log(`search:reindex — engine ${index.engine}${index.engine === 'embedded' ? ' (in this process: the web process keeps its own index current)' : ''}`);
  const started = Date.now();
  for (const source of searchSources.filter((s) => !args.index || s.index === args.index)) {
    await index.ensureIndex(source.index, INDEX_SETTINGS[source.index]);
    if (args.reconcile) {
      const r = await reconcile(index, source);
      console.log(`${source.index}: added ${r.added}, updated ${r.updated}, removed ${r.removed}, unchanged ${r.unchanged}`);
      continue;
    }
    const t0 = Date.now();
    const docs: SearchDocument[] = [];
    const bar = tty ? new SingleBar({ format: `${source.index.padEnd(9)} |{bar}| {value} documents loaded · {phase}` }, Presets.shades_classic) : null;
    bar?.start(1, 0, { phase: 'loading' });
    for await (const page of source.loadAll()) {
      docs.push(...page);
      if (bar) {
        bar.setTotal(Math.max(docs.length, 1));
        bar.update(docs.length, { phase: 'loading' });
      } else console.log(`${source.index}: loaded ${docs.length} documents`);
    }
    bar?.update(docs.length, { phase: 'writing and swapping' });
    if (!bar) console.log(`${source.index}: writing ${docs.length} documents${index.engine === 'meilisearch' ? ' to a temporary index, then swapping' : ''}`);
    await index.replaceAll(source.index, docs);
    bar?.update(docs.length, { phase: 'done' });
    bar?.stop();
    console.log(`${source.index}: ${docs.length} documents indexed in ${Date.now() - t0} ms`);
  }
  const health = await index.health();
  console.log(`done in ${Date.now() - started} ms · engine ${health.engine} ${health.ok ? 'ok' : `DOWN: ${health.error ?? ''}`} · ${Object.entries(health.docCounts).map(([k, v]) => `${k}: ${v}`).join(', ')}`);
  await handle.close();
  if (!health.ok) process.exit(1);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
