import type { NextAuthOptions } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { audit } from '@/lib/audit/log';
import { clientIp } from '@/lib/http/client-ip';
import { sha256 } from '@/lib/crypto/fields';
import { attemptLogin } from './login';
import { ABSOLUTE_SESSION_MS, type Role } from './permissions';
import { revokeToken } from './sessions';
import { nextAuthSecret } from './current';
import { secureCookies, sessionCookieName } from './cookies';

declare module 'next-auth' {
  interface User {
    role: Role;
    sid: string;
  }
  interface Session {
    user: { id: string; role: Role; name: string };
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    sid?: string;
    role?: Role;
  }
}

/**
 * next-auth v4 with one Credentials provider (docs/decisions/003-auth.md). The JWT cookie only carries the session
 * secret (`sid`); every request re-checks it against user_sessions, so the JWT's own lifetime is a ceiling only.
 */
let cached: NextAuthOptions | undefined;
export function authOptions(): NextAuthOptions {
  cached ??= buildOptions();
  return cached;
}

function buildOptions(): NextAuthOptions {
  return {
  secret: nextAuthSecret(),
  providers: [
    Credentials({
      id: 'credentials',
      name: 'credentials',
      credentials: { login: { type: 'text' }, password: { type: 'password' } },
      async authorize(credentials, req) {
        const login = typeof credentials?.login === 'string' ? credentials.login : '';
        const password = typeof credentials?.password === 'string' ? credentials.password : '';
        const headers = (req?.headers ?? {}) as Record<string, string>;
        const result = await attemptLogin({ login, password }, { ip: clientIp(headers), userAgent: headers['user-agent'], kind: 'web' });
        if (!result.ok) {
          if (result.reason === 'throttled') throw new Error('RATE_LIMITED');
          return null;
        }
        return { id: result.user.id, name: result.user.displayName, role: result.user.role, sid: result.token };
      },
    }),
  ],
  session: { strategy: 'jwt', maxAge: ABSOLUTE_SESSION_MS / 1000 },
  jwt: { maxAge: ABSOLUTE_SESSION_MS / 1000 },
  useSecureCookies: secureCookies(),
  cookies: {
    sessionToken: {
      name: sessionCookieName(),
      options: { httpOnly: true, sameSite: 'lax', path: '/', secure: secureCookies() },
    },
  },
  pages: { signIn: '/login', error: '/login' },
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sid = user.sid;
        token.role = user.role;
      }
      return token;
    },
    session({ session, token }) {
      // Only UI hints reach the browser; never the session secret.
      return { expires: session.expires, user: { id: token.sub ?? '', role: token.role ?? 'talent', name: token.name ?? '' } };
    },
  },
  events: {
    async signOut({ token }) {
      if (typeof token?.sid !== 'string') return;
      const db = await getDb();
      if (await revokeToken(db, token.sid, 'logout')) {
        await audit({ action: 'auth.logout', result: 'ok', actorId: token.sub ?? null, targetType: 'session', targetId: sha256(token.sid).slice(0, 12) });
      }
    },
  },
};
}
