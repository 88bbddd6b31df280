import 'server-only';

/**
 * The cached public pages (ADR 019): the landing page, the policy catalogue, each policy page, the showcase directory
 * and each showcase, rendered once per locale under app/(cached)/cached/[locale] and served to anonymous visitors
 * until something they show changes.
 * What changes them is named here by domain event type — the domains only record their events, as they already do
 * for every other consumer; the action factory and the API wrapper pass the types a request recorded to
 * `renewPublicPages` once it has succeeded.
 */
const POLICY_EVENTS = ['policy.version_published', 'policy.version_retired', 'policy.meta_updated'];
/**
 * What a showcase shows: the profile (name, crafts, bio, the showcase switch, the profile consent), the works, their
 * images and credits, reviewed evidence, and whether an administrator disabled the account. The privacy-relevant ones
 * (consent withdrawn, showcase switched off, account disabled) must hide the page at once.
 */
const SHOWCASE_EVENTS = ['talent.profile_changed', 'portfolio.changed', 'account.status_changed'];

/** The layout every cached public page sits under: renewing it renews them all (both locales, every policy). */
export const CACHED_ROOT = '/(cached)/cached/[locale]';

type Renewal = { path: string; type: 'layout' | 'page' };
const EVERYTHING: Renewal[] = [{ path: CACHED_ROOT, type: 'layout' }];
const SHOWCASES: Renewal[] = [
  { path: `${CACHED_ROOT}/showcases`, type: 'page' },
  { path: `${CACHED_ROOT}/showcases/[slug]`, type: 'page' },
];

/** Event type → the cached routes it makes stale (route patterns as revalidatePath takes them). */
export const RENEWALS: ReadonlyMap<string, readonly Renewal[]> = new Map<string, readonly Renewal[]>([
  ...POLICY_EVENTS.map((e): [string, Renewal[]] => [e, EVERYTHING]),
  ...SHOWCASE_EVENTS.map((e): [string, Renewal[]] => [e, SHOWCASES]),
]);

export const PUBLIC_PAGE_EVENTS: ReadonlySet<string> = new Set(RENEWALS.keys());

/** The cached routes `types` make stale, each once. */
export function renewalsFor(types: Iterable<string>): Renewal[] {
  const out = new Map<string, Renewal>();
  for (const t of types) for (const r of RENEWALS.get(t) ?? []) out.set(`${r.type}:${r.path}`, r);
  return [...out.values()];
}

/** Whether any of `types` changes what the cached public pages show. */
export function touchesPublicPages(types: Iterable<string>): boolean {
  return renewalsFor(types).length > 0;
}

/**
 * Marks every cached public page stale when `types` touch them, so the next visitor gets a fresh render (expire 0:
 * nobody is served the old copy). Outside a Next request (tests, scripts, the job worker) there is nothing to renew
 * here; those pages fall back to their revalidate window (5 minutes for policies, 1 minute for showcases).
 */
export async function renewPublicPages(types: Iterable<string>): Promise<boolean> {
  const renewals = renewalsFor(types);
  if (!renewals.length) return false;
  try {
    const { revalidatePath } = await import('next/cache');
    for (const r of renewals) revalidatePath(r.path, r.type);
    return true;
  } catch {
    return false;
  }
}
