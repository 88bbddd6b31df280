import type { DbOrTx } from './client';

/**
 * Queries on every request's path (the session lookup, the account) built once per database handle instead of on
 * each call: Drizzle's query building was ~14 % of the CPU of GET /api/v1/me (bench api, issue 13 §4). `build`
 * returns a `.prepare(name)`d query with `sql.placeholder`s; it is kept per handle (a transaction gets its own, and
 * lets it go with the transaction).
 */
const byHandle = new WeakMap<object, Map<string, unknown>>();

export function preparedOnce<T>(db: DbOrTx, name: string, build: (db: DbOrTx) => T): T {
  let queries = byHandle.get(db);
  if (!queries) byHandle.set(db, (queries = new Map()));
  let q = queries.get(name) as T | undefined;
  if (q === undefined) queries.set(name, (q = build(db)));
  return q;
}
