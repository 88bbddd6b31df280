import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, PERMISSION_NAMES, ROLES, roleHas, type Actor, type Role } from './permissions';

const ORG_ROOT = '/root/';
const ORG_BRANCH = '/root/lx/jp/';
const ORG_SIBLING = '/root/lx/txc/';
const ORG_CHILD = '/root/lx/jp/group1/';

function actor(role: Role, extra: Partial<Actor> = {}): Actor {
  return {
    id: `u-${role}`,
    role,
    displayName: role,
    zoneCode: role === 'zone_staff' ? 'jkq' : null,
    orgId: role === 'branch_secretary' ? 'jp' : null,
    orgPath: role === 'branch_secretary' ? ORG_BRANCH : null,
    sessionId: 's',
    ...extra,
  };
}

describe('can()', () => {
  it('denies anonymous callers everything', () => {
    for (const p of PERMISSION_NAMES) expect(can(null, p)).toBe(false);
  });

  it('answers the role-level question without a resource, exactly as the table says', () => {
    for (const role of ROLES) {
      for (const p of PERMISSION_NAMES) {
        expect(can(actor(role), p), `${role} ${p}`).toBe((PERMISSIONS[p].roles as readonly Role[]).includes(role));
        expect(roleHas(role, p)).toBe(can(actor(role), p));
      }
    }
  });

  it('own scope: only the owner', () => {
    const a = actor('talent');
    expect(can(a, 'sessions.revoke_own', { ownerId: a.id })).toBe(true);
    expect(can(a, 'sessions.revoke_own', { ownerId: 'someone-else' })).toBe(false);
    expect(can(a, 'sessions.revoke_own', { ownerId: null })).toBe(false);
  });

  it('zone scope: zone staff only inside their zone; a staff member without a zone gets nothing', () => {
    expect(can(actor('zone_staff'), 'zones.read', { zoneCode: 'jkq' })).toBe(true);
    expect(can(actor('zone_staff'), 'zones.read', { zoneCode: 'zsq' })).toBe(false);
    expect(can(actor('zone_staff', { zoneCode: null }), 'zones.read', { zoneCode: 'jkq' })).toBe(false);
    expect(can(actor('talent'), 'zones.read', { zoneCode: 'jkq' })).toBe(false);
  });

  it('org scope: secretaries read their organisation and its children, never siblings or parents', () => {
    const s = actor('branch_secretary');
    expect(can(s, 'party_orgs.read', { orgPath: ORG_BRANCH })).toBe(true);
    expect(can(s, 'party_orgs.read', { orgPath: ORG_CHILD })).toBe(true);
    expect(can(s, 'party_orgs.read', { orgPath: ORG_SIBLING })).toBe(false);
    expect(can(s, 'party_orgs.read', { orgPath: ORG_ROOT })).toBe(false);
    expect(can(s, 'party_orgs.read', { orgPath: null })).toBe(false);
    expect(can(actor('branch_secretary', { orgPath: null }), 'party_orgs.read', { orgPath: ORG_BRANCH })).toBe(false);
  });

  it('org scope: the organisation department reads every organisation', () => {
    for (const orgPath of [ORG_ROOT, ORG_BRANCH, ORG_SIBLING]) expect(can(actor('org_admin'), 'party_orgs.read', { orgPath })).toBe(true);
  });

  it('sysadmin manages accounts but holds no Party permission', () => {
    const a = actor('sysadmin');
    expect(can(a, 'users.update')).toBe(true);
    expect(can(a, 'party_orgs.read')).toBe(false);
    expect(can(a, 'party_orgs.read', { orgPath: ORG_BRANCH })).toBe(false);
  });

  it('a prefix that is not a path boundary does not leak (/root/lx/jp vs /root/lx/jp2)', () => {
    const s = actor('branch_secretary');
    expect(can(s, 'party_orgs.read', { orgPath: '/root/lx/jp2/' })).toBe(false);
  });
});
