import 'server-only';
import { z } from 'zod';
import { defineJob, defineRecurring, subscribe } from '@/lib/jobs/registry';
import { bookingReleased } from './events';
import { sweepBookings } from './timers';
import { processWaitlist, spacesWithWaitlist } from './waitlist';

/** Booking timers (registered in lib/jobs/domains.ts): one sweep every five minutes (reads derive the same statuses in between), each occurrence queued once by key. */
export const bookingSweepJob = defineJob({
  type: 'bookings.sweep',
  payload: z.object({}).strict(),
  maxAttempts: 3,
  handler: async (_p, { db, now }) => {
    const swept = await sweepBookings(db, now);
    // Lapsed offers pass to the next person waiting.
    let offered = 0;
    for (const spaceId of await spacesWithWaitlist(db)) offered += (await processWaitlist(db, spaceId, now)).offered;
    return { ...swept, offered };
  },
});

defineRecurring({ name: 'bookings.sweep.every_5_minutes', schedule: { everyMs: 5 * 60_000 }, type: bookingSweepJob.type, payload: {} });

/** A freed window (cancelled or declined) is offered to the first person waiting for it. */
subscribe(bookingReleased, {
  name: 'bookings.offer_waitlist',
  handler: (event, { db, now }) => processWaitlist(db, event.payload.spaceId, now),
});
