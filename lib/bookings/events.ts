import { z } from 'zod';
import { defineEvent } from '@/lib/events';

/**
 * A window of a space was given back (a booking cancelled or declined): recorded in that transaction (ADR 011 outbox);
 * the waitlist consumer (lib/bookings/jobs.ts) offers it to the first person waiting. Ids only.
 */
export const bookingReleased = defineEvent('bookings.slot_released', 'space', z.object({ spaceId: z.uuid(), bookingId: z.uuid() }));
