import type { DbOrTx } from './client';

/**
 * Queries on every request's path (the session lookup, the account) built once per database handle instead of on
 * each call: Drizzle's query building was ~14 % of the CPU of GET /api/v1/me (bench api, issue 13 §4). `build` returns
 * the query with `sql.placeholder`s; it is prepared under `name` (a named statement on PostgreSQL) and kept per handle
 * (a transaction gets its own, and lets it go with the transaction).
 */
const byHandle = new WeakMap<object, Map<string, unknown>>();

export function preparedOnce<Q extends { prepare(name: string): unknown }>(db: DbOrTx, name: string, build: (db: DbOrTx) => Q): ReturnType<Q['prepare']> {
  let queries = byHandle.get(db);
  if (!queries) byHandle.set(db, (queries = new Map()));
  let q = queries.get(name) as ReturnType<Q['prepare']> | undefined;
  if (q === undefined) queries.set(name, (q = build(db).prepare(name) as ReturnType<Q['prepare']>));
  return q;
}
