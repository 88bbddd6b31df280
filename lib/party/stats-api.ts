import 'server-only';
import { defineRoute } from '@/lib/api/route';
import { getDistrictCsv, getDistrictStats, getStatsOverview } from './stats';
import { districtCsvQuery, districtDto, districtQuery, overviewDto, overviewQuery } from './stats-schemas';

/** 流动党员 statistics over HTTP (issue 10 §6): thin routes over lib/party/stats.ts, which authorizes and audits. */

export const getPartyStatsOverviewRoute = defineRoute({
  id: 'getPartyStatsOverview',
  method: 'GET',
  path: '/api/v1/party/stats/overview',
  summary:
    'The secretary’s dashboard for an organisation’s subtree (default: mine; the 组织部 may pass any orgId): awaiting 报到 (REPORT_SUBMITTED here, AWAITING_REPORT expected here or our members away), overdue (REPORT flag), lapse watch with flags derived on read, attendance this month (activities held, formal 应到 / 实到 and rate, mobile attendees), dues this month (paid / unpaid, exact total collected as a decimal string). Another organisation’s orgId → 403. Audited (names)',
  tags: ['party'],
  access: 'party_stats.read',
  query: overviewQuery,
  response: overviewDto,
  handler: ({ actor, query, ip, locale }) => getStatsOverview(actor, query, { ip, locale }),
});

export const getPartyStatsDistrictRoute = defineRoute({
  id: 'getPartyStatsDistrict',
  method: 'GET',
  path: '/api/v1/party/stats/district',
  summary:
    'The 区委组织部’s district view over from..to (YYYY-MM, default the last 12 months, at most 36): open mobile records by the 流出地’s province and by branch, 报到 rate (accepted ÷ registered, by month of registration), records on lapse watch at each month’s end (by flag), lost contact now and cases opened by month. 组织部 only',
  tags: ['party'],
  access: 'party_stats.district',
  query: districtQuery,
  response: districtDto,
  handler: ({ actor, query, ip, locale }) => getDistrictStats(actor, query, { ip, locale }),
});

export const getPartyStatsDistrictCsvRoute = defineRoute({
  id: 'getPartyStatsDistrictCsv',
  method: 'GET',
  path: '/api/v1/party/stats/district/csv',
  summary: 'One district series (province | branch | report-rate | lapse | lost-contact) as CSV (UTF-8 with BOM), the figures of the chart’s table view. 组织部 only',
  tags: ['party'],
  access: 'party_stats.district',
  query: districtCsvQuery,
  handler: ({ actor, query, ip, locale }) => getDistrictCsv(actor, query, { ip, locale }),
});
