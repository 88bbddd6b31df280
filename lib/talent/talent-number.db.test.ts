import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { talentProfiles } from '@/db/schema';
import { resolveSession } from '@/lib/auth/sessions';
import { setupTestDb } from '@/tests/helpers/db';
import { makeTalent, makeUser, tokenFor } from '@/tests/helpers/factories';
import { getTalentForStaff } from './directory';
import { getMyProfile } from './service';

/** Issue 13 §5: people read a talent number, not the account UUID (which stays the key in URLs and the API). */
const t = setupTestDb();

async function actorOf(userId: string) {
  const resolved = await resolveSession(t.db(), await tokenFor(t.db(), { id: userId }));
  if (!('actor' in resolved)) throw new Error('no actor');
  return resolved.actor;
}

describe('talent number', () => {
  it('is the same on the talent’s profile and on the staff talent page, from the registration year and the id', async () => {
    const talent = await makeTalent(t.db());
    await t.db().update(talentProfiles).set({ createdAt: new Date('2025-07-01T08:00:00Z') }).where(eq(talentProfiles.userId, talent.id));
    const mine = await getMyProfile(await actorOf(talent.id));
    const expected = `JP2025-${talent.id.slice(0, 8).toUpperCase()}`;
    expect(mine.talent_number).toBe(expected);
    expect(mine.user_id).toBe(talent.id);
    const staff = await makeUser(t.db(), 'zone_staff', { zoneCode: 'jkq' });
    const seen = await getTalentForStaff(await actorOf(staff.id), talent.id, '203.0.113.9');
    expect(seen.talent_number).toBe(expected);
  });
});
