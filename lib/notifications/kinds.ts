import type { z } from 'zod';
import { DOMAINS } from '@/lib/domains';
import type { Locale } from '@/lib/i18n/config';
import { mergeNotificationKinds, presentNotification, type NotificationKinds, type NotificationView } from './registry';

/** Every domain's notification kinds, collected from the manifests (lib/domains.ts). Pure. */

type KindsOf<D> = D extends { notifications: infer K } ? K : never;
type UnionToIntersection<U> = (U extends unknown ? (x: U) => void : never) extends (x: infer I) => void ? I : never;
type AllKinds = UnionToIntersection<KindsOf<(typeof DOMAINS)[number]>>;

/** The registered kinds: 'policy.eligible' | 'application.approved' | … */
export type NotificationKind = keyof AllKinds & string;
/** What `notify()` accepts for kind K (the input of its payload schema). */
export type NotificationPayload<K extends NotificationKind> = AllKinds[K] extends { payload: infer S extends z.ZodType } ? z.input<S> : never;

export const NOTIFICATION_KINDS: NotificationKinds = mergeNotificationKinds(DOMAINS.map((d) => ('notifications' in d ? d.notifications : undefined)));

export function isNotificationKind(kind: string): kind is NotificationKind {
  return Object.hasOwn(NOTIFICATION_KINDS, kind);
}

/** A stored notification as the list shows it (label, link, detail lines in the reader's language). */
export function presentStored(n: Parameters<typeof presentNotification>[1], locale: Locale): NotificationView {
  return presentNotification(NOTIFICATION_KINDS, n, locale);
}
