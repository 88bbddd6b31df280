import 'server-only';
import { z } from 'zod';
import { defineRoute, type ApiRouteDef } from '@/lib/api/route';
import { actOnMobileRecord, checkInTarget, createMobileRecord, endMine, getMobileRecord, getMyMobile, listMobileRecords, reportMine } from './mobile';
import { checkInTargetDto, createMobileInput, endInput, MOBILE_ACTION_INPUTS, mobileListDto, mobileListQuery, mobileRecordDto, myMobileDto, reportInput, type MobileSlug } from './mobile-schemas';

/**
 * 流动党员 over HTTP (issue 10 §1, §7). Thin: parse, call lib/party/mobile.ts (which authorizes, runs the state machine
 * and audits), answer. One route file per action, each with its own body and matrix fixture.
 */

const idParams = z.strictObject({ id: z.uuid() });

export const createMobileRecordRoute = defineRoute({
  id: 'createMobileRecord',
  method: 'POST',
  path: '/api/v1/party/mobile-records',
  summary:
    'M1 outflow registration by the 流出地: the secretary of the member’s formal branch, or the 区委组织部 for a 流出地 outside the portal (nationalFlowRef required then). NORMAL 党籍; one open record per member (409 OPEN_RECORD_EXISTS). M2 happens on the arrival date (now if past): report due at arrival + 30 days',
  tags: ['party'],
  access: 'party_mobile.register',
  body: createMobileInput,
  response: mobileRecordDto,
  status: 201,
  maxBodyBytes: 8192,
  handler: ({ actor, body, ip, locale }) => createMobileRecord(actor, body, { ip, locale }),
});

export const listMobileRecordsRoute = defineRoute({
  id: 'listMobileRecords',
  method: 'GET',
  path: '/api/v1/party/mobile-records',
  summary: 'Mobile records in the caller’s scope (reported to / accepted into the subtree, expected there after a redirect, or whose 流出地 is in it; 组织部: all), lapse flags derived on read; filters tab, state, flag. Audited',
  tags: ['party'],
  access: 'party_mobile.read',
  query: mobileListQuery,
  response: mobileListDto,
  handler: ({ actor, query, ip, locale }) => listMobileRecords(actor, query, { ip, locale }),
});

export const getMobileRecordRoute = defineRoute({
  id: 'getMobileRecord',
  method: 'GET',
  path: '/api/v1/party/mobile-records/{id}',
  summary: 'One mobile record: state (LAPSE_WATCH when INFLOW_ACTIVE with flags), lapseFlags derived on read, inflow organisation and branch, events. The 流入地 never sees the ID number. Audited',
  tags: ['party'],
  access: 'party_mobile.read',
  params: idParams,
  response: mobileRecordDto,
  handler: ({ actor, params, ip, locale }) => getMobileRecord(actor, params.id, { ip, locale }),
});

const SUMMARIES: Record<MobileSlug, string> = {
  report: 'M3 报到 by the member {orgId | qrToken}: the organisation must be ACTIVE and in the portal; a rotated, unknown or dissolved organisation’s token → 404 QR_TOKEN_INVALID, nothing written',
  redirect: 'M5 by the 流入地 secretary {reason, suggestedOrgId}: back to AWAITING_REPORT, off this branch’s list; reason required (400)',
  accept: 'M4 by the 流入地 secretary (the reported organisation or its parent committee) {branchId in their subtree}: one acceptance per record (409 ALREADY_ACCEPTED); no vote at this branch',
  'lost-contact': 'M12 {basisDate, searchActions[{date, method, result}]}: ≥ 6 months since the last org life / dues / contact; opens the LostContactCase for the 流出地 (search actions encrypted)',
  restore: 'M13 by the 流出地 {note}: back to INFLOW_ACTIVE (or AWAITING_REPORT if never accepted)',
  end: 'M15 {reason: returned | moved_on, note}',
  'card-review': 'M9 活动证年审 by either end',
  'confirm-outflow': 'M1′ the 流出地 confirms a walk-in {nationalFlowRef?, cardNo?}',
};

function stepRoute(slug: MobileSlug): ApiRouteDef {
  return defineRoute({
    id: `${slug.replace(/-(\w)/g, (_m, c: string) => c.toUpperCase())}MobileRecord`,
    method: 'POST',
    path: `/api/v1/party/mobile-records/{id}/${slug}`,
    summary: SUMMARIES[slug],
    tags: ['party'],
    access: slug === 'report' ? 'party_mobile.report_own' : 'party_mobile.act',
    params: idParams,
    body: MOBILE_ACTION_INPUTS[slug] as z.ZodType<Record<string, unknown>>,
    response: mobileRecordDto,
    maxBodyBytes: 16384,
    handler: ({ actor, params, body, ip, locale }) => actOnMobileRecord(actor, params.id, slug, body, { ip, locale }),
  }) as unknown as ApiRouteDef;
}

export const reportMobileRecordRoute = stepRoute('report');
export const redirectMobileRecordRoute = stepRoute('redirect');
export const acceptMobileRecordRoute = stepRoute('accept');
export const lostContactMobileRecordRoute = stepRoute('lost-contact');
export const restoreMobileRecordRoute = stepRoute('restore');
export const endMobileRecordRoute = stepRoute('end');
export const cardReviewMobileRecordRoute = stepRoute('card-review');
export const confirmOutflowMobileRecordRoute = stepRoute('confirm-outflow');

export const getMyMobileRecordRoute = defineRoute({
  id: 'getMyMobileRecord',
  method: 'GET',
  path: '/api/v1/me/party/mobile-record',
  summary: 'My mobile record (where I report, state, contact, lapse flags explained) and the organisations I may report to',
  tags: ['party'],
  access: 'party_mobile.report_own',
  response: myMobileDto,
  handler: ({ actor, ip, locale }) => getMyMobile(actor, { ip, locale }),
});

export const reportMineRoute = defineRoute({
  id: 'reportMyMobileRecord',
  method: 'POST',
  path: '/api/v1/me/party/mobile-record/report',
  summary: '报到 {orgId | qrToken}: on my open record (M3), or a walk-in (M1′, straight to REPORT_SUBMITTED; the 流出地 is notified to confirm). QR_TOKEN_INVALID for a rotated or dissolved organisation’s token',
  tags: ['party'],
  access: 'party_mobile.report_own',
  body: reportInput,
  response: mobileRecordDto,
  maxBodyBytes: 2048,
  handler: ({ actor, body, ip, locale }) => reportMine(actor, body, { ip, locale }),
});

export const endMineRoute = defineRoute({
  id: 'endMyMobileRecord',
  method: 'POST',
  path: '/api/v1/me/party/mobile-record/end',
  summary: 'M15 by the member {reason: returned | moved_on, note}',
  tags: ['party'],
  access: 'party_mobile.report_own',
  body: endInput,
  response: mobileRecordDto,
  maxBodyBytes: 2048,
  handler: ({ actor, body, ip, locale }) => endMine(actor, body, { ip, locale }),
});

export const checkInTargetRoute = defineRoute({
  id: 'getMobileCheckInTarget',
  method: 'GET',
  path: '/api/v1/me/party/check-in/{token}',
  summary: 'What an organisation’s QR code opens: the organisation and my situation there (report, walk-in, already accepted …); 404 QR_TOKEN_INVALID for a rotated, unknown or dissolved organisation’s token',
  tags: ['party'],
  access: 'party_mobile.report_own',
  params: z.strictObject({ token: z.string().min(1).max(128) }),
  response: checkInTargetDto,
  handler: ({ actor, params, ip, locale }) => checkInTarget(actor, params.token, { ip, locale }),
});
