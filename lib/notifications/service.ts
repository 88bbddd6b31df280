import 'server-only';
import { and, count, desc, eq, isNull, sql } from 'drizzle-orm';
import { cache } from 'react';
import { getDb, type DbOrTx } from '@/db/client';
import { preparedOnce } from '@/db/prepared';
import { notifications } from '@/db/schema';
import { authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/http/errors';
import type { Locale } from '@/lib/i18n/config';
import { NOTIFICATION_KINDS, isNotificationKind, presentStored, type NotificationKind, type NotificationPayload } from './kinds';
import type { NotificationView } from './registry';
import type { NotificationDto } from './schemas';

/**
 * In-app notifications, a domain of their own (ADR 010): any domain sends one of the kinds it registered in its
 * manifest with `notify()`; the owner reads and marks them. `notify` is idempotent: one row per user and dedupe key,
 * so re-running a push (免申即享, a republished policy) never notifies twice.
 */

/**
 * Inserts unless (user, dedupeKey) exists; returns true when a new notification was created. The kind must be
 * registered (typed, and checked at run time) and the payload must match the kind's schema: anything else is a
 * programming error and throws, which aborts the caller's transaction.
 */
export async function notify<K extends NotificationKind>(db: DbOrTx, userId: string, kind: K, dedupeKey: string, payload: NotificationPayload<K>): Promise<boolean> {
  if (!isNotificationKind(kind)) throw new Error(`notification kind "${String(kind)}" is not registered (add it to a domain's lib/<domain>/notifications.ts and manifest)`);
  const parsed = NOTIFICATION_KINDS[kind]!.payload.parse(payload);
  const rows = await db.insert(notifications).values({ userId, kind, dedupeKey, payload: parsed }).onConflictDoNothing().returning({ id: notifications.id });
  return rows.length > 0;
}

export type { NotificationDto, NotificationKind };

/** GET /api/v1/me/notifications — newest first, with the unread count. */
export async function listMyNotifications(actor: Actor | null, opts: { unreadOnly?: boolean; limit?: number; ip?: string } = {}): Promise<{ items: NotificationDto[]; unread: number }> {
  const me = await authorize(actor, 'notifications.read_own', actor ? { ownerId: actor.id } : undefined, { ip: opts.ip });
  const db = await getDb();
  const where = opts.unreadOnly ? and(eq(notifications.userId, me.id), isNull(notifications.readAt)) : eq(notifications.userId, me.id);
  // The count through myUnreadCount: on a page the header's bell has already asked it in this request.
  const [rows, unread] = await Promise.all([db.select().from(notifications).where(where).orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(opts.limit ?? 50), myUnreadCount(actor)]);
  return {
    items: rows.map((r) => ({ id: r.id, kind: r.kind, payload: r.payload, read: r.readAt !== null, createdAt: r.createdAt.toISOString() })),
    unread,
  };
}

/**
 * The header bell's figure: my unread count, one COUNT query (the bell sits on every page, so it does not also fetch a
 * row it would throw away). Memoised per request with React's cache() — the header and the 工作台's card ask once —
 * and never across requests or users.
 */
export const myUnreadCount = cache(async (actor: Actor | null): Promise<number> => {
  const me = await authorize(actor, 'notifications.read_own', actor ? { ownerId: actor.id } : undefined);
  const db = await getDb();
  const [u] = await preparedOnce(db, 'unread_count', (d) =>
    d
      .select({ n: count() })
      .from(notifications)
      .where(and(eq(notifications.userId, sql.placeholder('userId')), isNull(notifications.readAt)))
  ).execute({ userId: me.id });
  return u?.n ?? 0;
});

/** The /notifications page: my notifications rendered through their kinds (label, link and details localised). */
export async function listMyNotificationViews(actor: Actor | null, locale: Locale, opts: { limit?: number } = {}): Promise<{ items: NotificationView[]; unread: number }> {
  const list = await listMyNotifications(actor, opts);
  return { items: list.items.map((n) => presentStored(n, locale)), unread: list.unread };
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
