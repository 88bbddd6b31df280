import 'server-only';
import { z } from 'zod';
import { defineRoute, type ApiRouteDef } from '@/lib/api/route';
import { problemBody } from '@/lib/http/problem';
import { createMyFeed, personFeed, spaceFeed } from './feeds';
import { bookSlot, cancelSlotBooking, createSlot, listSlots } from './slots';
import { joinWaitlist, myWaitlist, waitlistEntryDto } from './waitlist';
import { actOnBooking, createBooking, createSeries, spaceCheckInCode, zoneUtilisation, getSpace, listSpaces, myBookings, SlotTakenError, spaceAvailability, zoneBookings } from './service';
import {
  availabilityDto,
  availabilityQuery,
  BOOKING_ACTION_INPUTS,
  bookingDto,
  bookingIdParams,
  bookingListDto,
  createBookingInput,
  listSpacesQuery,
  myBookingsQuery,
  spaceDetailDto,
  spaceIdParams,
  spaceListDto,
  zoneBookingsQuery,
  bookSlotInput,
  waitlistInput,
  utilisationDto,
  utilisationQuery,
  createSeriesInput,
  seriesDto,
  createSlotInput,
  slotBookingDto,
  slotDto,
  slotIdParams,
  slotListDto,
  slotsQuery,
  type BookingActionSlug,
} from './schemas';

/**
 * Innovation-space bookings over HTTP (issue 11 §8, the acceptance contract). Thin: parse, call lib/bookings/service.ts
 * (which authorizes, checks the rules and lets the exclusion constraint decide), answer.
 */

export const listSpacesRoute = defineRoute({
  id: 'listSpaces',
  method: 'GET',
  path: '/api/v1/spaces',
  summary: 'Bookable innovation spaces (studios, kilns, exhibition halls, live-stream and meeting rooms), filtered by kind or zone. Public',
  tags: ['bookings'],
  access: 'public',
  query: listSpacesQuery,
  response: spaceListDto,
  handler: ({ query, locale }) => listSpaces(query, locale),
});

export const getSpaceRoute = defineRoute({
  id: 'getSpace',
  method: 'GET',
  path: '/api/v1/spaces/{id}',
  summary: 'One space with its rules: weekly opening hours and exceptions (Asia/Shanghai), slot length, min/max duration, buffers, notice, advance, cancellation cutoff, approval, check-in, who may book, quotas. Public',
  tags: ['bookings'],
  access: 'public',
  params: spaceIdParams,
  response: spaceDetailDto,
  handler: ({ params, locale }) => getSpace(params.id, locale),
});

export const spaceAvailabilityRoute = defineRoute({
  id: 'getSpaceAvailability',
  method: 'GET',
  path: '/api/v1/spaces/{id}/availability',
  summary: 'The slot grid over [from, to) (ISO instants with offset, at most 31 days): free, taken (a blocking booking’s buffered window meets the slot’s), too_soon or too_far. Expired holds never count. Public, no personal data',
  tags: ['bookings'],
  access: 'public',
  params: spaceIdParams,
  query: availabilityQuery,
  response: availabilityDto,
  handler: ({ params, query }) => spaceAvailability(params.id, query),
});

export const createBookingRoute = defineRoute({
  id: 'createBooking',
  method: 'POST',
  path: '/api/v1/bookings',
  summary:
    'Book { spaceId, startsAt, endsAt, idempotencyKey? } (or the Idempotency-Key header): 201 with the booking (confirmed, or pending where approval is required — a pending request holds its slot). 409 { code: "SLOT_TAKEN", conflict: { startsAt, endsAt } } when the buffered window overlaps a blocking booking (exclusion constraint); a retry with the same key returns the first booking. 400 END_BEFORE_START, OUTSIDE_OPENING_HOURS, OFF_SLOT_GRID, BOOKING_TOO_SHORT, BOOKING_TOO_LONG, NOTICE_TOO_SHORT, TOO_FAR_AHEAD; 409 QUOTA_EXCEEDED; 403 NOT_ELIGIBLE_TO_BOOK. Nothing is written on refusal',
  tags: ['bookings'],
  access: 'bookings.book',
  body: createBookingInput,
  response: bookingDto,
  status: 201,
  maxBodyBytes: 4096,
  handler: async ({ actor, body, req, ip, locale }) => {
    try {
      const r = await createBooking(actor, body, { ip, locale, headerKey: req.headers.get('idempotency-key') });
      return r.booking;
    } catch (err) {
      if (!(err instanceof SlotTakenError)) throw err;
      return slotTaken(err, locale);
    }
  },
});

const SUMMARIES: Record<BookingActionSlug, string> = {
  cancel: 'The booker cancels { reason? }: a confirmed booking until the space’s cancellation cutoff (409 CANCEL_CUTOFF_PASSED after), a pending request until its start. SEQUENCE increases; the feed shows STATUS:CANCELLED',
  approve: 'Staff of the space’s zone approve a pending request (guarded by its stored status: of two concurrent decisions one wins, 409 TRANSITION_NOT_ALLOWED for the other)',
  reject: 'Staff of the space’s zone decline a pending request { reason } (required)',
  confirm: 'The booker accepts a waitlist offer (a hold): it becomes a booking, or a request where approval is required; 409 TRANSITION_NOT_ALLOWED once the offer has lapsed',
  'check-in': 'The booker checks in with the token of the space’s QR code { token }: 400 CHECKIN_WRONG_SPACE for another space’s code, 409 CHECKIN_OUTSIDE_WINDOW outside [start − 15 min, start + grace)',
};

function actionRoute(slug: BookingActionSlug): ApiRouteDef {
  return defineRoute({
    id: `${slug === 'check-in' ? 'checkIn' : slug}Booking`,
    method: 'POST',
    path: `/api/v1/bookings/{id}/${slug}`,
    summary: SUMMARIES[slug],
    tags: ['bookings'],
    access: slug === 'approve' || slug === 'reject' ? 'bookings.manage' : 'bookings.book',
    params: bookingIdParams,
    body: BOOKING_ACTION_INPUTS[slug] as z.ZodType<{ reason?: string; token?: string }>,
    response: bookingDto,
    maxBodyBytes: 2048,
    handler: ({ actor, params, body, ip, locale }) => actOnBooking(actor, params.id, slug, body, { ip, locale }),
  }) as unknown as ApiRouteDef;
}

export const cancelBookingRoute = actionRoute('cancel');
export const approveBookingRoute = actionRoute('approve');
export const rejectBookingRoute = actionRoute('reject');
export const checkInBookingRoute = actionRoute('check-in');
export const confirmBookingRoute = actionRoute('confirm');

export const zoneBookingsRoute = defineRoute({
  id: 'listZoneBookings',
  method: 'GET',
  path: '/api/v1/bookings',
  summary: 'Staff: the pending requests (or upcoming bookings) of the spaces in their own zone, with the booker’s name',
  tags: ['bookings'],
  access: 'bookings.manage',
  query: zoneBookingsQuery,
  response: bookingListDto,
  handler: ({ actor, query, ip, locale }) => zoneBookings(actor, query, { ip, locale }),
});

export const myBookingsRoute = defineRoute({
  id: 'myBookings',
  method: 'GET',
  path: '/api/v1/me/bookings',
  summary: 'My bookings (upcoming, past or all) with their status as of now and whether I may still cancel',
  tags: ['bookings'],
  access: 'bookings.read_own',
  query: myBookingsQuery,
  response: bookingListDto,
  handler: ({ actor, query, ip, locale }) => myBookings(actor, query, { ip, locale }),
});

export const createMyBookingFeedRoute = defineRoute({
  id: 'createMyBookingFeed',
  method: 'POST',
  path: '/api/v1/me/bookings/feed',
  summary: 'Create my secret iCal feed address (shown once); creating a new one revokes the old address',
  tags: ['bookings'],
  access: 'bookings.read_own',
  body: z.strictObject({}),
  response: z.object({ path: z.string() }),
  status: 201,
  maxBodyBytes: 256,
  handler: ({ actor, ip }) => createMyFeed(actor, { ip }),
});

export const personBookingFeedRoute = defineRoute({
  id: 'getBookingFeed',
  method: 'GET',
  path: '/api/v1/calendars/{token}',
  summary: 'A person’s bookings as text/calendar (RFC 5545): stable UID <id>@jingpiao, SEQUENCE increasing on every change, STATUS:CANCELLED for cancelled, declined or lapsed bookings, UTC times. The token (with or without .ics) is the secret; 404 once revoked',
  tags: ['bookings'],
  access: 'public',
  params: z.strictObject({ token: z.string().min(16).max(80) }),
  handler: ({ params, locale }) => personFeed(params.token, locale),
});

export const spaceFeedRoute = defineRoute({
  id: 'getSpaceFeed',
  method: 'GET',
  path: '/api/v1/spaces/{id}/calendar.ics',
  summary: 'A space’s bookings as busy times in text/calendar (no names, no purposes), with the same UID / SEQUENCE / STATUS rules',
  tags: ['bookings'],
  access: 'public',
  params: spaceIdParams,
  handler: ({ params, locale }) => spaceFeed(params.id, locale),
});

/** 409 SLOT_TAKEN with the conflicting window, as the booking route renders it. */
function slotTaken(err: SlotTakenError, locale: Parameters<typeof problemBody>[1]): Response {
  return new Response(JSON.stringify({ ...problemBody('SLOT_TAKEN', locale), conflict: err.conflict }), {
    status: 409,
    headers: { 'content-type': 'application/problem+json; charset=utf-8', 'cache-control': 'no-store', 'content-language': locale },
  });
}

export const listSlotsRoute = defineRoute({
  id: 'listSpaceSlots',
  method: 'GET',
  path: '/api/v1/spaces/{id}/slots',
  summary: 'Capacity slots of a space in [from, to) (kiln firings by the shelf, exhibition visits, workshop seats) with the places left. Public',
  tags: ['bookings'],
  access: 'public',
  params: spaceIdParams,
  query: slotsQuery,
  response: slotListDto,
  handler: ({ params, query, locale }) => listSlots(params.id, query, locale),
});

export const createSlotRoute = defineRoute({
  id: 'createSpaceSlot',
  method: 'POST',
  path: '/api/v1/spaces/{id}/slots',
  summary: 'Staff of the space’s zone open a slot { startsAt, endsAt, capacity, titleZh?, titleEn? }; on a kiln the firing also books the kiln’s buffered window exclusively in the same transaction (409 SLOT_TAKEN when it overlaps)',
  tags: ['bookings'],
  access: 'bookings.manage',
  params: spaceIdParams,
  body: createSlotInput,
  response: slotDto,
  status: 201,
  maxBodyBytes: 2048,
  handler: async ({ actor, params, body, ip, locale }) => {
    try {
      return await createSlot(actor, params.id, body, { ip, locale });
    } catch (err) {
      if (err instanceof SlotTakenError) return slotTaken(err, locale);
      throw err;
    }
  },
});

export const bookSlotRoute = defineRoute({
  id: 'bookSlot',
  method: 'POST',
  path: '/api/v1/slots/{id}/bookings',
  summary: 'Take { quantity } places in a slot: a conditional UPDATE (booked + quantity ≤ capacity) and the reservation in one transaction — exactly capacity places under any concurrency; 409 SLOT_FULL, 409 ALREADY_IN_SLOT (one live reservation per person and slot)',
  tags: ['bookings'],
  access: 'bookings.book',
  params: slotIdParams,
  body: bookSlotInput,
  response: slotBookingDto,
  status: 201,
  maxBodyBytes: 512,
  handler: ({ actor, params, body, ip, locale }) => bookSlot(actor, params.id, body, { ip, locale }),
});

export const cancelSlotBookingRoute = defineRoute({
  id: 'cancelSlotBooking',
  method: 'DELETE',
  path: '/api/v1/slots/{id}/bookings',
  summary: 'Give my places in a slot back (until the space’s cancellation cutoff; 409 CANCEL_CUTOFF_PASSED after)',
  tags: ['bookings'],
  access: 'bookings.book',
  params: slotIdParams,
  response: slotBookingDto,
  handler: ({ actor, params, ip, locale }) => cancelSlotBooking(actor, params.id, { ip, locale }),
});

export const createSeriesRoute = defineRoute({
  id: 'createBookingSeries',
  method: 'POST',
  path: '/api/v1/bookings/series',
  summary:
    'A weekly series { spaceId, startsAt, endsAt, interval, count ≤ 26, mode }: occurrences from an RFC 5545 RRULE (rrule package). all_or_nothing: every occurrence or nothing (the first refusal answers: a rule code, or 409 SLOT_TAKEN with the conflicting window); skip_conflicts: the refused occurrences are listed in `skipped` with their codes',
  tags: ['bookings'],
  access: 'bookings.book',
  body: createSeriesInput,
  response: seriesDto,
  status: 201,
  maxBodyBytes: 4096,
  handler: async ({ actor, body, ip, locale }) => {
    try {
      return await createSeries(actor, body, { ip, locale });
    } catch (err) {
      if (err instanceof SlotTakenError) return slotTaken(err, locale);
      throw err;
    }
  },
});

export const utilisationRoute = defineRoute({
  id: 'getBookingUtilisation',
  method: 'GET',
  path: '/api/v1/bookings/utilisation',
  summary: 'Staff: utilisation of their zone’s spaces over local dates [from, to] (≤ 1 year): booked hours (clipped), opening hours and occupancy, bookings, no-shows and the no-show rate, cancellations — per space and per kind',
  tags: ['bookings'],
  access: 'bookings.manage',
  query: utilisationQuery,
  response: utilisationDto,
  handler: ({ actor, query, ip, locale }) => zoneUtilisation(actor, query, { ip, locale }),
});

export const joinWaitlistRoute = defineRoute({
  id: 'joinWaitlist',
  method: 'POST',
  path: '/api/v1/spaces/{id}/waitlist',
  summary: 'Wait for a window { startsAt, endsAt } (the booking rules apply). When it frees up the first person waiting is offered it as a hold that expires after 30 minutes (race-free: the hold blocks like a booking), then it passes to the next; accept with POST /api/v1/bookings/{id}/confirm. A free window is offered at once',
  tags: ['bookings'],
  access: 'bookings.book',
  params: spaceIdParams,
  body: waitlistInput,
  response: waitlistEntryDto,
  status: 201,
  maxBodyBytes: 1024,
  handler: ({ actor, params, body, ip, locale }) => joinWaitlist(actor, params.id, body, { ip, locale }),
});

export const myWaitlistRoute = defineRoute({
  id: 'myWaitlist',
  method: 'GET',
  path: '/api/v1/me/waitlist',
  summary: 'My waitlist entries (waiting, offered with the offer’s expiry and the held booking, accepted, expired)',
  tags: ['bookings'],
  access: 'bookings.read_own',
  response: z.object({ items: z.array(waitlistEntryDto) }),
  handler: ({ actor, ip, locale }) => myWaitlist(actor, { ip, locale }),
});

export const spaceCheckInCodeRoute = defineRoute({
  id: 'getSpaceCheckInCode',
  method: 'GET',
  path: '/api/v1/spaces/{id}/check-in-code',
  summary: 'Staff of the space’s zone: the secret its check-in QR code carries (token and the page it opens, /spaces/check-in/{token})',
  tags: ['bookings'],
  access: 'bookings.manage',
  params: spaceIdParams,
  response: z.object({ token: z.string(), path: z.string() }),
  handler: ({ actor, params, ip }) => spaceCheckInCode(actor, params.id, { ip }),
});
