import { can, type Actor, type Permission } from '@/lib/auth/permissions';
import { DOMAINS } from '@/lib/domains';
import type { MessageKey } from '@/lib/i18n';

export interface NavItem {
  href: string;
  label: MessageKey;
  /** Shown when the actor holds this permission (the page itself still authorizes). */
  permission?: Permission;
  /** Position in the header across all domains (lower first). */
  order: number;
}

/** Every domain's entries (lib/<domain>/manifest.ts), in header order. */
const ITEMS: readonly NavItem[] = DOMAINS.flatMap((d): readonly NavItem[] => ('nav' in d ? d.nav : [])).sort((a, b) => a.order - b.order);

/** Role-aware navigation: the same `can()` the data-access layer uses decides what is shown. */
export function navFor(actor: Pick<Actor, 'id' | 'role' | 'zoneCode' | 'orgPath'> | null): NavItem[] {
  if (!actor) return [];
  return ITEMS.filter((i) => !i.permission || can(actor, i.permission));
}

/**
 * The signed-in part of the site for proxy.ts: the first path segment of every navigation entry and every
 * `appPaths` entry of the manifests (/staff/talents → /staff). A page under one of these needs a session.
 */
export const APP_PATH_PREFIXES: readonly string[] = [
  ...new Set(DOMAINS.flatMap((d): readonly string[] => [...('nav' in d ? d.nav.map((i) => i.href) : []), ...('appPaths' in d ? d.appPaths : [])]).map((href) => `/${href.split('/')[1]}`)),
].sort();
