import 'server-only';

/**
 * The cached public pages (ADR 019): the landing page, the policy catalogue and each policy page, rendered once per
 * locale under app/(cached)/cached/[locale] and served to anonymous visitors until something they show changes.
 * What changes them is named here by domain event type — the domains only record their events, as they already do
 * for every other consumer; the action factory and the API wrapper pass the types a request recorded to
 * `renewPublicPages` once it has succeeded.
 */
export const PUBLIC_PAGE_EVENTS: ReadonlySet<string> = new Set(['policy.version_published', 'policy.version_retired', 'policy.meta_updated']);

/** The layout every cached public page sits under: renewing it renews them all (both locales, every policy). */
export const CACHED_ROOT = '/(cached)/cached/[locale]';

/** Whether any of `types` changes what the cached public pages show. */
export function touchesPublicPages(types: Iterable<string>): boolean {
  for (const t of types) if (PUBLIC_PAGE_EVENTS.has(t)) return true;
  return false;
}

/**
 * Marks every cached public page stale when `types` touch them, so the next visitor gets a fresh render (expire 0:
 * nobody is served the old copy). Outside a Next request (tests, scripts, the job worker) there is nothing to renew
 * here; those pages fall back to their revalidate window (5 minutes).
 */
export async function renewPublicPages(types: Iterable<string>): Promise<boolean> {
  if (!touchesPublicPages(types)) return false;
  try {
    const { revalidatePath } = await import('next/cache');
    revalidatePath(CACHED_ROOT, 'layout');
    return true;
  } catch {
    return false;
  }
}
