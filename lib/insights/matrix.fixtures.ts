/** Permission-matrix fixtures: the zone staff dashboard (routes in lib/policies/dashboard-api.ts; harness: tests/helpers/matrix.ts). */
import { scoped, zoneFor, type Fixture } from '@/tests/helpers/matrix-fixtures';

/** The caller's zone (own variant) or the other zone; a short period so the case stays cheap. */
const dashboardCase = scoped(async (ctx) => ({ params: { code: zoneFor(ctx) }, query: { from: '2026-05-01', to: '2026-06-30' }, resource: { zoneCode: zoneFor(ctx) } }));

export const routeFixtures: Record<string, Fixture> = {
  getZoneDashboard: dashboardCase,
  getZoneDashboardCsv: dashboardCase,
};
