import 'server-only';
import { z } from 'zod';
import { defineRoute } from '@/lib/api/route';
import { accountDto, changePasswordInput, sessionDto, sessionIdParam } from './schemas';
import { changePassword, getAccount, listOwnSessions, revokeOtherSessions, revokeOwnSession } from './service';

export const getMe = defineRoute({
  id: 'getMe',
  method: 'GET',
  path: '/api/v1/me',
  summary: 'The signed-in account (phone masked)',
  tags: ['account'],
  access: 'account.read',
  response: accountDto,
  handler: ({ actor, locale }) => getAccount(actor, locale),
});

export const changeMyPassword = defineRoute({
  id: 'changeMyPassword',
  method: 'POST',
  path: '/api/v1/me/password',
  summary: 'Change the password (requires the current one); ends every other session',
  tags: ['account'],
  access: 'account.update',
  body: changePasswordInput,
  status: 204,
  async handler({ actor, body, ip }) {
    await changePassword(actor, body, ip);
    return new Response(null, { status: 204 });
  },
});

export const listMySessions = defineRoute({
  id: 'listMySessions',
  method: 'GET',
  path: '/api/v1/me/sessions',
  summary: 'Active sessions of the signed-in account',
  tags: ['account'],
  access: 'sessions.read_own',
  response: z.object({ items: z.array(sessionDto) }),
  handler: async ({ actor }) => ({ items: await listOwnSessions(actor) }),
});

export const revokeMyOtherSessions = defineRoute({
  id: 'revokeMyOtherSessions',
  method: 'DELETE',
  path: '/api/v1/me/sessions',
  summary: 'End every session except the current one',
  tags: ['account'],
  access: 'sessions.revoke_own',
  response: z.object({ revoked: z.number().int() }),
  handler: async ({ actor, ip }) => ({ revoked: await revokeOtherSessions(actor, ip) }),
});

export const revokeMySession = defineRoute({
  id: 'revokeMySession',
  method: 'DELETE',
  path: '/api/v1/me/sessions/{id}',
  summary: 'End one of my sessions',
  tags: ['account'],
  access: 'sessions.revoke_own',
  params: sessionIdParam,
  status: 204,
  async handler({ actor, params, ip }) {
    await revokeOwnSession(actor, params.id, ip);
    return new Response(null, { status: 204 });
  },
});
