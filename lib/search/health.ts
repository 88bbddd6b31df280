import 'server-only';
import { searchIndex, searchState, type SearchState } from './engine';

/**
 * Search engine status for /api/v1/health (issue 12 §2): which engine (MEILI_HOST set → Meilisearch, otherwise the
 * embedded engine in this process), whether it answers, this process's index state (cold until first use or the start
 * warm-up, building, ready, failed), document counts per index and the last reconciliation's drift.
 */
export interface SearchHealth {
  status: 'ok' | 'down' | 'embedded';
  engine: 'meilisearch' | 'embedded';
  state: SearchState;
  docCounts: Record<string, number>;
  lastBuildMs: number | null;
  lastReconcile: { at: string; reports: { index: string; added: number; updated: number; removed: number; unchanged: number }[] } | null;
}

export async function searchHealth(): Promise<SearchHealth> {
  const index = searchIndex();
  const s = searchState();
  const h = await Promise.race([index.health(), new Promise<null>((resolve) => setTimeout(() => resolve(null), 2000).unref?.())]);
  const ok = !!h && h.ok && s.state !== 'failed';
  return {
    status: index.engine === 'embedded' ? (ok ? 'embedded' : 'down') : ok ? 'ok' : 'down',
    engine: index.engine,
    state: s.state,
    docCounts: Object.fromEntries(Object.entries(h?.docCounts ?? {}).map(([k, v]) => [k, v ?? 0])),
    lastBuildMs: s.lastBuildMs,
    lastReconcile: s.lastReconcile,
  };
}
