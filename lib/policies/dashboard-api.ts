import 'server-only';
import { defineRoute } from '@/lib/api/route';
import { zoneDashboard, zoneDashboardCsv } from './dashboard';
import { dashboardParams, dashboardQuery, zoneDashboardDto } from './dashboard-schemas';

/** The zone staff dashboard over HTTP (issue 13 §1): thin routes over lib/policies/dashboard.ts, which authorizes by zone. */

export const getZoneDashboardRoute = defineRoute({
  id: 'getZoneDashboard',
  method: 'GET',
  path: '/api/v1/zones/{code}/dashboard',
  summary:
    '数据看板 / zone dashboard over from..to (Jingdezhen calendar days YYYY-MM-DD, both included; default the last 90 days, at most 5 years): registrations by main craft and by district (per day ≤ 31 days, per week ≤ 184, else per month), evidence waiting for verification by age, applications submitted in the period per policy by status, amounts approved per month of the decision (loan / interest ceilings counted apart, never summed), uptake per policy in force (applied ÷ (applied + eligible today without an application)). Counts only. The zone’s own staff; a bad period → 400 VALIDATION_FAILED with a localised message under query.from / query.to',
  tags: ['zones'],
  access: 'zones.read',
  params: dashboardParams,
  query: dashboardQuery,
  response: zoneDashboardDto,
  handler: ({ actor, params, query, ip, locale }) => zoneDashboard(actor, params.code, query, { ip, locale }),
});

export const getZoneDashboardCsvRoute = defineRoute({
  id: 'getZoneDashboardCsv',
  method: 'GET',
  path: '/api/v1/zones/{code}/dashboard.csv',
  summary:
    'The same dashboard as CSV (text/csv, UTF-8 with BOM so Excel reads Chinese): one section per chart — a title line, a header, the rows of the chart’s table view — separated by an empty line; labels in the request’s language; text cells starting with = + - @ are prefixed with \' (CSV injection). Same query and errors as the JSON route',
  tags: ['zones'],
  access: 'zones.read',
  params: dashboardParams,
  query: dashboardQuery,
  produces: 'text/csv',
  handler: ({ actor, params, query, ip, locale }) => zoneDashboardCsv(actor, params.code, query, { ip, locale }),
});
