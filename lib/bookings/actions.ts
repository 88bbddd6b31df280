'use server';

import { z } from 'zod';
import { createAction } from '@/lib/actions/create-action';
import { createMyFeed } from './feeds';
import { actOnBooking, createBooking } from './service';
import { bookSlotInput, checkInInput, createBookingInput, createSlotInput, waitlistInput } from './schemas';
import { joinWaitlist } from './waitlist';
import { bookSlot, createSlot } from './slots';

/**
 * Bookings from the pages: thin actions over lib/bookings/service.ts, the same service the API routes call (which
 * authorizes, checks the rules and lets the exclusion constraint refuse overlaps).
 */

const REVALIDATE = ['/spaces', '/bookings', '/staff/bookings'];

export const bookSpaceAction = createAction({
  name: 'bookings.book',
  input: createBookingInput,
  access: 'bookings.book',
  run: async (input, { actor, locale, ip }) => (await createBooking(actor, input, { ip, locale })).booking,
  revalidate: REVALIDATE,
});

export const cancelBookingAction = createAction({
  name: 'bookings.cancel',
  input: z.strictObject({ id: z.uuid(), reason: z.string().trim().max(300).optional() }),
  access: 'bookings.book',
  run: ({ id, reason }, { actor, locale, ip }) => actOnBooking(actor, id, 'cancel', { reason }, { ip, locale }),
  revalidate: REVALIDATE,
});

export const checkInBookingAction = createAction({
  name: 'bookings.checkIn',
  input: checkInInput.extend({ id: z.uuid() }),
  access: 'bookings.book',
  run: ({ id, token }, { actor, locale, ip }) => actOnBooking(actor, id, 'check-in', { token }, { ip, locale }),
  revalidate: REVALIDATE,
});

const decideInput = z.discriminatedUnion('decision', [
  z.strictObject({ id: z.uuid(), decision: z.literal('approve') }),
  z.strictObject({ id: z.uuid(), decision: z.literal('reject'), reason: z.string().trim().min(1, 'validation.required').max(300) }),
]);

export const decideBookingAction = createAction({
  name: 'bookings.decide',
  input: decideInput,
  access: 'bookings.manage',
  run: (input, { actor, locale, ip }) => actOnBooking(actor, input.id, input.decision, input.decision === 'reject' ? { reason: input.reason } : {}, { ip, locale }),
  revalidate: REVALIDATE,
});

export const createBookingFeedAction = createAction({
  name: 'bookings.createFeed',
  input: z.strictObject({}),
  access: 'bookings.read_own',
  run: (_input, { actor, ip }) => createMyFeed(actor, { ip }),
});

export const bookSlotAction = createAction({
  name: 'bookings.bookSlot',
  input: bookSlotInput.extend({ slotId: z.uuid() }),
  access: 'bookings.book',
  run: ({ slotId, quantity }, { actor, locale, ip }) => bookSlot(actor, slotId, { quantity }, { ip, locale }),
  revalidate: REVALIDATE,
});

/** Accepting a waitlist offer (the hold becomes a booking). */
export const confirmOfferAction = createAction({
  name: 'bookings.confirmOffer',
  input: z.strictObject({ id: z.uuid() }),
  access: 'bookings.book',
  run: ({ id }, { actor, locale, ip }) => actOnBooking(actor, id, 'confirm', {}, { ip, locale }),
  revalidate: REVALIDATE,
});

export const joinWaitlistAction = createAction({
  name: 'bookings.joinWaitlist',
  input: waitlistInput.extend({ spaceId: z.uuid() }),
  access: 'bookings.book',
  run: ({ spaceId, startsAt, endsAt }, { actor, locale, ip }) => joinWaitlist(actor, spaceId, { startsAt, endsAt }, { ip, locale }),
  revalidate: REVALIDATE,
});

export const createSlotAction = createAction({
  name: 'bookings.createSlot',
  input: createSlotInput.extend({ spaceId: z.uuid() }),
  access: 'bookings.manage',
  run: ({ spaceId, ...input }, { actor, locale, ip }) => createSlot(actor, spaceId, input, { ip, locale }),
  revalidate: REVALIDATE,
});
