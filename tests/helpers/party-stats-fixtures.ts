/**
 * Permission-matrix fixtures for the 流动党员 statistics (spread into lib/party/matrix.fixtures.ts). Overview: own
 * variant the caller's organisation, other variant an organisation outside the caller's subtree (the secretary is
 * refused, the 组织部 allowed). The district view and its CSV are the 组织部's (party_stats.district).
 */
import { orgPath } from '@/db/seed-data';
import { orgFor, scoped, type Fixture } from './matrix-fixtures';

export const statsRouteFixtures: Record<string, Fixture> = {
  getPartyStatsOverview: scoped(async (ctx) => ({ query: { orgId: orgFor(ctx) }, resource: { orgPath: orgPath(orgFor(ctx)) } })),
  getPartyStatsDistrict: async () => ({ query: {} }),
  getPartyStatsDistrictCsv: async () => ({ query: { series: 'branch' } }),
};
