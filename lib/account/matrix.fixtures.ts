/** Permission-matrix fixtures: the caller's own account, password and sessions (harness: tests/helpers/matrix.ts). */
import { own, ownOrStrangerSession, passwordBody, resetPassword, scoped, type Fixture } from '@/tests/helpers/matrix-fixtures';

export const routeFixtures: Record<string, Fixture> = {
  getMe: async (ctx) => ({ resource: own(ctx) }),
  changeMyPassword: async (ctx) => {
    await resetPassword(ctx);
    return { body: passwordBody, resource: own(ctx) };
  },
  listMySessions: async (ctx) => ({ resource: own(ctx) }),
  revokeMyOtherSessions: async (ctx) => ({ resource: own(ctx) }),
  revokeMySession: scoped(async (ctx) => {
    const { id, resource } = await ownOrStrangerSession(ctx);
    return { params: { id }, resource };
  }),
};

export const actionFixtures: Record<string, Fixture> = {
  'account.setLocale': async () => ({ input: { locale: 'en' } }),
  'account.changePassword': async (ctx) => {
    await resetPassword(ctx);
    return { input: passwordBody, resource: own(ctx) };
  },
  'account.revokeSession': scoped(async (ctx) => {
    const { id, resource } = await ownOrStrangerSession(ctx);
    return { input: { id }, resource };
  }),
  'account.revokeOtherSessions': async (ctx) => ({ input: {}, resource: own(ctx) }),
};
