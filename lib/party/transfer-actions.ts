'use server';

import { z } from 'zod';
import { createAction } from '@/lib/actions/create-action';
import { ACTION_INPUTS, caseAction, createTransferInput, incomingTransferInput } from './transfer-schemas';
import { actOnTransfer, createTransfer, registerIncoming } from './transfers';

/**
 * 组织关系转接 from the pages: thin actions over lib/party/transfers.ts (which authorizes and runs the state machine),
 * the same service the API routes call. One action for every step: `{ id, action, ...body }`, the body checked
 * against that step's schema (transfer-schemas.ts ACTION_INPUTS).
 */

const REVALIDATE = ['/party/transfers', '/my-party'];

export const createTransferAction = createAction({
  name: 'partyTransfers.create',
  input: createTransferInput,
  access: 'party_transfers.act',
  run: async (input, { actor, locale, ip }) => {
    const c = await createTransfer(actor, input, { ip, locale });
    return { id: c.id, state: c.state };
  },
  revalidate: REVALIDATE,
});

const stepInput = z
  .looseObject({ id: z.uuid(), action: caseAction })
  .transform((v, ctx) => {
    const { id, action, ...rest } = v;
    const body = ACTION_INPUTS[action].safeParse(rest);
    if (!body.success) {
      for (const issue of body.error.issues) ctx.addIssue({ ...issue, path: issue.path } as never);
      return z.NEVER;
    }
    return { id, action, body: body.data as Record<string, unknown> };
  });

export const transferStepAction = createAction({
  name: 'partyTransfers.step',
  input: stepInput,
  access: 'party_transfers.act',
  run: async ({ id, action, body }, { actor, locale, ip }) => {
    const c = await actOnTransfer(actor, id, action, body, { ip, locale });
    return { id: c.id, state: c.state };
  },
  revalidate: REVALIDATE,
});

export const registerIncomingTransferAction = createAction({
  name: 'partyTransfers.registerIncoming',
  input: incomingTransferInput,
  access: 'party_transfers.act',
  run: async (input, { actor, locale, ip }) => {
    const c = await registerIncoming(actor, input, { ip, locale });
    return { id: c.id, state: c.state };
  },
  revalidate: REVALIDATE,
});
