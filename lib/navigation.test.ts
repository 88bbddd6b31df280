import { describe, expect, it } from 'vitest';
import type { Actor, Role } from '@/lib/auth/permissions';
import { ROLES } from '@/lib/auth/permissions';
import { translate } from '@/lib/i18n';
import { APP_PATH_PREFIXES, navFor, navSlots, type NavItem } from './navigation';

const as = (role: Role): Pick<Actor, 'id' | 'role' | 'zoneCode' | 'orgPath'> => ({ id: 'u1', role, zoneCode: role === 'zone_staff' ? 'jkq' : null, orgPath: null });

/** Navigation and the proxy's guarded prefixes come from the domains' manifests (lib/domains.ts, ADR 010). */
describe('navigation from the domain manifests', () => {
  it('keeps the header order across domains, filtered by permission', () => {
    expect(navFor(null)).toEqual([]);
    expect(navFor(as('talent')).map((i) => i.href)).toEqual(['/dashboard', '/profile', '/portfolio', '/my-policies', '/my-party', '/applications', '/account']);
    expect(navFor(as('zone_staff')).map((i) => i.href)).toEqual(['/dashboard', '/staff/talents', '/staff/verification', '/staff/dashboard', '/staff/policies', '/staff/applications', '/staff/bookings', '/staff/mentors', '/account']);
    expect(navFor(as('sysadmin')).map((i) => i.href)).toContain('/admin/users');
    expect(navFor(as('sysadmin')).map((i) => i.href)).toContain('/admin/jobs');
    expect(navFor(as('zone_staff')).map((i) => i.href)).not.toContain('/admin/jobs');
  });

  it('guards the first segment of every navigation entry and app path', () => {
    expect(APP_PATH_PREFIXES).toEqual(expect.arrayContaining(['/dashboard', '/account', '/admin', '/profile', '/portfolio', '/staff', '/my-policies', '/applications', '/apply', '/notifications']));
    for (const open of ['/', '/login', '/register', '/policies', '/calculator', '/showcases', '/api']) expect(APP_PATH_PREFIXES).not.toContain(open);
  });

  it('gathers grouped entries into one slot at the first entry\'s place, and a group of one is an entry', () => {
    const item = (href: string, order: number, group?: 'party'): NavItem => ({ href, label: 'nav.dashboard', order, ...(group ? { group } : {}) });
    const slots = navSlots([item('/a', 1), item('/p1', 2, 'party'), item('/b', 3), item('/p2', 4, 'party')]);
    expect(slots.map((s) => (s.kind === 'item' ? s.item.href : `${s.group}:${s.items.map((i) => i.href).join(',')}`))).toEqual(['/a', 'party:/p1,/p2', '/b']);
    expect(navSlots([item('/a', 1), item('/p1', 2, 'party')]).map((s) => s.kind)).toEqual(['item', 'item']);
  });

  /**
   * Issue 13 §5: the English header fits one line at 1280 px. The line holds 1,120 px; the logo, the language switch,
   * the search button (icon and "/", about 60 px; it first showed its label too and pushed the zone staff's header
   * onto two lines), the bell, logout and the name (truncated at 10rem) take about 430 px — the name rarely needs its
   * whole 10rem — which leaves 690 px for the slots: at 14 px
   * about 8.3 px per Latin character (DejaVu Sans, the widest fallback) plus 20 px of padding and gap per slot.
   */
  it('keeps every role\'s desktop header within the width of one line in English', () => {
    const text = (key: Parameters<typeof translate>[1]) => translate('en', key);
    for (const role of ROLES) {
      const slots = navSlots(navFor(as(role)));
      const width = slots.reduce((w, s) => w + (s.kind === 'item' ? text(s.item.label) : `${text(s.label)} ▾`).length * 8.3 + 20, 0);
      expect(width, role).toBeLessThanOrEqual(690);
    }
    // The Party organisers' many entries are one disclosure.
    expect(navSlots(navFor(as('org_admin'))).filter((s) => s.kind === 'group').map((s) => s.kind === 'group' && s.items.length)).toEqual([9]);
  });
});
