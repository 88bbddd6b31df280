import 'server-only';
import { z } from 'zod';
import { defineRoute } from '@/lib/api/route';
import { sessionDto, sessionIdParam } from '@/lib/account/schemas';
import { adminUserDto, createUserInput, listUsersQuery, updateUserInput, userIdParam, userListDto } from './schemas';
import { createUser, getUser, listUsers, listUserSessions, revokeAnySession, updateUser } from './service';

export const adminListUsers = defineRoute({
  id: 'adminListUsers',
  method: 'GET',
  path: '/api/v1/admin/users',
  summary: 'List accounts (phones masked), filter by role or text, paginated',
  tags: ['admin'],
  access: 'users.read',
  query: listUsersQuery,
  response: userListDto,
  handler: ({ actor, query, ip }) => listUsers(actor, query, ip),
});

export const adminCreateUser = defineRoute({
  id: 'adminCreateUser',
  method: 'POST',
  path: '/api/v1/admin/users',
  summary: 'Create an account with a role and scope (zone for zone_staff, Party organisation for branch_secretary)',
  tags: ['admin'],
  access: 'users.create',
  body: createUserInput,
  response: adminUserDto,
  status: 201,
  handler: ({ actor, body, ip }) => createUser(actor, body, ip),
});

export const adminGetUser = defineRoute({
  id: 'adminGetUser',
  method: 'GET',
  path: '/api/v1/admin/users/{id}',
  summary: 'One account',
  tags: ['admin'],
  access: 'users.read',
  params: userIdParam,
  response: adminUserDto,
  handler: ({ actor, params, ip }) => getUser(actor, params.id, ip),
});

export const adminUpdateUser = defineRoute({
  id: 'adminUpdateUser',
  method: 'PATCH',
  path: '/api/v1/admin/users/{id}',
  summary: 'Change name, role, scope or disable/enable; role, scope and disabling end the user’s sessions',
  tags: ['admin'],
  access: 'users.update',
  params: userIdParam,
  body: updateUserInput,
  response: adminUserDto,
  handler: ({ actor, params, body, ip }) => updateUser(actor, params.id, body, ip),
});

export const adminListUserSessions = defineRoute({
  id: 'adminListUserSessions',
  method: 'GET',
  path: '/api/v1/admin/users/{id}/sessions',
  summary: 'Active sessions of an account',
  tags: ['admin'],
  access: 'sessions.read_any',
  params: userIdParam,
  response: z.object({ items: z.array(sessionDto) }),
  handler: async ({ actor, params, ip }) => ({ items: await listUserSessions(actor, params.id, ip) }),
});

export const adminRevokeSession = defineRoute({
  id: 'adminRevokeSession',
  method: 'DELETE',
  path: '/api/v1/admin/sessions/{id}',
  summary: 'End any session',
  tags: ['admin'],
  access: 'sessions.revoke_any',
  params: sessionIdParam,
  status: 204,
  async handler({ actor, params, ip }) {
    await revokeAnySession(actor, params.id, ip);
    return new Response(null, { status: 204 });
  },
});
