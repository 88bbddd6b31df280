/** Permission-matrix fixtures: zones (harness: tests/helpers/matrix.ts). */
import { scoped, zoneFor, type Fixture } from '@/tests/helpers/matrix-fixtures';

export const routeFixtures: Record<string, Fixture> = {
  getZone: scoped(async (ctx) => ({ params: { code: zoneFor(ctx) }, resource: { zoneCode: zoneFor(ctx) } })),
};
