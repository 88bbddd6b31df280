/**
 * The header bell's unread count (issue 13 §4, lean pages): one COUNT query through myUnreadCount, the same figure the
 * list reports, only the actor's own unread rows, and refused without a session.
 */
import { describe, expect, it } from 'vitest';
import { notifications } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { listMyNotifications, myUnreadCount } from '@/lib/notifications/service';
import { setupTestDb } from './helpers/db';
import { makeTalent, type TestUser } from './helpers/factories';

const t = setupTestDb();
const actor = (u: TestUser): Actor => ({ id: u.id, role: u.role, displayName: 'x', zoneCode: u.zoneCode, orgId: u.orgId, orgPath: null, sessionId: 'test-session' });

describe('myUnreadCount', () => {
  it('counts my unread notifications only, agreeing with the list', async () => {
    const me = await makeTalent(t.db());
    const other = await makeTalent(t.db());
    expect(await myUnreadCount(actor(me))).toBe(0);
    await t.db().insert(notifications).values([
      { userId: me.id, kind: 'policy.match', dedupeKey: 'a', payload: {} },
      { userId: me.id, kind: 'policy.match', dedupeKey: 'b', payload: {} },
      { userId: me.id, kind: 'policy.match', dedupeKey: 'c', payload: {}, readAt: new Date() },
      { userId: other.id, kind: 'policy.match', dedupeKey: 'a', payload: {} },
    ]);
    expect(await myUnreadCount(actor(me))).toBe(2);
    expect(await myUnreadCount(actor(other))).toBe(1);
    const list = await listMyNotifications(actor(me));
    expect(list.unread).toBe(2);
    expect(list.items).toHaveLength(3);
  });

  it('is refused without a session', async () => {
    await expect(myUnreadCount(null)).rejects.toThrow();
  });
});
