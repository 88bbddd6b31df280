import { docFingerprint, type SearchIndex } from './port';
import { INDEX_SETTINGS } from './settings';
import type { SearchDocument, SearchSource } from './source';

/**
 * Keeping an index equal to the database (issue 12 §3). PostgreSQL is the source of truth and search a projection:
 * every operation here re-reads documents through the domain's source, so applying the same change twice, late or
 * out of order gives the same index (idempotent re-load by id).
 */

export interface ApplyReport {
  upserted: number;
  removed: number;
}

/** Re-loads these ids and writes what is public, removes what is gone or no longer public. */
export async function applyIds(index: SearchIndex, source: SearchSource, ids: readonly string[]): Promise<ApplyReport> {
  const unique = [...new Set(ids)];
  if (!unique.length) return { upserted: 0, removed: 0 };
  const loaded = await source.load(unique);
  const docs: SearchDocument[] = [];
  const gone: string[] = [];
  for (const id of unique) {
    const d = loaded.get(id) ?? null;
    if (d) docs.push(d);
    else gone.push(id);
  }
  await index.upsert(source.index, docs);
  await index.remove(source.index, gone);
  return { upserted: docs.length, removed: gone.length };
}

/** The ids of an event, by the source's rule (default: the aggregate id). */
export function idsOfEvent(source: SearchSource, event: { aggregateId: string; payload: unknown }): string[] {
  return source.idsOf ? source.idsOf(event) : [event.aggregateId];
}

export type Progress = (done: number, total: number | null) => void;

/** Full rebuild: every public document, swapped in at once. Returns the document count. */
export async function rebuild(index: SearchIndex, source: SearchSource, onProgress?: Progress): Promise<number> {
  await index.ensureIndex(source.index, INDEX_SETTINGS[source.index]);
  const all: SearchDocument[] = [];
  for await (const page of source.loadAll()) {
    all.push(...page);
    onProgress?.(all.length, null);
  }
  await index.replaceAll(source.index, all);
  onProgress?.(all.length, all.length);
  return all.length;
}

export interface ReconcileReport {
  index: string;
  added: number;
  updated: number;
  removed: number;
  unchanged: number;
}

/**
 * Compares the index with the database and repairs the difference (missing, stale and deleted documents), without a
 * rebuild. What it reports is the drift it found.
 */
export async function reconcile(index: SearchIndex, source: SearchSource): Promise<ReconcileReport> {
  await index.ensureIndex(source.index, INDEX_SETTINGS[source.index]);
  const indexed = new Map<string, string>();
  for await (const page of index.documents(source.index)) for (const d of page) indexed.set(String(d.id), docFingerprint(d));
  const report: ReconcileReport = { index: source.index, added: 0, updated: 0, removed: 0, unchanged: 0 };
  const seen = new Set<string>();
  for await (const page of source.loadAll()) {
    const changed: SearchDocument[] = [];
    for (const d of page) {
      const id = String(d.id);
      seen.add(id);
      const have = indexed.get(id);
      if (have === undefined) {
        report.added++;
        changed.push(d);
      } else if (have !== docFingerprint(d)) {
        report.updated++;
        changed.push(d);
      } else report.unchanged++;
    }
    await index.upsert(source.index, changed);
  }
  const extra = [...indexed.keys()].filter((id) => !seen.has(id));
  report.removed = extra.length;
  await index.remove(source.index, extra);
  return report;
}
