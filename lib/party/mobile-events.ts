import { z } from 'zod';
import { defineEvent } from '@/lib/events';
import { MOBILE_ACTIONS, MOBILE_STATES } from './mobile-machine';

/**
 * A MobileRecord moved (issue 10 §1): recorded in the transition's transaction (ADR 011 outbox) beside the append-only
 * party_mobile_events row, for dashboards and other domains. Ids and states only: consumers re-read the record.
 */
export const partyMobileTransitioned = defineEvent(
  'party.mobile_transitioned',
  'party_mobile_record',
  z.object({
    recordId: z.uuid(),
    seq: z.number().int().positive(),
    action: z.enum(MOBILE_ACTIONS),
    fromState: z.enum(MOBILE_STATES).nullable(),
    toState: z.enum(MOBILE_STATES),
  }),
);
