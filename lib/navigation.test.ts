import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '@/lib/auth/permissions';
import { APP_PATH_PREFIXES, navFor } from './navigation';

const as = (role: Role): Pick<Actor, 'id' | 'role' | 'zoneCode' | 'orgPath'> => ({ id: 'u1', role, zoneCode: role === 'zone_staff' ? 'jkq' : null, orgPath: null });

/** Navigation and the proxy's guarded prefixes come from the domains' manifests (lib/domains.ts, ADR 010). */
describe('navigation from the domain manifests', () => {
  it('keeps the header order across domains, filtered by permission', () => {
    expect(navFor(null)).toEqual([]);
    expect(navFor(as('talent')).map((i) => i.href)).toEqual(['/dashboard', '/profile', '/portfolio', '/my-policies', '/my-party', '/applications', '/account']);
    expect(navFor(as('zone_staff')).map((i) => i.href)).toEqual(['/dashboard', '/staff/talents', '/staff/verification', '/staff/policies', '/staff/applications', '/account']);
    expect(navFor(as('sysadmin')).map((i) => i.href)).toContain('/admin/users');
    expect(navFor(as('sysadmin')).map((i) => i.href)).toContain('/admin/jobs');
    expect(navFor(as('zone_staff')).map((i) => i.href)).not.toContain('/admin/jobs');
  });

  it('guards the first segment of every navigation entry and app path', () => {
    expect(APP_PATH_PREFIXES).toEqual(expect.arrayContaining(['/dashboard', '/account', '/admin', '/profile', '/portfolio', '/staff', '/my-policies', '/applications', '/apply', '/notifications']));
    for (const open of ['/', '/login', '/register', '/policies', '/calculator', '/showcases', '/api']) expect(APP_PATH_PREFIXES).not.toContain(open);
  });
});
