import 'server-only';
import { z } from 'zod';
import { defineJob, defineRecurring, subscribe } from '@/lib/jobs/registry';
import { partyTransferTransitioned } from './transfer-events';
import { endOnTransferCompleted, sweepMobileRecords } from './mobile-timers';

/**
 * 流动党员 background work (registered in lib/jobs/domains.ts): the per-record arrival and report timers live in
 * mobile-timers.ts (enqueued by the service); here the daily sweep (missed arrivals, stored lapse flags M10/M11, M16
 * prompts) and the M14 consumer of the transfer's event.
 */

export const mobileSweepJob = defineJob({
  type: 'party.sweep_mobile_records',
  payload: z.object({}).strict(),
  maxAttempts: 3,
  handler: (_p, { db, now }) => sweepMobileRecords(db, now),
});

defineRecurring({ name: 'party.sweep_mobile_records.daily', schedule: { daily: '06:30' }, type: mobileSweepJob.type, payload: {} });

/** M14: a TransferCase completed (T14) → the member's open mobile record ends ENDED_TRANSFERRED. */
subscribe(partyTransferTransitioned, {
  name: 'party.mobile_end_on_transfer',
  handler: async (event, { db, now }) => (event.payload.toState === 'COMPLETED' ? endOnTransferCompleted(db, event.payload.caseId, now) : { ended: false }),
});

export { mobileArrivalJob, mobileReportTimerJob } from './mobile-timers';
