import { z } from 'zod';
import { defineEvent } from '@/lib/events';
import { TRANSFER_ACTIONS, TRANSFER_STATES } from './transfer-machine';

/**
 * A TransferCase moved (issue 9 §3): recorded in the transition's transaction (ADR 011 outbox) beside the append-only
 * transfer_events row; the consumer in transfer-jobs.ts notifies the member and the organisation now holding the case.
 * Ids and states only: consumers re-read the case.
 */
export const partyTransferTransitioned = defineEvent(
  'party.transfer_transitioned',
  'transfer_case',
  z.object({
    caseId: z.uuid(),
    seq: z.number().int().positive(),
    action: z.enum(TRANSFER_ACTIONS),
    fromState: z.enum(TRANSFER_STATES).nullable(),
    toState: z.enum(TRANSFER_STATES),
    handlerOrgId: z.uuid().nullable(),
  }),
);
