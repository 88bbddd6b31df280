import 'server-only';
import { z } from 'zod';
import { defineRoute } from '@/lib/api/route';
import { checkIn, confirmAttendance, createActivity, getActivity, getCheckInView, getMyAttendance, listActivities, recordAttendance } from './activities';
import {
  activityDto,
  activityListDto,
  activityListQuery,
  activitySummaryDto,
  attendanceDto,
  checkInInput,
  checkInViewDto,
  createActivityInput,
  myAttendanceDto,
  recordAttendanceInput,
} from './activities-schemas';

/** Organisational life over HTTP (issue 10 §2, §7): thin routes over lib/party/activities.ts, which authorizes and audits. */

const idParams = z.strictObject({ id: z.uuid() });

export const createPartyActivityRoute = defineRoute({
  id: 'createPartyActivity',
  method: 'POST',
  path: '/api/v1/party/activities',
  summary: 'Create an organisational-life activity (支部党员大会, 支委会, 党小组会, 党课, 主题党日, 组织生活会, 民主评议, 谈心谈话) for an ACTIVE organisation: its secretary or the 区委组织部; a 临时党支部 puts nothing to a vote',
  tags: ['party'],
  access: 'party_activities.manage',
  body: createActivityInput,
  response: activitySummaryDto,
  status: 201,
  maxBodyBytes: 4096,
  handler: ({ actor, body, ip, locale }) => createActivity(actor, body, { ip, locale }),
});

export const listPartyActivitiesRoute = defineRoute({
  id: 'listPartyActivities',
  method: 'GET',
  path: '/api/v1/party/activities',
  summary: 'Activities in the caller’s scope (an organisation, or the secretary’s subtree; the 组织部: all), newest first, with confirmed and pending attendance counts; default window: a year back to half a year ahead',
  tags: ['party'],
  access: 'party_activities.read',
  query: activityListQuery,
  response: activityListDto,
  handler: ({ actor, query, ip, locale }) => listActivities(actor, query, { ip, locale }),
});

export const getPartyActivityRoute = defineRoute({
  id: 'getPartyActivity',
  method: 'GET',
  path: '/api/v1/party/activities/{id}',
  summary:
    'An activity with its attendance (relation FORMAL | MOBILE, mayVote, countsForQuorum, method, confirmed) and the quorum of voting members: 应到 = NORMAL 正式党员 of this organisation (预备党员 have no vote), 实到 = those present, reached when 实到 × 2 > 应到; mobile attendees listed apart (不计入法定人数、无表决权). Audited',
  tags: ['party'],
  access: 'party_activities.read',
  params: idParams,
  response: activityDto,
  handler: ({ actor, params, ip, locale }) => getActivity(actor, params.id, { ip, locale }),
});

export const recordPartyAttendanceRoute = defineRoute({
  id: 'recordPartyAttendance',
  method: 'POST',
  path: '/api/v1/party/activities/{id}/attendance',
  summary:
    'The secretary records (and confirms) a member’s attendance; the relation is computed (FORMAL: formal organisation here; MOBILE: accepted 流动党员), anyone else → 400 VALIDATION_FAILED. mayVote: true for a mobile member or a 预备党员 → 400 MAY_NOT_VOTE, nothing written. Idempotent; confirms a pending self check-in; moves last_org_life_date forward',
  tags: ['party'],
  access: 'party_activities.manage',
  params: idParams,
  body: recordAttendanceInput,
  response: attendanceDto,
  maxBodyBytes: 2048,
  handler: ({ actor, params, body, ip }) => recordAttendance(actor, params.id, body, { ip }),
});

export const confirmPartyAttendanceRoute = defineRoute({
  id: 'confirmPartyAttendance',
  method: 'POST',
  path: '/api/v1/party/activities/{id}/attendance/{memberId}/confirm',
  summary: 'The branch confirms a member’s self check-in (idempotent); moves the member’s last_org_life_date forward to the activity’s date',
  tags: ['party'],
  access: 'party_activities.manage',
  params: z.strictObject({ id: z.uuid(), memberId: z.uuid() }),
  response: attendanceDto,
  handler: ({ actor, params, ip }) => confirmAttendance(actor, params.id, params.memberId, { ip }),
});

export const checkInPartyActivityRoute = defineRoute({
  id: 'checkInPartyActivity',
  method: 'POST',
  path: '/api/v1/me/party/activities/{id}/check-in',
  summary:
    'The member checks in on the activity’s day: with the organisation’s current QR token (method qr; a rotated token or a dissolved organisation’s → 404 QR_TOKEN_INVALID) or online. Unconfirmed until the branch confirms; a repeated check-in returns the existing row',
  tags: ['party'],
  access: 'party_activities.attend_own',
  params: idParams,
  body: checkInInput.optional(),
  response: attendanceDto,
  maxBodyBytes: 1024,
  handler: ({ actor, params, body, ip }) => checkIn(actor, params.id, body ?? {}, { ip }),
});

export const getMyPartyActivityRoute = defineRoute({
  id: 'getMyPartyActivity',
  method: 'GET',
  path: '/api/v1/me/party/activities/{id}',
  summary: 'An activity of one of my organisations as the check-in page shows it (my relation, whether check-in is open today, my check-in)',
  tags: ['party'],
  access: 'party_activities.attend_own',
  params: idParams,
  query: z.strictObject({ token: z.string().trim().min(8).max(128).optional() }),
  response: checkInViewDto,
  handler: ({ actor, params, query, ip, locale }) => getCheckInView(actor, params.id, query.token, { ip, locale }),
});

export const getMyPartyAttendanceRoute = defineRoute({
  id: 'getMyPartyAttendance',
  method: 'GET',
  path: '/api/v1/me/party/activities',
  summary: '我的组织生活: my attendance (newest first), my last organisational life and today’s activities I may check in to (null without a linked record)',
  tags: ['party'],
  access: 'party_activities.attend_own',
  response: myAttendanceDto.nullable(),
  handler: ({ actor, ip, locale }) => getMyAttendance(actor, { ip, locale }),
});
