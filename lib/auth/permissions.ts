/**
 * Roles, permissions and the one pure `can()` used by the data-access layer (to decide) and by the UI (to hide).
 * No Next or database imports: this file is the policy, and the permission-matrix test is generated from it.
 */
export const ROLES = ['talent', 'zone_staff', 'branch_secretary', 'org_admin', 'sysadmin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * How a permission is scoped:
 * - global: no resource condition beyond the role;
 * - own:    the resource belongs to the actor (ownerId);
 * - zone:   zone_staff act only inside their zone (zoneCode);
 * - org:    org_admin everywhere; branch_secretary reads their organisation and its children, writes only their own.
 */
export type ScopeKind = 'global' | 'own' | 'zone' | 'org';

interface PermissionDef {
  roles: readonly Role[];
  scope: ScopeKind;
  access: 'read' | 'write';
  /** Reads of personal data that must be audit-logged. */
  sensitive?: boolean;
}

const ALL = ROLES;

export const PERMISSIONS = {
  'account.read': { roles: ALL, scope: 'own', access: 'read' },
  'account.update': { roles: ALL, scope: 'own', access: 'write' },
  'sessions.read_own': { roles: ALL, scope: 'own', access: 'read' },
  'sessions.revoke_own': { roles: ALL, scope: 'own', access: 'write' },
  'users.read': { roles: ['sysadmin'], scope: 'global', access: 'read', sensitive: true },
  'users.create': { roles: ['sysadmin'], scope: 'global', access: 'write' },
  'users.update': { roles: ['sysadmin'], scope: 'global', access: 'write' },
  'sessions.read_any': { roles: ['sysadmin'], scope: 'global', access: 'read', sensitive: true },
  'sessions.revoke_any': { roles: ['sysadmin'], scope: 'global', access: 'write' },
  'audit.verify': { roles: ['sysadmin'], scope: 'global', access: 'read' },
  // Background jobs and domain events (issue 8): queue depths, dead letters, retry / discard.
  'jobs.read': { roles: ['sysadmin'], scope: 'global', access: 'read' },
  'jobs.manage': { roles: ['sysadmin'], scope: 'global', access: 'write' },
  'zones.read': { roles: ['zone_staff'], scope: 'zone', access: 'read' },
  'party_orgs.read': { roles: ['branch_secretary', 'org_admin'], scope: 'org', access: 'read' },
  // Party organisations, members and transfers (issue 9; domain-party.md §4.2). Members and transfers are S1/S2 data:
  // zone staff, sysadmins and talents other than the member never see them.
  'party_orgs.manage': { roles: ['org_admin'], scope: 'global', access: 'write' },
  'party_orgs.rotate_qr': { roles: ['branch_secretary', 'org_admin'], scope: 'org', access: 'write' },
  'party_members.read': { roles: ['branch_secretary', 'org_admin'], scope: 'org', access: 'read', sensitive: true },
  'party_members.register': { roles: ['branch_secretary', 'org_admin'], scope: 'org', access: 'read' },
  'party_members.reveal': { roles: ['branch_secretary', 'org_admin'], scope: 'org', access: 'read', sensitive: true },
  // 党籍 decisions (停止党籍, 恢复, 除名, …) are made outside the portal; secretaries of the member's subtree and the
  // 区委组织部 record them with their references (domain-party.md §5.2).
  'party_members.record_status': { roles: ['branch_secretary', 'org_admin'], scope: 'org', access: 'read', sensitive: true },
  'party_members.export': { roles: ['branch_secretary', 'org_admin'], scope: 'org', access: 'read', sensitive: true },
  'party_record.read_own': { roles: ['talent'], scope: 'own', access: 'read' },
  // 单独同意 for Party data (PIPL art. 29): a talent grants or withdraws it for their own record.
  'party_record.consent_own': { roles: ['talent'], scope: 'own', access: 'write' },
  // 流动党员 (issue 10; domain-party.md §4.2, §5.2). A record concerns the 流出地 and the 流入地 (orgPaths); the state
  // machine decides which end may take which step. Talents act on their own record (report, walk in, check in, pay
  // view, submit reports).
  'party_mobile.read': { roles: ['branch_secretary', 'org_admin'], scope: 'org', access: 'read', sensitive: true },
  'party_mobile.register': { roles: ['branch_secretary', 'org_admin'], scope: 'org', access: 'write' },
  'party_mobile.act': { roles: ['branch_secretary', 'org_admin'], scope: 'org', access: 'read' },
  'party_mobile.report_own': { roles: ['talent'], scope: 'own', access: 'write' },
  'party_activities.read': { roles: ['branch_secretary', 'org_admin'], scope: 'org', access: 'read', sensitive: true },
  'party_activities.manage': { roles: ['branch_secretary', 'org_admin'], scope: 'org', access: 'write' },
  'party_activities.attend_own': { roles: ['talent'], scope: 'own', access: 'write' },
  'party_dues.read': { roles: ['branch_secretary', 'org_admin'], scope: 'org', access: 'read', sensitive: true },
  'party_dues.record': { roles: ['branch_secretary', 'org_admin'], scope: 'org', access: 'read' },
  'party_reports.submit_own': { roles: ['talent'], scope: 'own', access: 'write' },
  'party_reports.review': { roles: ['branch_secretary', 'org_admin'], scope: 'org', access: 'write', sensitive: true },
  // The district view (区委组织部): aggregated statistics over every organisation (S3).
  'party_stats.read': { roles: ['branch_secretary', 'org_admin'], scope: 'org', access: 'read' },
  // The district-wide view itself (every organisation, by province and branch): the 区委组织部 only.
  'party_stats.district': { roles: ['org_admin'], scope: 'global', access: 'read' },
  'party_transfers.apply': { roles: ['talent'], scope: 'own', access: 'write' },
  'party_transfers.read': { roles: ['branch_secretary', 'org_admin'], scope: 'org', access: 'read', sensitive: true },
  'party_transfers.act': { roles: ['branch_secretary', 'org_admin', 'talent'], scope: 'org', access: 'read' },
  'profile.read_own': { roles: ['talent'], scope: 'own', access: 'read' },
  'profile.update_own': { roles: ['talent'], scope: 'own', access: 'write' },
  'talents.read': { roles: ['zone_staff'], scope: 'zone', access: 'read', sensitive: true },
  'talents.reveal': { roles: ['zone_staff'], scope: 'zone', access: 'read', sensitive: true },
  'talents.export': { roles: ['zone_staff'], scope: 'zone', access: 'read', sensitive: true },
  // Hand a talent of one's zone to another office (issue 14 §3: nobody without an office).
  'talents.assign_zone': { roles: ['zone_staff'], scope: 'zone', access: 'write' },
  'works.manage': { roles: ['talent'], scope: 'own', access: 'write' },
  'credits.respond': { roles: ['talent'], scope: 'own', access: 'write' },
  'evidence.submit': { roles: ['talent'], scope: 'own', access: 'write' },
  'evidence.read': { roles: ['zone_staff'], scope: 'zone', access: 'read', sensitive: true },
  'evidence.review': { roles: ['zone_staff'], scope: 'zone', access: 'write' },
  // Policy matching (issue 4). Published policies and the calculator are public (no permission).
  'policies.read_drafts': { roles: ['zone_staff'], scope: 'global', access: 'read' },
  'policies.manage': { roles: ['zone_staff'], scope: 'global', access: 'write' },
  'policies.match': { roles: ['zone_staff'], scope: 'zone', access: 'read', sensitive: true },
  'matches.read_own': { roles: ['talent'], scope: 'own', access: 'read' },
  'applications.submit': { roles: ['talent'], scope: 'own', access: 'write' },
  'applications.read_own': { roles: ['talent'], scope: 'own', access: 'read' },
  'applications.read': { roles: ['zone_staff'], scope: 'zone', access: 'read', sensitive: true },
  'applications.review': { roles: ['zone_staff'], scope: 'zone', access: 'write' },
  // Innovation-space bookings (issue 11): talents book for themselves; the staff of a space's zone manage its requests.
  'bookings.book': { roles: ['talent'], scope: 'own', access: 'write' },
  'bookings.read_own': { roles: ['talent'], scope: 'own', access: 'read' },
  'bookings.manage': { roles: ['zone_staff'], scope: 'zone', access: 'write' },
  // Mentors and 师带徒 (issue 12). Mentor profiles are public; staff record mentors without an account and answer
  // requests for them; a talent keeps their own mentor profile; talents request apprenticeships and answer as mentors.
  'mentors.manage': { roles: ['zone_staff'], scope: 'global', access: 'write' },
  'mentors.claim': { roles: ['talent'], scope: 'own', access: 'write' },
  'mentorships.use': { roles: ['talent'], scope: 'own', access: 'write' },
  'notifications.read_own': { roles: ALL, scope: 'own', access: 'read' },
  'notifications.update_own': { roles: ALL, scope: 'own', access: 'write' },
} as const satisfies Record<string, PermissionDef>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export interface Actor {
  id: string;
  role: Role;
  displayName: string;
  zoneCode: string | null;
  orgId: string | null;
  /** Materialised path of the actor's Party organisation ("/<id>/<id>/"), for subtree reads. */
  orgPath: string | null;
  sessionId: string;
}

export interface Resource {
  ownerId?: string | null;
  zoneCode?: string | null;
  orgPath?: string | null;
  /**
   * A resource that concerns several organisations (a transfer: from, to, current handler): the org scope allows the
   * actor when any of them is in reach. Which step each of them may take is the state machine's business.
   */
  orgPaths?: readonly (string | null | undefined)[];
}

export function permissionDef(permission: Permission): PermissionDef {
  return PERMISSIONS[permission];
}

/** Role-level check: may this role ever hold the permission? */
export function roleHas(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission].roles as readonly Role[]).includes(role);
}

/**
 * The decision. Without a resource it answers the role-level question (used for listing, where the query is
 * itself scoped, and to hide UI); with a resource it also checks ownership, zone or organisation.
 */
export function can(actor: Pick<Actor, 'id' | 'role' | 'zoneCode' | 'orgPath'> | null | undefined, permission: Permission, resource?: Resource): boolean {
  if (!actor) return false;
  const def: PermissionDef = PERMISSIONS[permission];
  if (!(def.roles as readonly Role[]).includes(actor.role)) return false;
  if (!resource) return true;
  switch (def.scope) {
    case 'global':
      return true;
    case 'own':
      return resource.ownerId != null && resource.ownerId === actor.id;
    case 'zone':
      return actor.role !== 'zone_staff' || (actor.zoneCode != null && resource.zoneCode === actor.zoneCode);
    case 'org': {
      if (actor.role === 'org_admin') return true;
      if (actor.role !== 'branch_secretary' || !actor.orgPath) return false;
      const mine = actor.orgPath;
      const paths = [resource.orgPath, ...(resource.orgPaths ?? [])].filter((p): p is string => !!p);
      return paths.some((p) => (def.access === 'read' ? p.startsWith(mine) : p === mine));
    }
  }
}

/** Which home the navigation offers each role. */
export const ROLE_HOME: Record<Role, string> = {
  talent: '/dashboard',
  zone_staff: '/dashboard',
  branch_secretary: '/dashboard',
  org_admin: '/dashboard',
  sysadmin: '/admin/users',
};

/** Session limits per role (security.md §2.3, 等保: 30 min idle, 15 for administrators; 12 h absolute). */
export function idleTimeoutMs(role: Role): number {
  return role === 'sysadmin' ? 15 * 60_000 : 30 * 60_000;
}
export const ABSOLUTE_SESSION_MS = 12 * 60 * 60_000;
export const MAX_SESSIONS: Record<Role, number> = {
  talent: 5,
  zone_staff: 3,
  branch_secretary: 3,
  org_admin: 3,
  sysadmin: 2,
};
