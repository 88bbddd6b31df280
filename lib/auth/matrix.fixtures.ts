/** Permission-matrix fixtures: sign-in and sign-out over the API (harness: tests/helpers/matrix.ts). */
import { TEST_PASSWORD } from '@/tests/helpers/factories';
import { own, type Fixture } from '@/tests/helpers/matrix-fixtures';

export const routeFixtures: Record<string, Fixture> = {
  authLogin: async (ctx) => ({ body: { login: (ctx.actor ?? ctx.stranger).email, password: TEST_PASSWORD } }),
  authLogout: async (ctx) => ({ resource: own(ctx) }),
};
