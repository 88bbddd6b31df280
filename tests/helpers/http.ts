import { toHandler, type ApiRouteDef } from '@/lib/api/route';
import { runWithRequest } from '@/lib/http/context';
import type { ActionResult } from '@/lib/actions/result';

/** Calls a route definition exactly as Next would call its route.ts export, with a real Request. */
export async function callRoute(
  def: ApiRouteDef,
  opts: { params?: Record<string, string>; query?: Record<string, string>; body?: unknown; rawBody?: string; form?: FormData; headers?: Record<string, string> } = {},
): Promise<{ status: number; headers: Headers; json: unknown; text: string; bytes: Buffer }> {
  let path: string = def.path;
  for (const [k, v] of Object.entries(opts.params ?? {})) path = path.replace(`{${k}}`, encodeURIComponent(v));
  const url = new URL(`http://localhost:3000${path}`);
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
  const hasBody = opts.rawBody !== undefined || opts.body !== undefined;
  const req = opts.form
    ? new Request(url, { method: def.method, headers: { 'x-forwarded-for': '203.0.113.10', ...opts.headers }, body: opts.form })
    : new Request(url, {
        method: def.method,
        headers: { 'x-forwarded-for': '203.0.113.10', ...(hasBody ? { 'content-type': 'application/json' } : {}), ...opts.headers },
        body: opts.rawBody ?? (opts.body !== undefined ? JSON.stringify(opts.body) : undefined),
      });
  const res = await toHandler(def)(req, { params: Promise.resolve(opts.params ?? {}) });
  const bytes = Buffer.from(await res.arrayBuffer());
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, json, text, bytes };
}

/** Calls a server action the way a POST to the page would, with the given request headers. */
export function callAction<I, T>(action: (input: I) => Promise<ActionResult<T>>, input: I, headers: Record<string, string> = {}): Promise<ActionResult<T>> {
  return runWithRequest(new Headers({ 'x-forwarded-for': '203.0.113.10', ...headers }), () => action(input));
}
