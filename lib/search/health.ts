import { Meilisearch } from 'meilisearch';

/**
 * Search engine status. With MEILI_HOST set the portal uses Meilisearch and reports its health; without it the
 * embedded engine (added with the search issue) serves queries in-process.
 */
export async function searchHealth(): Promise<{ status: 'ok' | 'down' | 'embedded'; engine: 'meilisearch' | 'embedded' }> {
  const host = process.env.MEILI_HOST;
  if (!host) return { status: 'embedded', engine: 'embedded' };
  try {
    const client = new Meilisearch({ host, apiKey: process.env.MEILI_API_KEY, timeout: 2000 });
    await client.health();
    return { status: 'ok', engine: 'meilisearch' };
  } catch {
    return { status: 'down', engine: 'meilisearch' };
  }
}
