import 'server-only';
import { z } from 'zod';
import { defineRoute } from '@/lib/api/route';
import { AppError } from '@/lib/http/errors';
import { getDb } from '@/db/client';
import { audit } from '@/lib/audit/log';
import { attemptLogin } from './login';
import { loginInput, loginResponse } from './schemas';
import { revokeToken } from './sessions';

export const authLogin = defineRoute({
  id: 'authLogin',
  method: 'POST',
  path: '/api/v1/auth/login',
  summary: 'Log in with phone or e-mail and password; returns a bearer token bound to a server-side session',
  tags: ['auth'],
  access: 'public',
  body: loginInput,
  response: loginResponse,
  maxBodyBytes: 4096,
  async handler({ body, ip, req }) {
    const result = await attemptLogin(body, { ip, userAgent: req.headers.get('user-agent'), kind: 'api' });
    if (!result.ok) {
      if (result.reason === 'throttled') throw new AppError('RATE_LIMITED', { retryAfterSeconds: result.retryAfterSeconds });
      throw new AppError('INVALID_CREDENTIALS');
    }
    return { token: result.token, expiresAt: result.expiresAt.toISOString(), user: { id: result.user.id, role: result.user.role } };
  },
});

export const authLogout = defineRoute({
  id: 'authLogout',
  method: 'POST',
  path: '/api/v1/auth/logout',
  summary: 'End the session of the presented bearer token (or session cookie)',
  tags: ['auth'],
  access: 'authenticated',
  body: z.strictObject({}).optional(),
  status: 204,
  async handler({ sessionToken, actor, ip }) {
    if (sessionToken && (await revokeToken(await getDb(), sessionToken, 'logout'))) {
      await audit({ action: 'auth.logout', result: 'ok', actorId: actor?.id, actorRole: actor?.role, ip, detail: { channel: 'api' } });
    }
    return new Response(null, { status: 204 });
  },
});
