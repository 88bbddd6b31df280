import 'server-only';
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { notifications } from '@/db/schema';
import { authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/http/errors';

/**
 * In-app notifications. `notify` is idempotent: one row per user and dedupe key, so re-running a push (免申即享,
 * a republished policy) never notifies twice.
 */

export type NotificationKind = 'policy.eligible' | 'policy.grant_pending' | 'application.approved' | 'application.rejected';

/** Inserts unless (user, dedupeKey) exists; returns true when a new notification was created. */
export async function notify(db: DbOrTx, userId: string, kind: NotificationKind, dedupeKey: string, payload: Record<string, unknown>): Promise<boolean> {
  const rows = await db.insert(notifications).values({ userId, kind, dedupeKey, payload }).onConflictDoNothing().returning({ id: notifications.id });
  return rows.length > 0;
}

export interface NotificationDto {
  id: string;
  kind: string;
  payload: Record<string, unknown>;
  read: boolean;
  createdAt: string;
}

/** GET /api/v1/me/notifications — newest first, with the unread count. */
export async function listMyNotifications(actor: Actor | null, opts: { unreadOnly?: boolean; limit?: number; ip?: string } = {}): Promise<{ items: NotificationDto[]; unread: number }> {
  const me = await authorize(actor, 'notifications.read_own', actor ? { ownerId: actor.id } : undefined, { ip: opts.ip });
  const db = await getDb();
  const where = opts.unreadOnly ? and(eq(notifications.userId, me.id), isNull(notifications.readAt)) : eq(notifications.userId, me.id);
  const [rows, [u]] = await Promise.all([
    db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(opts.limit ?? 50),
    db.select({ n: count() }).from(notifications).where(and(eq(notifications.userId, me.id), isNull(notifications.readAt))),
  ]);
  return {
    items: rows.map((r) => ({ id: r.id, kind: r.kind, payload: r.payload, read: r.readAt !== null, createdAt: r.createdAt.toISOString() })),
    unread: u?.n ?? 0,
  };
}

/** POST /api/v1/me/notifications/{id}/read ('all' marks every one). Only the owner's rows are touched. */
export async function markNotificationsRead(actor: Actor | null, id: string | 'all', opts: { ip?: string } = {}): Promise<{ updated: number }> {
  let me = await authorize(actor, 'notifications.update_own', actor ? { ownerId: actor.id } : undefined, { ip: opts.ip });
  const db = await getDb();
  if (id !== 'all') {
    const [n] = await db.select({ userId: notifications.userId }).from(notifications).where(eq(notifications.id, id)).limit(1);
    if (!n) throw new AppError('NOT_FOUND');
    me = await authorize(actor, 'notifications.update_own', { ownerId: n.userId }, { ip: opts.ip, targetType: 'notification', targetId: id });
  }
  const base = and(eq(notifications.userId, me.id), isNull(notifications.readAt));
  const rows = await db
    .update(notifications)
    .set({ readAt: now() })
    .where(id === 'all' ? base : and(base, eq(notifications.id, id)))
    .returning({ id: notifications.id });
  return { updated: rows.length };
}
