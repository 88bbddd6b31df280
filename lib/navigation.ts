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
  /**
   * A group of NAV_GROUPS: on desktop the group is one disclosure ("党务工作 ▾") at the position of its first entry,
   * in the phone menu a labelled section. Entries without a group stand on their own.
   */
  group?: NavGroup;
}

/** Header groups, so a role with many entries (the Party organisers) still fits on one line. */
export const NAV_GROUPS = {
  party: { label: 'nav.groupParty' },
  talent: { label: 'nav.groupTalent' },
  policy: { label: 'zoneDashboard.navGroup' },
} as const satisfies Record<string, { label: MessageKey }>;
export type NavGroup = keyof typeof NAV_GROUPS;

/** One header slot: an entry, or a group of entries (in order, placed where its first entry would be). */
export type NavSlot = { kind: 'item'; item: NavItem } | { kind: 'group'; group: NavGroup; label: MessageKey; items: NavItem[] };

/** Every domain's entries (lib/<domain>/manifest.ts), in header order. */
const ITEMS: readonly NavItem[] = DOMAINS.flatMap((d): readonly NavItem[] => ('nav' in d ? d.nav : [])).sort((a, b) => a.order - b.order);

/** Role-aware navigation: the same `can()` the data-access layer uses decides what is shown. */
export function navFor(actor: Pick<Actor, 'id' | 'role' | 'zoneCode' | 'orgPath'> | null): NavItem[] {
  if (!actor) return [];
  return ITEMS.filter((i) => !i.permission || can(actor, i.permission));
}

/** The header slots for these entries (as returned by navFor): groups gather their entries at the first one's place. */
export function navSlots(items: readonly NavItem[]): NavSlot[] {
  const slots: NavSlot[] = [];
  const groups = new Map<NavGroup, Extract<NavSlot, { kind: 'group' }>>();
  for (const item of items) {
    if (!item.group) {
      slots.push({ kind: 'item', item });
      continue;
    }
    let g = groups.get(item.group);
    if (!g) {
      g = { kind: 'group', group: item.group, label: NAV_GROUPS[item.group].label, items: [] };
      groups.set(item.group, g);
      slots.push(g);
    }
    g.items.push(item);
  }
  // A group of one is just that entry.
  return slots.map((s) => (s.kind === 'group' && s.items.length === 1 ? { kind: 'item', item: s.items[0]! } : s));
}

/**
 * The signed-in part of the site for proxy.ts: the first path segment of every navigation entry and every
 * `appPaths` entry of the manifests (/staff/talents → /staff). A page under one of these needs a session.
 */
export const APP_PATH_PREFIXES: readonly string[] = [
  ...new Set(DOMAINS.flatMap((d): readonly string[] => [...('nav' in d ? d.nav.map((i) => i.href) : []), ...('appPaths' in d ? d.appPaths : [])]).map((href) => `/${href.split('/')[1]}`)),
].sort();
