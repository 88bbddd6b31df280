import 'server-only';
import { z } from 'zod';
import { defineRoute } from '@/lib/api/route';
import { getCollection, getMemberDues, getMyDues, quotePublic, recordDuesPayment } from './dues';
import { collectionDto, collectionQuery, duesQuoteDto, duesQuoteQuery, memberDuesDto, paymentDto, recordPaymentInput } from './dues-schemas';

/** 党费 over HTTP (issue 10 §3, §7): thin routes over lib/party/dues.ts, which authorizes and audits. */

export const quotePartyDuesRoute = defineRoute({
  id: 'quotePartyDues',
  method: 'GET',
  path: '/api/v1/party/dues/quote',
  summary:
    '党费计算器 (中组发〔2008〕3号): { base, rate, monthlyAmount } as decimal strings, rounded to 0.01 元 half-up; public, rate-limited, stores nothing. Amounts: digits with at most 2 decimals (1e3, 12.345, negatives → 400); self_employed needs quarterIncomes=a,b,c',
  tags: ['party'],
  access: 'public',
  query: duesQuoteQuery,
  response: duesQuoteDto,
  handler: ({ query, ip }) => quotePublic(query, { ip }),
});

export const recordDuesPaymentRoute = defineRoute({
  id: 'recordDuesPayment',
  method: 'POST',
  path: '/api/v1/party/dues/payments',
  summary:
    'Record one month of dues at the formal branch or the 流入地 (第九条). 409 DUES_MONTH_PAID for a month already paid at either end (or before the ledger); 400 BACKPAY_TOO_OLD more than 6 months back; at most 3 months ahead; amount ≥ the month’s due (more = voluntary extra)',
  tags: ['party'],
  access: 'party_dues.record',
  body: recordPaymentInput,
  response: paymentDto,
  status: 201,
  maxBodyBytes: 4096,
  handler: ({ actor, body, ip, locale }) => recordDuesPayment(actor, body, { ip, locale }),
});

export const getDuesCollectionRoute = defineRoute({
  id: 'getDuesCollection',
  method: 'GET',
  path: '/api/v1/party/dues',
  summary: 'A month’s collection for an organisation (default: mine, this month): its formal and accepted mobile members, paid or not, and the exact total paid to it',
  tags: ['party'],
  access: 'party_dues.read',
  query: collectionQuery,
  response: collectionDto,
  handler: ({ actor, query, ip, locale }) => getCollection(actor, query, { ip, locale }),
});

export const getMemberDuesRoute = defineRoute({
  id: 'getMemberDues',
  method: 'GET',
  path: '/api/v1/party/members/{id}/dues',
  summary:
    'A member’s dues ledger by month with the collecting organisation, what is owed and the paid-through month (audited). Amounts for the formal branch and 组织部; a 流入地 secretary sees amounts only for months paid to their organisation',
  tags: ['party'],
  access: 'party_dues.read',
  params: z.strictObject({ id: z.uuid() }),
  response: memberDuesDto,
  handler: ({ actor, params, ip, locale }) => getMemberDues(actor, params.id, { ip, locale }),
});

export const getMyDuesRoute = defineRoute({
  id: 'getMyDues',
  method: 'GET',
  path: '/api/v1/me/party/dues',
  summary: '我的党费: my monthly amount and how it is computed, what I owe, and my ledger with where each month was paid (null without a linked record)',
  tags: ['party'],
  access: 'party_record.read_own',
  response: memberDuesDto.nullable(),
  handler: ({ actor, ip, locale }) => getMyDues(actor, { ip, locale }),
});
