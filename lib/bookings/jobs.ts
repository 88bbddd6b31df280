import 'server-only';
import { z } from 'zod';
import { defineJob, defineRecurring } from '@/lib/jobs/registry';
import { sweepBookings } from './timers';

/** Booking timers (registered in lib/jobs/domains.ts): one sweep every five minutes (reads derive the same statuses in between), each occurrence queued once by key. */
export const bookingSweepJob = defineJob({
  type: 'bookings.sweep',
  payload: z.object({}).strict(),
  maxAttempts: 3,
  handler: (_p, { db, now }) => sweepBookings(db, now),
});

defineRecurring({ name: 'bookings.sweep.every_5_minutes', schedule: { everyMs: 5 * 60_000 }, type: bookingSweepJob.type, payload: {} });
