import crypto from 'node:crypto';
import type { Db } from '@/db/client';
import { bookings, spaces, type NewBooking, type NewSpace } from '@/db/schema';
import { now } from '@/lib/clock';

const allDay = [{ start: '00:00', end: '24:00' }];
export const OPEN_ALWAYS = { '1': allDay, '2': allDay, '3': allDay, '4': allDay, '5': allDay, '6': allDay, '7': allDay };

/** A space open around the clock on a one-hour grid, bookable from now (no notice), unless told otherwise. */
export async function insertSpace(db: Db, over: Partial<NewSpace> = {}) {
  const [s] = await db
    .insert(spaces)
    .values({
      zoneCode: 'jkq',
      kind: 'studio',
      nameZh: '测试工作室',
      nameEn: 'Test studio',
      openingHours: OPEN_ALWAYS,
      slotMinutes: 60,
      minMinutes: 60,
      maxMinutes: 480,
      minNoticeMin: 0,
      maxAdvanceDays: 60,
      cancelCutoffMin: 60,
      checkinToken: crypto.randomBytes(12).toString('hex'),
      icalToken: crypto.randomBytes(12).toString('hex'),
      ...over,
    })
    .returning();
  return s!;
}

/** The start of the hour `hoursAhead` hours after now (on the one-hour grid of insertSpace's opening at 00:00 +08). */
export function hourAhead(hoursAhead: number): Date {
  const t = now().getTime() + hoursAhead * 3_600_000;
  return new Date(Math.floor(t / 3_600_000) * 3_600_000);
}

export const hours = (start: Date, n: number) => new Date(start.getTime() + n * 3_600_000);

/** A booking row written directly (no rules), blocking exactly its window unless told otherwise. */
export async function insertBooking(db: Db, v: Pick<NewBooking, 'spaceId' | 'userId' | 'startsAt' | 'endsAt'> & Partial<NewBooking>) {
  const [b] = await db
    .insert(bookings)
    .values({ status: 'confirmed', blockStart: v.startsAt, blockEnd: v.endsAt, ...v })
    .returning();
  return b!;
}
