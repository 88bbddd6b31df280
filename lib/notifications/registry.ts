import type { z } from 'zod';
import type { Locale } from '@/lib/i18n/config';

/**
 * How a domain declares the in-app notifications it sends (ADR 010). Each domain keeps its kinds in
 * `lib/<domain>/notifications.ts` — name, zh/en label, payload schema, link and optional detail lines — and lists
 * them in its manifest (`lib/<domain>/manifest.ts`); lib/notifications/kinds.ts collects every manifest's kinds.
 * The notifications domain itself knows no other domain: `notify()` accepts only collected kinds, and the page and
 * bell render through `presentNotification()`. Pure (no I/O): the same definitions serve server and browser.
 */

export interface Bilingual {
  zh: string;
  en: string;
}

export interface NotificationKindDef<S extends z.ZodType<Record<string, unknown>> = z.ZodType<Record<string, unknown>>> {
  /** The headline, e.g. 你有一项新政策可以申请 / A new policy is open to you. */
  label: Bilingual;
  /** The stored payload; `notify()` validates against it (extra keys are kept: use a loose object). */
  payload: S;
  /** Where "Open" leads: an app path (starting with a single '/'), built from the stored payload. */
  href(payload: z.output<S>): string;
  /** A second line (e.g. the policy title and amount), or null. */
  detail?(payload: z.output<S>, locale: Locale): string | null;
  /** A highlighted line (e.g. a rejection reason), or null. */
  alert?(payload: z.output<S>, locale: Locale): string | null;
}

export type NotificationKinds = Record<string, NotificationKindDef>;

/** Kind names look like "domain.something" (lowercase, digits, underscores). */
export const KIND_NAME = /^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/;

/**
 * Declares a domain's kinds. Checks the names at load time and keeps each kind's payload type, so `notify()` is
 * typed per kind. Use `kind()` for each entry to keep its payload type for `href` / `detail` / `alert`.
 */
export function defineNotificationKinds<const K extends Record<string, NotificationKindDef<z.ZodType<Record<string, unknown>>>>>(kinds: K): K {
  for (const [name, def] of Object.entries(kinds)) {
    if (!KIND_NAME.test(name)) throw new Error(`notification kind must look like "domain.something", got "${name}"`);
    if (!def.label.zh.trim() || !def.label.en.trim()) throw new Error(`notification kind ${name} needs a zh and an en label`);
  }
  return kinds;
}

/** One kind, with its payload type inferred from the schema (for `defineNotificationKinds`). */
export function kind<S extends z.ZodType<Record<string, unknown>>>(def: NotificationKindDef<S>): NotificationKindDef<S> {
  return def;
}

/** Merges the kinds of several domains; a name registered twice is a programming error. */
export function mergeNotificationKinds(sources: readonly (NotificationKinds | undefined)[]): NotificationKinds {
  const all: NotificationKinds = {};
  for (const kinds of sources) {
    for (const [name, def] of Object.entries(kinds ?? {})) {
      if (Object.hasOwn(all, name)) throw new Error(`notification kind ${name} is registered twice`);
      all[name] = def;
    }
  }
  return all;
}

/** What the list shows for one stored notification (strings only: safe to hand to a client component). */
export interface NotificationView {
  id: string;
  kind: string;
  read: boolean;
  createdAt: string;
  label: string;
  href: string;
  detail: string | null;
  alert: string | null;
}

const UNKNOWN_LABEL: Bilingual = { zh: '系统消息', en: 'Notification' };
const pick = (b: Bilingual, locale: Locale) => (locale === 'en' ? b.en : b.zh);
/** A link is an app path; anything else (another origin, `//host`, `javascript:`) falls back to the list. */
const safeHref = (href: string) => (/^\/(?![/\\])/.test(href) ? href : '/notifications');

/**
 * Renders a stored notification through its kind. A kind no longer registered, or a payload its kind does not
 * accept (rows written before a schema change), still shows: a generic label, the list as link, no details.
 */
export function presentNotification(
  kinds: NotificationKinds,
  n: { id: string; kind: string; payload: Record<string, unknown>; read: boolean; createdAt: string },
  locale: Locale,
): NotificationView {
  const base = { id: n.id, kind: n.kind, read: n.read, createdAt: n.createdAt };
  const def = Object.hasOwn(kinds, n.kind) ? kinds[n.kind] : undefined;
  const parsed = def?.payload.safeParse(n.payload);
  if (!def || !parsed?.success) return { ...base, label: pick(def?.label ?? UNKNOWN_LABEL, locale), href: '/notifications', detail: null, alert: null };
  const payload = parsed.data;
  return {
    ...base,
    label: pick(def.label, locale),
    href: safeHref(def.href(payload)),
    detail: def.detail?.(payload, locale) ?? null,
    alert: def.alert?.(payload, locale) ?? null,
  };
}
