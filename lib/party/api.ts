import 'server-only';
import { z } from 'zod';
import { defineRoute } from '@/lib/api/route';
import { createPartyMember, exportPartyMembers, getMyParty, getPartyMember, listPartyMembers, revealPartyMemberId, setPartyConsent } from './members';
import { recordStatusDecision } from './member-status';
import { createPartyOrg, dissolvePartyOrg, getPartyOrg, listPartyOrgs, rotateQrToken, updatePartyOrg } from './orgs';
import {
  createMemberInput,
  createOrgInput,
  dissolveOrgInput,
  memberDto,
  memberExportQuery,
  memberListItem,
  memberListQuery,
  myPartyDto,
  partyConsentInput,
  partyOrgDto,
  qrTokenDto,
  revealMemberInput,
  statusDecisionDto,
  statusDecisionInput,
  updateOrgInput,
} from './schemas';
import { PARTY_STATUSES } from './enums';

const idParams = z.strictObject({ id: z.uuid() });

// --- organisations -------------------------------------------------------------------------------------------------

export const listPartyOrgsRoute = defineRoute({
  id: 'listPartyOrgs',
  method: 'GET',
  path: '/api/v1/party/orgs',
  summary: 'Party organisations visible to the caller (org_admin: all; branch secretary: own subtree), dissolved ones included',
  tags: ['party'],
  access: 'party_orgs.read',
  response: z.object({ items: z.array(partyOrgDto) }),
  handler: async ({ actor, locale, ip }) => ({ items: await listPartyOrgs(actor, locale, ip) }),
});

export const createPartyOrgRoute = defineRoute({
  id: 'createPartyOrg',
  method: 'POST',
  path: '/api/v1/party/orgs',
  summary: 'Create an organisation under an ACTIVE parent (org_admin); the materialised path is computed from the parent',
  tags: ['party'],
  access: 'party_orgs.manage',
  body: createOrgInput,
  response: partyOrgDto,
  status: 201,
  maxBodyBytes: 8192,
  handler: ({ actor, body, locale, ip }) => createPartyOrg(actor, body, locale, ip),
});

export const getPartyOrgRoute = defineRoute({
  id: 'getPartyOrg',
  method: 'GET',
  path: '/api/v1/party/orgs/{id}',
  summary: 'One Party organisation (within the caller’s scope); the QR token only for those who may rotate it',
  tags: ['party'],
  access: 'party_orgs.read',
  params: idParams,
  response: partyOrgDto,
  handler: ({ actor, params, locale, ip }) => getPartyOrg(actor, params.id, locale, ip),
});

export const updatePartyOrgRoute = defineRoute({
  id: 'updatePartyOrg',
  method: 'PATCH',
  path: '/api/v1/party/orgs/{id}',
  summary: 'Move (parentId: the subtree’s paths are rewritten in one transaction), rename, set flags or the contact point (org_admin)',
  tags: ['party'],
  access: 'party_orgs.manage',
  params: idParams,
  body: updateOrgInput,
  response: partyOrgDto,
  maxBodyBytes: 8192,
  handler: ({ actor, params, body, locale, ip }) => updatePartyOrg(actor, params.id, body, locale, ip),
});

export const dissolvePartyOrgRoute = defineRoute({
  id: 'dissolvePartyOrg',
  method: 'POST',
  path: '/api/v1/party/orgs/{id}/dissolve',
  summary:
    'Dissolve with an approval reference (org_admin). ORG_NOT_EMPTY while members hold their formal relationship there, or while it has active child organisations and no successor (with one, they move under it); open transfers are re-routed to the parent committee',
  tags: ['party'],
  access: 'party_orgs.manage',
  params: idParams,
  body: dissolveOrgInput,
  response: partyOrgDto,
  handler: ({ actor, params, body, locale, ip }) => dissolvePartyOrg(actor, params.id, body, locale, ip),
});

export const rotatePartyOrgQrRoute = defineRoute({
  id: 'rotatePartyOrgQr',
  method: 'POST',
  path: '/api/v1/party/orgs/{id}/qr-token',
  summary: 'Rotate the organisation’s check-in QR token (org_admin, or the organisation’s own secretary); returns the new token',
  tags: ['party'],
  access: 'party_orgs.rotate_qr',
  params: idParams,
  response: qrTokenDto,
  handler: ({ actor, params, ip }) => rotateQrToken(actor, params.id, ip),
});

// --- members -------------------------------------------------------------------------------------------------------

export const listPartyMembersRoute = defineRoute({
  id: 'listPartyMembers',
  method: 'GET',
  path: '/api/v1/party/members',
  summary: 'Members whose formal organisation is in the caller’s scope (masked, paginated, with open alerts); audited with the fields shown',
  tags: ['party'],
  access: 'party_members.read',
  query: memberListQuery,
  response: z.object({ items: z.array(memberListItem), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
  handler: ({ actor, query, locale, ip }) => listPartyMembers(actor, query, locale, ip),
});

export const createPartyMemberRoute = defineRoute({
  id: 'createPartyMember',
  method: 'POST',
  path: '/api/v1/party/members',
  summary: 'Register a member at an ACTIVE branch in the caller’s scope; ID number checked and unique, S1/S2 fields encrypted; linking an account needs its Party consent',
  tags: ['party'],
  access: 'party_members.register',
  body: createMemberInput,
  response: memberDto,
  status: 201,
  maxBodyBytes: 8192,
  handler: ({ actor, body, locale, ip }) => createPartyMember(actor, body, locale, ip),
});

export const exportPartyMembersRoute = defineRoute({
  id: 'exportPartyMembers',
  method: 'GET',
  path: '/api/v1/party/members/export',
  summary: 'The roster in the caller’s scope as CSV (masked, watermarked with exporter and time); purpose and approvalRef required; audited',
  tags: ['party'],
  access: 'party_members.export',
  query: memberExportQuery,
  handler: ({ actor, query, locale, ip }) => exportPartyMembers(actor, query, locale, ip),
});

export const getPartyMemberRoute = defineRoute({
  id: 'getPartyMember',
  method: 'GET',
  path: '/api/v1/party/members/{id}',
  summary: 'One member record (ID number masked, open alerts); every view audited with the fields viewed',
  tags: ['party'],
  access: 'party_members.read',
  params: idParams,
  response: memberDto,
  handler: ({ actor, params, locale, ip }) => getPartyMember(actor, params.id, locale, ip),
});

export const revealPartyMemberRoute = defineRoute({
  id: 'revealPartyMember',
  method: 'POST',
  path: '/api/v1/party/members/{id}/reveal',
  summary: 'The full ID number for a stated reason; audited once with the reason',
  tags: ['party'],
  access: 'party_members.reveal',
  params: idParams,
  body: revealMemberInput,
  response: z.object({ idCardNo: z.string() }),
  handler: ({ actor, params, body, ip }) => revealPartyMemberId(actor, params.id, body.reason, ip),
});

export const recordStatusDecisionRoute = defineRoute({
  id: 'recordPartyStatusDecision',
  method: 'POST',
  path: '/api/v1/party/members/{id}/status',
  summary: 'Record a 党籍 decision made outside the portal (停止党籍, 恢复, 除名, …) with its reference; open transfers of a member leaving NORMAL are voided',
  tags: ['party'],
  access: 'party_members.record_status',
  params: idParams,
  body: statusDecisionInput,
  response: z.object({ partyStatus: z.enum(PARTY_STATUSES), decisions: z.array(statusDecisionDto), voidedTransfers: z.number().int() }),
  handler: ({ actor, params, body, ip }) => recordStatusDecision(actor, params.id, body, ip),
});

// --- my own record -------------------------------------------------------------------------------------------------

export const getMyPartyRoute = defineRoute({
  id: 'getMyParty',
  method: 'GET',
  path: '/api/v1/me/party',
  summary: '我的党组织: my Party consent and, when linked, my own member record with my organisation’s contact point',
  tags: ['party'],
  access: 'party_record.read_own',
  response: myPartyDto,
  handler: ({ actor, locale, ip }) => getMyParty(actor, locale, ip),
});

export const setMyPartyConsentRoute = defineRoute({
  id: 'setMyPartyConsent',
  method: 'PUT',
  path: '/api/v1/me/party/consent',
  summary: 'Grant or withdraw the separate consent (单独同意) for Party data; withdrawing unlinks my account from the record',
  tags: ['party'],
  access: 'party_record.consent_own',
  body: partyConsentInput,
  response: z.object({ granted: z.boolean() }),
  handler: ({ actor, body, ip }) => setPartyConsent(actor, body.granted, ip),
});
