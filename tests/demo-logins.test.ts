import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_USERS, EXTRA_USERS } from '@/db/seed-data';

/**
 * Issue 13 §5: `npm run demo` printed 5 of the demo logins. Every account the seed creates with the demo password is
 * printed with its role, so a new seeded account cannot be left out of the list.
 */
describe('npm run demo prints every demo login', () => {
  const source = fs.readFileSync(path.resolve('scripts/demo.mjs'), 'utf8');
  const printed = new Map([...source.matchAll(/\['([^']+@demo\.local)',\s*'([^']+)'\]/g)].map((m) => [m[1]!, m[2]!]));

  it('lists each seeded account once, with a role', () => {
    const seeded = [...DEMO_USERS, ...EXTRA_USERS];
    for (const u of seeded) {
      expect(printed.has(u.email), u.email).toBe(true);
      expect(printed.get(u.email)!.length, u.email).toBeGreaterThan(3);
    }
    expect([...printed.keys()].sort()).toEqual(seeded.map((u) => u.email).sort());
  });

  it('names the range of the demo district\'s residents the seed creates', () => {
    const seed = fs.readFileSync(path.resolve('scripts/seed.ts'), 'utf8');
    const n = Number(/seedDemoDistrict\(db, \{ talents: (\d+)/.exec(seed)?.[1]);
    expect(n).toBeGreaterThan(0);
    expect(source).toContain(`resident-${String(n).padStart(3, '0')}@demo.local`);
    expect(source).toContain('resident-001@demo.local');
  });
});
