'use server';

import { createAction } from '@/lib/actions/create-action';
import { recordDuesPayment } from './dues';
import { recordPaymentInput } from './dues-schemas';

/** 党费 from the pages: the same service as POST /api/v1/party/dues/payments. */
export const recordDuesPaymentAction = createAction({
  name: 'partyDues.recordPayment',
  input: recordPaymentInput,
  access: 'party_dues.record',
  run: async (input, { actor, locale, ip }) => {
    const p = await recordDuesPayment(actor, input, { ip, locale });
    return { id: p.id, month: p.month, paidThrough: p.paidThrough };
  },
  revalidate: ['/party/dues', '/party/members', '/my-party'],
});
