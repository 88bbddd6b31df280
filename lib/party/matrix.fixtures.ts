/** Permission-matrix fixtures: Party organisations (harness: tests/helpers/matrix.ts). */
import { orgPath } from '@/db/seed-data';
import { orgFor, scoped, type Fixture } from '@/tests/helpers/matrix-fixtures';

export const routeFixtures: Record<string, Fixture> = {
  listPartyOrgs: async () => ({}),
  getPartyOrg: scoped(async (ctx) => ({ params: { id: orgFor(ctx) }, resource: { orgPath: orgPath(orgFor(ctx)) } })),
};
