import { AsyncLocalStorage } from 'node:async_hooks';

/**
 * The request a piece of server code runs for. Route handlers run their work inside `runWithRequest`, and tests do
 * the same to call server actions directly; inside Next's own action/page rendering we fall back to next/headers.
 */
const storage = ((globalThis as { __jpReqCtx?: AsyncLocalStorage<Headers> }).__jpReqCtx ??= new AsyncLocalStorage<Headers>());

export function runWithRequest<T>(headers: Headers, fn: () => T): T {
  return storage.run(headers, fn);
}

export async function requestHeaders(): Promise<Headers> {
  const fromStore = storage.getStore();
  if (fromStore) return fromStore;
  const { headers } = await import('next/headers');
  return new Headers(await headers());
}

export function parseCookies(header: string | null): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    const value = part.slice(eq + 1).trim();
    try {
      out.set(name, decodeURIComponent(value));
    } catch {
      out.set(name, value);
    }
  }
  return out;
}
