import 'server-only';
import { z } from 'zod';
import { defineRoute } from '@/lib/api/route';
import { getMyReports, getReportInbox, reviewReport, submitReport } from './reports';
import { myReportsDto, reportDto, reportInboxDto, reportInboxQuery, reportReviewInput, submitReportInput, submitReportResult } from './reports-schemas';

/** Periodic reports over HTTP (issue 10 §4, §7): thin routes over lib/party/reports.ts, which authorizes and audits. */

export const submitPartyReportRoute = defineRoute({
  id: 'submitPartyReport',
  method: 'POST',
  path: '/api/v1/party/reports',
  summary:
    'The member submits an annual 情况汇报 (period YYYY) or a 思想汇报 (YYYY-Qn) → { id, toOrgId }. Always routed to the member’s formal (流出地) organisation, never the 流入地; naming another toOrgId → 400 WRONG_REPORT_ORG; a second annual report for the year → 409 REPORT_EXISTS. Content is encrypted (S1)',
  tags: ['party'],
  access: 'party_reports.submit_own',
  body: submitReportInput,
  response: submitReportResult,
  status: 201,
  maxBodyBytes: 96 * 1024,
  handler: ({ actor, body, ip }) => submitReport(actor, body, { ip }),
});

export const getPartyReportInboxRoute = defineRoute({
  id: 'getPartyReportInbox',
  method: 'GET',
  path: '/api/v1/party/reports',
  summary:
    'The home branch’s inbox: reports addressed to the secretary’s own organisation (the 区委组织部: any, by default all — it relays those addressed to organisations outside the portal). Content decrypted; every read audited',
  tags: ['party'],
  access: 'party_reports.review',
  query: reportInboxQuery,
  response: reportInboxDto,
  handler: ({ actor, query, ip, locale }) => getReportInbox(actor, query, { ip, locale }),
});

export const reviewPartyReportRoute = defineRoute({
  id: 'reviewPartyReport',
  method: 'POST',
  path: '/api/v1/party/reports/{id}/review',
  summary: 'The home branch reviews a report once, with a note (encrypted); 409 CONFLICT when already reviewed',
  tags: ['party'],
  access: 'party_reports.review',
  params: z.strictObject({ id: z.uuid() }),
  body: reportReviewInput,
  response: reportDto,
  maxBodyBytes: 8192,
  handler: ({ actor, params, body, ip, locale }) => reviewReport(actor, params.id, body, { ip, locale }),
});

export const getMyPartyReportsRoute = defineRoute({
  id: 'getMyPartyReports',
  method: 'GET',
  path: '/api/v1/me/party/reports',
  summary: '我的汇报: my reports with their reviews, where they go (my formal organisation) and whether this year’s annual report is due (null without a linked record)',
  tags: ['party'],
  access: 'party_reports.submit_own',
  response: myReportsDto.nullable(),
  handler: ({ actor, ip, locale }) => getMyReports(actor, { ip, locale }),
});
