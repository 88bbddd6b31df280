import { z } from 'zod';

/** The notifications API and action (isomorphic). Field names are public API: keep them. */

export const notificationDto = z.object({ id: z.string(), kind: z.string(), payload: z.record(z.string(), z.unknown()), read: z.boolean(), createdAt: z.string() });
export type NotificationDto = z.infer<typeof notificationDto>;

export const myNotificationsQuery = z.strictObject({ unread: z.enum(['1', '0']).optional() });
export const myNotificationsResponse = z.object({ items: z.array(notificationDto), unread: z.number() });

/** One notification by id, or 'all'. */
export const notificationRef = z.strictObject({ id: z.union([z.uuid(), z.literal('all')]) });
export const markReadResponse = z.object({ updated: z.number() });
