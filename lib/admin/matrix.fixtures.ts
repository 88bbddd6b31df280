/** Permission-matrix fixtures: user and session administration (harness: tests/helpers/matrix.ts). */
import { sessionIdOf, type Fixture } from '@/tests/helpers/matrix-fixtures';

const newUserBody = () => ({ displayName: '新同事', email: `new-${Math.random().toString(36).slice(2)}@test.local`, role: 'zone_staff', zoneCode: 'jkq', password: 'Glaze-Kiln-2026!' });

export const routeFixtures: Record<string, Fixture> = {
  adminListUsers: async () => ({ query: { role: 'talent' } }),
  adminCreateUser: async () => ({ body: newUserBody() }),
  adminGetUser: async (ctx) => ({ params: { id: ctx.stranger.id } }),
  adminUpdateUser: async (ctx) => ({ params: { id: ctx.stranger.id }, body: { displayName: '改名' } }),
  adminListUserSessions: async (ctx) => ({ params: { id: ctx.stranger.id } }),
  adminRevokeSession: async (ctx) => ({ params: { id: await sessionIdOf(ctx.db, ctx.stranger) } }),
};

export const actionFixtures: Record<string, Fixture> = {
  'admin.createUser': async () => ({ input: newUserBody() }),
  'admin.updateUser': async (ctx) => ({ input: { id: ctx.stranger.id, patch: { displayName: '改名' } } }),
  'admin.revokeSession': async (ctx) => ({ input: { id: await sessionIdOf(ctx.db, ctx.stranger) } }),
};
