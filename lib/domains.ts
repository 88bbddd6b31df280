import { accountManifest } from '@/lib/account/manifest';
import { adminManifest } from '@/lib/admin/manifest';
import { bookingsManifest } from '@/lib/bookings/manifest';
import { jobsManifest } from '@/lib/jobs/manifest';
import type { Capability } from '@/lib/capabilities';
import type { NavItem } from '@/lib/navigation';
import { mentorsManifest } from '@/lib/mentors/manifest';
import { notificationsManifest } from '@/lib/notifications/manifest';
import type { NotificationKinds } from '@/lib/notifications/registry';
import { partyManifest } from '@/lib/party/manifest';
import { policiesManifest } from '@/lib/policies/manifest';
import { portfolioManifest } from '@/lib/portfolio/manifest';
import { talentManifest } from '@/lib/talent/manifest';

/**
 * What each domain contributes to the shared surfaces (ADR 010), declared beside the domain in
 * `lib/<domain>/manifest.ts` and listed here once: header navigation (lib/navigation.ts), the app paths the proxy
 * guards (proxy.ts, derived from navigation and `appPaths`), and in-app notification kinds
 * (lib/notifications/kinds.ts). Manifests are plain data and pure functions — no I/O, no server-only — because the
 * proxy and client components read them too.
 */
export interface DomainManifest {
  /** The lib/<name> folder. */
  name: string;
  /** Header navigation entries; shown when the actor holds `permission`, ordered by `order` across all domains. */
  nav?: readonly NavItem[];
  /** Signed-in pages outside the navigation (e.g. /apply/<code>): without a session cookie the proxy sends them to /login. */
  appPaths?: readonly string[];
  /** The notification kinds this domain sends (lib/<domain>/notifications.ts). */
  notifications?: NotificationKinds;
  /** What this domain makes live on the landing page (lib/capabilities.ts). */
  capabilities?: readonly Capability[];
}

export const DOMAINS = [accountManifest, adminManifest, jobsManifest, talentManifest, portfolioManifest, policiesManifest, bookingsManifest, partyManifest, notificationsManifest, mentorsManifest] as const satisfies readonly DomainManifest[];

/** The capabilities some domain declares: live on the landing page. */
export const LIVE_CAPABILITIES: ReadonlySet<Capability> = new Set((DOMAINS as readonly DomainManifest[]).flatMap((d) => d.capabilities ?? []));
