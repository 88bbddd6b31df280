import 'server-only';
import { z } from 'zod';
import { accessAllows, type Access } from '@/lib/access';
import { auditCrossOrigin, auditDenial } from '@/lib/auth/authorize';
import { renewPublicPages } from '@/lib/cache/public-pages';
import { collectEventTypes } from '@/lib/events';
import { sessionTokenFrom } from '@/lib/auth/current';
import type { Actor } from '@/lib/auth/permissions';
import { resolveSession } from '@/lib/auth/sessions';
import { getDb } from '@/db/client';
import { clientIp } from '@/lib/http/client-ip';
import { runWithRequest } from '@/lib/http/context';
import { AppError } from '@/lib/http/errors';
import { crossSiteReason } from '@/lib/http/origin';
import { problemFromError, problemResponse } from '@/lib/http/problem';
import type { Locale } from '@/lib/i18n';
import { localeFromHeaders } from '@/lib/i18n/server';
import { logError } from '@/lib/log';
import { fieldErrorsFromZod, safeParseLocalised } from '@/lib/validation';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RouteContext<P, Q, B> {
  req: Request;
  actor: Actor | null;
  /** Bearer token or cookie session secret of this request, when there is one. */
  sessionToken: string | null;
  params: P;
  query: Q;
  body: B;
  locale: Locale;
  ip: string;
}

export interface ApiRouteDef<P extends z.ZodType = z.ZodType, Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType, R extends z.ZodType = z.ZodType> {
  /** Stable identifier, also the OpenAPI operationId. */
  id: string;
  method: HttpMethod;
  /** OpenAPI-style path, e.g. /api/v1/admin/users/{id}. */
  path: `/api/v1/${string}`;
  summary: string;
  tags: string[];
  access: Access;
  params?: P;
  query?: Q;
  body?: B;
  response?: R;
  /** A success body that is not JSON (the handler returns a Response), e.g. 'text/csv': documented as that media type. */
  produces?: string;
  /** Success status (default 200). */
  status?: number;
  /** Maximum JSON body in bytes (default 64 KiB). */
  maxBodyBytes?: number;
  /**
   * multipart/form-data upload: the handler reads the (size-limited) form itself; `body` then documents the
   * non-file fields for OpenAPI and is applied by the handler.
   */
  multipart?: { fileField: string };
  /** Hidden from OpenAPI unless this returns true (the test clock). */
  enabled?: () => boolean;
  handler: (ctx: RouteContext<z.output<P>, z.output<Q>, z.output<B>>) => Promise<z.input<R> | Response>;
}

export function defineRoute<P extends z.ZodType = z.ZodUndefined, Q extends z.ZodType = z.ZodUndefined, B extends z.ZodType = z.ZodUndefined, R extends z.ZodType = z.ZodType>(
  def: ApiRouteDef<P, Q, B, R>,
): ApiRouteDef<P, Q, B, R> {
  return def;
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** JSON nested deeper than this is refused before validation walks it (a 10,000-deep body). */
const MAX_JSON_DEPTH = 64;

/** Nesting depth of a JSON text, counted without recursion (strings skipped); stops early past the limit. */
function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

async function readJsonBody(req: Request, limit: number): Promise<unknown> {
  const type = req.headers.get('content-type') ?? '';
  const declared = Number(req.headers.get('content-length') ?? '0');
  if (declared > limit) throw new AppError('PAYLOAD_TOO_LARGE');
  if (!req.body) return undefined;
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new AppError('PAYLOAD_TOO_LARGE');
    }
    chunks.push(value);
  }
  if (size === 0) return undefined;
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const text = new TextDecoder('utf-8', { fatal: false }).decode(Buffer.concat(chunks));
  if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) throw new AppError('MALFORMED_JSON');
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError('MALFORMED_JSON');
  }
}

function parseOrThrow<S extends z.ZodType>(schema: S | undefined, value: unknown, locale: Locale, prefix: string): z.output<S> {
  if (!schema) return undefined as z.output<S>;
  const parsed = safeParseLocalised(schema, value, locale);
  if (!parsed.success) {
    const errors = fieldErrorsFromZod(parsed.error, locale);
    const prefixed = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === '_' ? prefix : `${prefix}.${k}`, v]));
    throw new AppError('VALIDATION_FAILED', { fieldErrors: prefix === 'body' ? errors : prefixed });
  }
  return parsed.data;
}

/** Turns a route definition into a Next.js route handler. */
export function toHandler(def: ApiRouteDef) {
  return async (req: Request, ctx?: { params?: Promise<Record<string, string | string[]>> }): Promise<Response> => {
    const locale = localeFromHeaders(req.headers);
    return runWithRequest(req.headers, async () => {
      try {
        if (def.enabled && !def.enabled()) return problemResponse('NOT_FOUND', locale);
        const ip = clientIp(req.headers);
        // Route handlers get no automatic Origin check from Next: refuse cross-site browser requests ourselves.
        const crossSite = MUTATING.has(def.method) ? crossSiteReason(req.headers) : null;
        if (crossSite) {
          await auditCrossOrigin(crossSite, { ip, via: `api:${def.id}`, method: def.method });
          throw new AppError('CROSS_ORIGIN');
        }
        const sessionToken = await sessionTokenFrom(req.headers);
        let actor: Actor | null = null;
        if (sessionToken) {
          const resolved = await resolveSession(await getDb(), sessionToken);
          actor = 'actor' in resolved ? resolved.actor : null;
        }
        if (!accessAllows(def.access, actor)) {
          await auditDenial(actor, def.access === 'public' ? 'authenticated' : def.access, { ip, via: `api:${def.id}` });
          throw new AppError(actor ? 'FORBIDDEN' : 'UNAUTHENTICATED');
        }
        const rawParams = (await ctx?.params) ?? {};
        const params = parseOrThrow(def.params, rawParams, locale, 'params');
        const url = new URL(req.url);
        const query = parseOrThrow(def.query, Object.fromEntries(url.searchParams), locale, 'query');
        let body: unknown;
        if (MUTATING.has(def.method) && def.multipart) {
          if (!/^multipart\/form-data;/i.test(req.headers.get('content-type') ?? '')) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
        } else if (MUTATING.has(def.method)) {
          const raw = await readJsonBody(req, def.maxBodyBytes ?? 64 * 1024);
          body = parseOrThrow(def.body, raw ?? (def.body ? {} : undefined), locale, 'body');
        }
        const { result, types } = await collectEventTypes(() => def.handler({ req, actor, sessionToken, params, query, body, locale, ip } as RouteContext<unknown, unknown, unknown>));
        await renewPublicPages(types);
        if (result instanceof Response) return result;
        const status = def.status ?? 200;
        if (status === 204) return new Response(null, { status, headers: { 'cache-control': 'private, no-store' } });
        return new Response(JSON.stringify(result), {
          status,
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'cache-control': 'private, no-store',
            'content-language': locale,
          },
        });
      } catch (err) {
        if (err instanceof AppError) return problemFromError(err, locale);
        logError(`api:${def.id}`, err);
        return problemResponse('INTERNAL', locale);
      }
    });
  };
}

