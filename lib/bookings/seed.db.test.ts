/** The demo spaces (db/seed-bookings.ts): valid rules the database accepts, idempotent, each bookable on its own grid. */
import { describe, expect, it } from 'vitest';
import { seedDemoSpaces, SPACE_IDS } from '@/db/seed-bookings';
import { spaces, spaceSlots } from '@/db/schema';
import { seedDemoAccounts } from '@/db/seed';
import { checkRequest, slotGrid } from './availability';
import { rulesOf } from './service';
import { setupTestDb } from '@/tests/helpers/db';

const t = setupTestDb();

describe('demo spaces', () => {
  it('seeds nine spaces once, each with a photo the project ships, and a free bookable slot within its advance window', async () => {
    expect(await seedDemoSpaces(t.db())).toBe(9);
    expect(await seedDemoSpaces(t.db())).toBe(0);
    const rows = await t.db().select().from(spaces);
    expect(rows.map((r) => r.id).sort()).toEqual(Object.values(SPACE_IDS).sort());
    expect(new Set(rows.map((r) => r.zoneCode))).toEqual(new Set(['zsq', 'jkq']));
    const now = new Date('2027-03-01T08:00:00+08:00');
    for (const s of rows) {
      expect(s.photo).toMatch(/^\/spaces\/[a-z-]+\.svg$/);
      const rules = rulesOf(s);
      const from = new Date(now.getTime() + s.minNoticeMin * 60_000);
      const grid = slotGrid(rules, from, new Date(from.getTime() + 20 * 86_400_000), [], now);
      const first = grid.find((x) => x.state === 'free');
      expect(first, s.nameZh).toBeDefined();
      const end = new Date(first!.start.getTime() + s.minMinutes * 60_000);
      expect(checkRequest(rules, { start: first!.start, end }, now), s.nameZh).toBeNull();
    }
  });
});

describe('demo firing', () => {
  it('opens one shared firing by the shelf on the small kiln with the demo accounts, once', async () => {
    await seedDemoAccounts(t.db(), 'Jingpiao-2026');
    await seedDemoSpaces(t.db());
    const slots = await t.db().select().from(spaceSlots);
    expect(slots).toHaveLength(1);
    expect(slots[0]).toMatchObject({ spaceId: SPACE_IDS.sculptureKiln, capacity: 6, booked: 0 });
    expect(slots[0]!.kilnBookingId).toBeTruthy();
  });
});
