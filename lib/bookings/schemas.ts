import { z } from 'zod';
import { STATUSES } from './availability';

/**
 * Innovation-space bookings (issue 11 §8): the zod schemas shared by the API routes (and their OpenAPI), the server
 * actions and the forms. Isomorphic. Instants travel as ISO 8601 with an offset; the service checks the rules.
 */

export const SPACE_KINDS = ['studio', 'electric_kiln', 'gas_kiln', 'wood_kiln', 'exhibition_hall', 'livestream_room', 'meeting_room'] as const;
export type SpaceKind = (typeof SPACE_KINDS)[number];

const instant = z.iso.datetime({ offset: true, error: 'bookings.errInstant' });
const optionalText = (max: number) => z.string().trim().max(max).optional();

export const spaceIdParams = z.strictObject({ id: z.uuid() });
export const bookingIdParams = z.strictObject({ id: z.uuid() });

export const listSpacesQuery = z.strictObject({ kind: z.enum(SPACE_KINDS).optional(), zone: z.string().max(16).optional() });

/** At most 31 days per availability request (a month view). */
export const MAX_AVAILABILITY_DAYS = 31;
export const availabilityQuery = z
  .strictObject({ from: instant, to: instant })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'bookings.errRange', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_AVAILABILITY_DAYS * 86_400_000, { message: 'bookings.errRangeTooLong', path: ['to'] });

/** POST /api/v1/bookings. The Idempotency-Key header is an alternative to `idempotencyKey`. */
export const createBookingInput = z.strictObject({
  spaceId: z.uuid(),
  startsAt: instant,
  endsAt: instant,
  idempotencyKey: z.string().trim().min(8, 'bookings.errIdempotencyKey').max(128, 'bookings.errIdempotencyKey').optional(),
  purpose: optionalText(200),
});
export type CreateBookingInput = z.input<typeof createBookingInput>;

export const BOOKING_ACTIONS = ['cancel', 'approve', 'reject', 'check-in', 'confirm'] as const;
export type BookingActionSlug = (typeof BOOKING_ACTIONS)[number];
export const cancelInput = z.strictObject({ reason: optionalText(300) });
export const approveInput = z.strictObject({});
export const rejectInput = z.strictObject({ reason: z.string().trim().min(1, 'validation.required').max(300) });
/** The secret of the space's check-in QR code (the code opens /spaces/check-in/<token>). */
export const checkInInput = z.strictObject({ token: z.string().trim().min(8).max(128) });
/** Accepting a waitlist offer: the hold becomes a booking (or a request where approval is required). */
export const confirmInput = z.strictObject({});
export const BOOKING_ACTION_INPUTS = { cancel: cancelInput, approve: approveInput, reject: rejectInput, 'check-in': checkInInput, confirm: confirmInput } as const;

export const myBookingsQuery = z.strictObject({ when: z.enum(['upcoming', 'past', 'all']).default('all') });
export const zoneBookingsQuery = z.strictObject({ status: z.enum(['pending', 'upcoming']).default('pending') });

// ---------------------------------------------------------------------------------------------------------------
// DTOs
// ---------------------------------------------------------------------------------------------------------------

const localRange = z.object({ start: z.string(), end: z.string() });

export const spaceSummaryDto = z.object({
  id: z.uuid(),
  kind: z.enum(SPACE_KINDS),
  name: z.string(),
  location: z.string(),
  zoneCode: z.string(),
  photo: z.string().nullable(),
  capacity: z.number().int(),
  priceFen: z.number().int().nullable().describe('Price in fen per priceUnit; null = free'),
  priceUnit: z.enum(['hour', 'booking']),
  requiresApproval: z.boolean(),
  eligiblePolicyCode: z.string().nullable().describe('Only holders of this policy (ELIGIBLE or receiving) may book'),
});
export type SpaceSummaryDto = z.infer<typeof spaceSummaryDto>;

export const spaceDetailDto = spaceSummaryDto.extend({
  description: z.string(),
  equipment: z.array(z.string()),
  timezone: z.string(),
  openingHours: z.record(z.string(), z.array(localRange)).describe('ISO weekday (1 = Monday) → local ranges'),
  exceptions: z.array(z.object({ date: z.string(), closed: z.boolean(), hours: z.array(localRange).optional(), note: z.string().optional() })),
  slotMinutes: z.number().int(),
  minMinutes: z.number().int(),
  maxMinutes: z.number().int(),
  bufferBeforeMin: z.number().int(),
  bufferAfterMin: z.number().int(),
  minNoticeMin: z.number().int(),
  maxAdvanceDays: z.number().int(),
  cancelCutoffMin: z.number().int(),
  checkinRequired: z.boolean(),
  checkinGraceMin: z.number().int(),
  quotas: z.array(z.object({ period: z.enum(['week', 'month']), metric: z.enum(['count', 'minutes']), limit: z.number().int() })),
});
export type SpaceDetailDto = z.infer<typeof spaceDetailDto>;

export const spaceListDto = z.object({ items: z.array(spaceSummaryDto) });

export const availabilityDto = z.object({
  spaceId: z.uuid(),
  timezone: z.string(),
  from: z.string(),
  to: z.string(),
  slots: z.array(z.object({ startsAt: z.string(), endsAt: z.string(), state: z.enum(['free', 'taken', 'too_soon', 'too_far']) })),
});
export type AvailabilityDto = z.infer<typeof availabilityDto>;

export const bookingDto = z.object({
  id: z.uuid(),
  spaceId: z.uuid(),
  spaceName: z.string(),
  spaceKind: z.enum(SPACE_KINDS),
  status: z.enum(STATUSES).describe('As of now: an expired hold reads expired, a missed check-in no_show, a past booking completed — whether or not a timer ran'),
  startsAt: z.string(),
  endsAt: z.string(),
  holdExpiresAt: z.string().nullable(),
  purpose: z.string().nullable(),
  checkedInAt: z.string().nullable(),
  reason: z.string().nullable(),
  mayCancel: z.boolean(),
  cancelDeadline: z.string().describe('Until this instant a confirmed booking may be cancelled by its booker'),
  bookerName: z.string().optional().describe('Staff views only'),
  createdAt: z.string(),
});
export type BookingDto = z.infer<typeof bookingDto>;
export const bookingListDto = z.object({ items: z.array(bookingDto) });

export const slotTakenDto = z.object({ code: z.literal('SLOT_TAKEN'), conflict: z.object({ startsAt: z.string(), endsAt: z.string() }) });

// ---------------------------------------------------------------------------------------------------------------
// Capacity slots (kiln shelves, exhibition visits, workshop seats)
// ---------------------------------------------------------------------------------------------------------------

export const slotIdParams = z.strictObject({ id: z.uuid() });
export const slotsQuery = availabilityQuery;
export const createSlotInput = z.strictObject({
  startsAt: instant,
  endsAt: instant,
  capacity: z.number().int().min(1).max(500),
  titleZh: optionalText(100),
  titleEn: optionalText(100),
});
export const bookSlotInput = z.strictObject({ quantity: z.number().int().min(1).max(50) });

export const slotDto = z.object({
  id: z.uuid(),
  spaceId: z.uuid(),
  title: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  capacity: z.number().int(),
  booked: z.number().int(),
  remaining: z.number().int(),
  status: z.enum(['open', 'cancelled']),
  kilnBookingId: z.uuid().nullable().describe('The exclusive booking that holds the kiln for the firing’s buffered window'),
});
export type SlotDto = z.infer<typeof slotDto>;
export const slotListDto = z.object({ items: z.array(slotDto) });
export const slotBookingDto = z.object({ id: z.uuid(), slotId: z.uuid(), quantity: z.number().int(), status: z.enum(['confirmed', 'cancelled']), slot: slotDto });

/** POST /api/v1/bookings/series — a weekly series from the first occurrence (RFC 5545 FREQ=WEEKLY;INTERVAL;COUNT). */
export const createSeriesInput = z.strictObject({
  spaceId: z.uuid(),
  startsAt: instant,
  endsAt: instant,
  interval: z.number().int().min(1).max(4).default(1),
  count: z.number().int().min(2).max(26),
  mode: z.enum(['all_or_nothing', 'skip_conflicts']),
  purpose: optionalText(200),
});
export const seriesDto = z.object({
  seriesId: z.uuid(),
  rrule: z.string(),
  created: z.array(bookingDto),
  skipped: z.array(z.object({ startsAt: z.string(), endsAt: z.string(), code: z.string() })).describe('skip_conflicts: the occurrences not booked, with the code that refused each'),
});

/** GET /api/v1/bookings/utilisation — a period of local dates [from, to] (at most a year). */
export const utilisationQuery = z
  .strictObject({ from: z.iso.date('validation.dateInvalid'), to: z.iso.date('validation.dateInvalid') })
  .refine((q) => q.to >= q.from, { message: 'bookings.errRange', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 366 * 86_400_000, { message: 'bookings.errRangeTooLong', path: ['to'] });
const figuresDto = {
  bookedHours: z.number(),
  openHours: z.number(),
  occupancy: z.number(),
  bookings: z.number().int(),
  noShows: z.number().int(),
  noShowRate: z.number(),
  cancelled: z.number().int(),
  waitlisted: z.number().int().describe('Waitlist entries whose wanted window falls in the period (demand not met at first)'),
};
export const utilisationDto = z.object({
  from: z.string(),
  to: z.string(),
  zoneCode: z.string().nullable(),
  spaces: z.array(z.object({ id: z.uuid(), kind: z.enum(SPACE_KINDS), name: z.string(), ...figuresDto })),
  kinds: z.array(z.object({ kind: z.enum(SPACE_KINDS), spaces: z.number().int(), ...figuresDto })),
});
export type UtilisationDto = z.infer<typeof utilisationDto>;

export const waitlistInput = z.strictObject({ startsAt: instant, endsAt: instant });
