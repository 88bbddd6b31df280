import { createHash } from 'node:crypto';
import { canonicalJson } from '@/lib/audit/chain';

/** A short digest of `value`'s canonical JSON (22 base64url characters of SHA-256), prefixed. */
export function contentDigest(prefix: string, value: unknown): string {
  return `${prefix}${createHash('sha256').update(canonicalJson(value)).digest('base64url').slice(0, 22)}`;
}

/** Policy fields no status or amount depends on (shown, searched, cited). */
export const DISPLAY_ONLY_FIELDS: ReadonlySet<string> = new Set(['title_zh', 'title_en', 'summary_zh', 'summary_en', 'tags', 'sources']);

/** A policy (or its metadata) without the display-only fields. */
export function withoutDisplayFields<T extends object>(p: T): Partial<T> {
  return Object.fromEntries(Object.entries(p).filter(([k]) => !DISPLAY_ONLY_FIELDS.has(k))) as Partial<T>;
}
