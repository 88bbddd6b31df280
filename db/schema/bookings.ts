import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { users, zones } from './auth';

/**
 * Innovation-space bookings (issue 11; booking-and-search.md R1, R2; ADR 015). Instants are timestamptz, civil rules
 * (opening hours, exceptions, quota periods) are local times in the space's IANA zone (Asia/Shanghai).
 *
 * The invariant "no two blocking bookings of a space overlap in their buffered windows" lives in the database:
 * `bookings_no_overlap`, an EXCLUDE USING gist over (space_id, tstzrange(block_start, block_end, '[)')) restricted to
 * the blocking statuses — added by hand to migration 0016 because drizzle cannot declare exclusion constraints.
 */

export const SPACE_KINDS = ['studio', 'electric_kiln', 'gas_kiln', 'wood_kiln', 'exhibition_hall', 'livestream_room', 'meeting_room'] as const;
export type SpaceKind = (typeof SPACE_KINDS)[number];
export const spaceKindEnum = pgEnum('space_kind', SPACE_KINDS);

export const BOOKING_STATUSES = ['held', 'pending', 'confirmed', 'checked_in', 'cancelled', 'rejected', 'expired', 'completed', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];
export const bookingStatusEnum = pgEnum('booking_status', BOOKING_STATUSES);

/** Weekly opening hours: ISO weekday ("1" = Monday … "7" = Sunday) → local "HH:MM" ranges, half-open. */
export type OpeningHours = Partial<Record<'1' | '2' | '3' | '4' | '5' | '6' | '7', { start: string; end: string }[]>>;
/** A date override: closed that day, or open with these hours instead of the weekly ones. */
export interface OpeningException {
  date: string;
  closed: boolean;
  hours?: { start: string; end: string }[];
  noteZh?: string;
  noteEn?: string;
}
export interface BookingQuota {
  period: 'week' | 'month';
  metric: 'count' | 'minutes';
  limit: number;
}

export const spaces = pgTable(
  'spaces',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    zoneCode: text('zone_code')
      .notNull()
      .references(() => zones.code),
    kind: spaceKindEnum('kind').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    descriptionZh: text('description_zh').notNull().default(''),
    descriptionEn: text('description_en').notNull().default(''),
    locationZh: text('location_zh').notNull().default(''),
    locationEn: text('location_en').notNull().default(''),
    /** Public path of the photo the project ships (public/spaces/*.svg). */
    photo: text('photo'),
    capacity: integer('capacity').notNull().default(1),
    equipment: jsonb('equipment').$type<{ zh: string; en: string }[]>().notNull().default([]),
    /** Price in fen per `priceUnit`; null = free. */
    priceFen: integer('price_fen'),
    priceUnit: text('price_unit', { enum: ['hour', 'booking'] })
      .notNull()
      .default('hour'),
    timezone: text('timezone').notNull().default('Asia/Shanghai'),
    openingHours: jsonb('opening_hours').$type<OpeningHours>().notNull().default({}),
    exceptions: jsonb('exceptions').$type<OpeningException[]>().notNull().default([]),
    slotMinutes: integer('slot_minutes').notNull().default(60),
    minMinutes: integer('min_minutes').notNull().default(60),
    maxMinutes: integer('max_minutes').notNull().default(240),
    bufferBeforeMin: integer('buffer_before_min').notNull().default(0),
    bufferAfterMin: integer('buffer_after_min').notNull().default(0),
    minNoticeMin: integer('min_notice_min').notNull().default(60),
    maxAdvanceDays: integer('max_advance_days').notNull().default(30),
    cancelCutoffMin: integer('cancel_cutoff_min').notNull().default(120),
    requiresApproval: boolean('requires_approval').notNull().default(false),
    checkinRequired: boolean('checkin_required').notNull().default(false),
    checkinGraceMin: integer('checkin_grace_min').notNull().default(15),
    /** null: any talent account may book; a policy code: only its ELIGIBLE or receiving holders (policy engine). */
    eligiblePolicyCode: text('eligible_policy_code'),
    quotas: jsonb('quotas').$type<BookingQuota[]>().notNull().default([]),
    /** Secret printed in the space's check-in QR code; rotating it voids old prints. */
    checkinToken: text('checkin_token').notNull(),
    /** Secret of the space's public .ics feed. */
    icalToken: text('ical_token').notNull(),
    active: boolean('active').notNull().default(true),
    ...timestamps(),
  },
  (t) => [
    index('spaces_zone_idx').on(t.zoneCode),
    index('spaces_kind_idx').on(t.kind),
    uniqueIndex('spaces_checkin_token_uq').on(t.checkinToken),
    uniqueIndex('spaces_ical_token_uq').on(t.icalToken),
    check('spaces_rules_ck', sql`${t.slotMinutes} > 0 AND ${t.minMinutes} > 0 AND ${t.maxMinutes} >= ${t.minMinutes} AND ${t.bufferBeforeMin} >= 0 AND ${t.bufferAfterMin} >= 0 AND ${t.minNoticeMin} >= 0 AND ${t.maxAdvanceDays} > 0 AND ${t.cancelCutoffMin} >= 0 AND ${t.checkinGraceMin} >= 0 AND ${t.capacity} > 0`),
    check('spaces_price_ck', sql`${t.priceFen} IS NULL OR ${t.priceFen} >= 0`),
  ],
);
export type Space = typeof spaces.$inferSelect;
export type NewSpace = typeof spaces.$inferInsert;

export const bookings = pgTable(
  'bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    status: bookingStatusEnum('status').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    /** starts_at − buffer before and ends_at + buffer after, written with the row: the window the constraint guards. */
    blockStart: timestamp('block_start', { withTimezone: true }).notNull(),
    blockEnd: timestamp('block_end', { withTimezone: true }).notNull(),
    /** For `held`: after this instant the hold blocks nothing (expired on the conflicting window before an insert). */
    holdExpiresAt: timestamp('hold_expires_at', { withTimezone: true }),
    purpose: text('purpose'),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    cancelledBy: uuid('cancelled_by').references(() => users.id),
    decidedBy: uuid('decided_by').references(() => users.id),
    decidedAt: timestamp('decided_at', { withTimezone: true }),
    /** Reason of a rejection or a cancellation. */
    reason: text('reason'),
    /** RFC 5545 SEQUENCE: incremented on every change the calendar shows. The UID is `<id>@jingpiao`. */
    icalSequence: integer('ical_sequence').notNull().default(0),
    /** Client-supplied retry key (header Idempotency-Key or field idempotencyKey): unique per booker. */
    idempotencyKey: text('idempotency_key'),
    /** The weekly series (RRULE) this occurrence belongs to, if any: occurrences are rows of their own. */
    seriesId: uuid('series_id'),
    ...timestamps(),
  },
  (t) => [
    index('bookings_space_idx').on(t.spaceId, t.startsAt),
    index('bookings_user_idx').on(t.userId, t.startsAt),
    index('bookings_cancelled_by_idx').on(t.cancelledBy),
    index('bookings_decided_by_idx').on(t.decidedBy),
    index('bookings_series_idx').on(t.seriesId),
    uniqueIndex('bookings_idempotency_uq').on(t.userId, t.idempotencyKey),
    check('bookings_range_ck', sql`${t.endsAt} > ${t.startsAt}`),
    check('bookings_block_ck', sql`${t.blockStart} <= ${t.startsAt} AND ${t.blockEnd} >= ${t.endsAt}`),
    check('bookings_hold_ck', sql`${t.status} <> 'held' OR ${t.holdExpiresAt} IS NOT NULL`),
  ],
);
export type Booking = typeof bookings.$inferSelect;
export type NewBooking = typeof bookings.$inferInsert;

/** A person's secret iCal feed (issue 11 §6): only the SHA-256 of the token is stored; a new token revokes the old. */
export const bookingFeeds = pgTable('booking_feeds', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  tokenHash: text('token_hash').notNull().unique(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Capacity slots (issue 11 §3; booking-and-search.md R1): a kiln firing with N shelves, an exhibition visit or a
 * workshop with N seats. Places are taken by a conditional UPDATE (`booked + q <= capacity`), exact under concurrency;
 * the database also checks 0 ≤ booked ≤ capacity. A firing holds the kiln itself through `kiln_booking_id`: an
 * exclusive booking of its buffered window, created with the slot in one transaction.
 */
export const spaceSlots = pgTable(
  'space_slots',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    capacity: integer('capacity').notNull(),
    booked: integer('booked').notNull().default(0),
    status: text('status', { enum: ['open', 'cancelled'] })
      .notNull()
      .default('open'),
    titleZh: text('title_zh').notNull().default(''),
    titleEn: text('title_en').notNull().default(''),
    kilnBookingId: uuid('kiln_booking_id').references(() => bookings.id),
    createdBy: uuid('created_by').references(() => users.id),
    ...timestamps(),
  },
  (t) => [
    index('space_slots_space_idx').on(t.spaceId, t.startsAt),
    index('space_slots_kiln_booking_idx').on(t.kilnBookingId),
    index('space_slots_created_by_idx').on(t.createdBy),
    check('space_slots_range_ck', sql`${t.endsAt} > ${t.startsAt}`),
    check('space_slots_booked_ck', sql`${t.capacity} > 0 AND ${t.booked} >= 0 AND ${t.booked} <= ${t.capacity}`),
  ],
);
export type SpaceSlot = typeof spaceSlots.$inferSelect;

export const slotBookings = pgTable(
  'slot_bookings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    slotId: uuid('slot_id')
      .notNull()
      .references(() => spaceSlots.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    quantity: integer('quantity').notNull(),
    status: text('status', { enum: ['confirmed', 'cancelled'] })
      .notNull()
      .default('confirmed'),
    cancelledAt: timestamp('cancelled_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    index('slot_bookings_slot_idx').on(t.slotId),
    index('slot_bookings_user_idx').on(t.userId),
    // One live reservation per person and slot (more places: cancel and book again).
    uniqueIndex('slot_bookings_one_live_uq').on(t.slotId, t.userId).where(sql`status = 'confirmed'`),
    check('slot_bookings_quantity_ck', sql`${t.quantity} > 0`),
  ],
);
export type SlotBooking = typeof slotBookings.$inferSelect;

/**
 * Waitlist (issue 11 §4; booking-and-search.md R1): people waiting for a taken window of a space, first come first
 * served. When the window frees up, the first waiting person is offered it as a `held` booking that expires — the
 * hold is an ordinary blocking row, so the offer is race-free; an unanswered offer lapses and passes to the next.
 */
export const waitlistEntries = pgTable(
  'waitlist_entries',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    spaceId: uuid('space_id')
      .notNull()
      .references(() => spaces.id),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    status: text('status', { enum: ['waiting', 'offered', 'accepted', 'expired', 'cancelled'] })
      .notNull()
      .default('waiting'),
    offeredBookingId: uuid('offered_booking_id').references(() => bookings.id),
    offerExpiresAt: timestamp('offer_expires_at', { withTimezone: true }),
    ...timestamps(),
  },
  (t) => [
    index('waitlist_space_idx').on(t.spaceId, t.status, t.createdAt),
    index('waitlist_user_idx').on(t.userId),
    index('waitlist_offered_booking_idx').on(t.offeredBookingId),
    uniqueIndex('waitlist_one_live_uq').on(t.spaceId, t.userId, t.startsAt, t.endsAt).where(sql`status in ('waiting', 'offered')`),
    check('waitlist_range_ck', sql`${t.endsAt} > ${t.startsAt}`),
  ],
);
export type WaitlistEntry = typeof waitlistEntries.$inferSelect;
