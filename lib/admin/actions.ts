'use server';

import { z } from 'zod';
import { createAction } from '@/lib/actions/create-action';
import { sessionIdParam } from '@/lib/account/schemas';
import { createUserInput, updateUserInput } from './schemas';
import { createUser, revokeAnySession, updateUser } from './service';

export const createUserAction = createAction({
  name: 'admin.createUser',
  input: createUserInput,
  access: 'users.create',
  run: (input, { actor, ip }) => createUser(actor, input, ip),
  revalidate: ['/admin/users'],
});

export const updateUserAction = createAction({
  name: 'admin.updateUser',
  input: z.strictObject({ id: z.uuid(), patch: updateUserInput }),
  access: 'users.update',
  run: ({ id, patch }, { actor, ip }) => updateUser(actor, id, patch, ip),
  revalidate: ['/admin/users'],
});

export const revokeSessionAction = createAction({
  name: 'admin.revokeSession',
  input: sessionIdParam,
  access: 'sessions.revoke_any',
  run: ({ id }, { actor, ip }) => revokeAnySession(actor, id, ip),
  revalidate: ['/admin/users'],
});
