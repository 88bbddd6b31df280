/** Permission-matrix fixtures: in-app notifications (harness: tests/helpers/matrix.ts). */
import { asc } from 'drizzle-orm';
import { notifications } from '@/db/schema';
import { own, ownerFor, scoped, type Fixture, type SnapshotPart } from '@/tests/helpers/matrix-fixtures';

export const routeFixtures: Record<string, Fixture> = {
  myNotifications: async (ctx) => ({ query: { unread: '1' }, resource: own(ctx) }),
  readNotification: scoped(async (ctx) => {
    const owner = ownerFor(ctx);
    const [n] = await ctx.db.insert(notifications).values({ userId: owner.id, kind: 'policy.eligible', dedupeKey: `k-${Math.random()}`, payload: {} }).returning();
    return { params: { id: n!.id }, resource: { ownerId: owner.id } };
  }),
};

export const actionFixtures: Record<string, Fixture> = {
  'notifications.markRead': async (ctx) => ({ input: { id: 'all' }, resource: own(ctx) }),
};

export const snapshotParts: Record<string, SnapshotPart> = {
  notifications: (db) => db.select({ id: notifications.id, r: notifications.readAt }).from(notifications).orderBy(asc(notifications.id)),
};
