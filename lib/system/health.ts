import 'server-only';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDbHandle } from '@/db/client';
import { searchHealth } from '@/lib/search/health';
import pkg from '@/package.json';

export const APP_VERSION: string = pkg.version;

export const healthDto = z.object({
  status: z.enum(['ok', 'degraded', 'down']),
  db: z.object({ status: z.enum(['ok', 'down']), driver: z.enum(['pglite', 'postgres']).nullable(), latencyMs: z.number().nullable() }),
  search: z.object({ status: z.enum(['ok', 'down', 'embedded']), engine: z.enum(['meilisearch', 'embedded']) }),
  version: z.string(),
});
export type HealthDto = z.infer<typeof healthDto>;

export async function checkHealth(): Promise<HealthDto> {
  let db: HealthDto['db'] = { status: 'down', driver: null, latencyMs: null };
  try {
    const handle = await getDbHandle();
    const t0 = performance.now();
    await handle.db.execute(sql`select 1`);
    db = { status: 'ok', driver: handle.driver, latencyMs: Math.round((performance.now() - t0) * 10) / 10 };
  } catch {
    /* reported as down */
  }
  const search = await searchHealth();
  const status = db.status === 'down' ? 'down' : search.status === 'down' ? 'degraded' : 'ok';
  return { status, db, search, version: APP_VERSION };
}
