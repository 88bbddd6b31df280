import 'server-only';
import { z } from 'zod';
import { defineRoute, type ApiRouteDef } from '@/lib/api/route';
import type { CaseAction } from './transfer-machine';
import { ACTION_INPUTS, type ActionBody, createTransferInput, incomingTransferInput, letterVerificationDto, transferDto, transferListItem, transferListQuery } from './transfer-schemas';
import { actOnTransfer, createTransfer, getTransfer, listTransfers, registerIncoming, verifyLetter } from './transfers';

/**
 * 组织关系转接 over HTTP (issue 9 §7). Thin: parse, call lib/party/transfers.ts, answer. Each step is its own route
 * (POST /api/v1/party/transfers/{id}/{action}, one route file per action as for policy publish / retire) with its
 * own body and matrix fixture; the coarse gate is `party_transfers.act` and the state machine decides the rest.
 */

const idParams = z.strictObject({ id: z.uuid() });

export const createTransferRoute = defineRoute({
  id: 'createTransfer',
  method: 'POST',
  path: '/api/v1/party/transfers',
  summary: 'Open a transfer case (T1, DRAFT) for a member: the member themselves or their branch secretary',
  tags: ['party'],
  access: 'party_transfers.act',
  body: createTransferInput,
  response: transferDto,
  status: 201,
  handler: ({ actor, body, ip, locale }) => createTransfer(actor, body, { ip, locale }),
});

export const listTransfersRoute = defineRoute({
  id: 'listTransfers',
  method: 'GET',
  path: '/api/v1/party/transfers',
  summary: 'Transfer queue: queue=mine — cases waiting on my organisation, overdue first (org_admin: ORGDEPT_REVIEW and the district committee; a talent: own cases); queue=all — cases touching my subtree',
  tags: ['party'],
  access: 'party_transfers.act',
  query: transferListQuery,
  response: z.object({ items: z.array(transferListItem) }),
  handler: ({ actor, query, ip, locale }) => listTransfers(actor, query.queue, { ip, locale }),
});

export const getTransferRoute = defineRoute({
  id: 'getTransfer',
  method: 'GET',
  path: '/api/v1/party/transfers/{id}',
  summary: 'One transfer case with its event timeline (the verification code only for its parties)',
  tags: ['party'],
  access: 'party_transfers.act',
  params: idParams,
  response: transferDto,
  handler: ({ actor, params, ip, locale }) => getTransfer(actor, params.id, { ip, locale }),
});

export const registerIncomingTransferRoute = defineRoute({
  id: 'registerIncomingTransfer',
  method: 'POST',
  path: '/api/v1/party/transfers/incoming',
  summary: 'Register a letter issued outside the portal (receiving committee or 区委组织部): the case enters at ISSUED, same expiry rule',
  tags: ['party'],
  access: 'party_transfers.act',
  body: incomingTransferInput,
  response: transferDto,
  status: 201,
  handler: ({ actor, body, ip, locale }) => registerIncoming(actor, body, { ip, locale }),
});

const SUMMARIES: Record<CaseAction, string> = {
  submit: 'T2: submit to the sending branch (member or branch)',
  approve: 'T3: the sending branch approves (dues through this month, probation, standing) → issuing committee',
  return: 'T4: a reviewer returns for changes (comment); T12: the receiver returns with a coded reason',
  withdraw: 'T5: the member (or branch) withdraws before the letter is issued',
  escalate: 'T6: the issuing committee sends the case to 区委组织部',
  issue: 'T7: issue the letter {validityDays ≤ 90; default 30 in-province, 90 cross-province}; national flow number recorded, never performed (I4)',
  open: 'T8: the receiving committee registers the letter (LETTER_EXPIRED after expires_at; freezes the expiry clock)',
  hold: 'T9: hold pending a file inquiry (reason)',
  resume: 'T10: resume after the reply',
  accept: 'T11: accept (probation not expired)',
  complete: 'T14: assign the branch {branchId} — the member’s formal branch switches atomically; idempotent',
  receipt: 'T15: the 回执 is returned (issuer records it for a receiver outside the directory)',
  void: 'T18/T13: void the letter {reason} (lost letter, error or 组织部撤销)',
  reissue: 'T13: re-issue after a return (same case); T17: after expiry or loss — a new case linked by predecessorId',
};

function stepRoute(action: CaseAction): ApiRouteDef {
  return defineRoute({
    id: `${action}Transfer`,
    method: 'POST',
    path: `/api/v1/party/transfers/{id}/${action}`,
    summary: SUMMARIES[action],
    tags: ['party'],
    access: 'party_transfers.act',
    params: idParams,
    body: ACTION_INPUTS[action] as z.ZodType<ActionBody>,
    response: transferDto,
    handler: ({ actor, params, body, ip, locale }) => actOnTransfer(actor, params.id, action, body, { ip, locale }),
  }) as unknown as ApiRouteDef;
}

export const submitTransferRoute = stepRoute('submit');
export const approveTransferRoute = stepRoute('approve');
export const returnTransferRoute = stepRoute('return');
export const withdrawTransferRoute = stepRoute('withdraw');
export const escalateTransferRoute = stepRoute('escalate');
export const issueTransferRoute = stepRoute('issue');
export const openTransferRoute = stepRoute('open');
export const holdTransferRoute = stepRoute('hold');
export const resumeTransferRoute = stepRoute('resume');
export const acceptTransferRoute = stepRoute('accept');
export const completeTransferRoute = stepRoute('complete');
export const receiptTransferRoute = stepRoute('receipt');
export const voidTransferRoute = stepRoute('void');
export const reissueTransferRoute = stepRoute('reissue');

export const verifyLetterRoute = defineRoute({
  id: 'verifyLetter',
  method: 'GET',
  path: '/api/v1/verify/letter/{code}',
  summary: 'Public check of a 介绍信 by its QR code: validity, state, masked name and issuing organisation only (rate-limited; unknown code → 404)',
  tags: ['party'],
  access: 'public',
  params: z.strictObject({ code: z.string().min(1).max(128) }),
  response: letterVerificationDto,
  handler: ({ params, ip, locale }) => verifyLetter(params.code, { ip, locale }),
});
