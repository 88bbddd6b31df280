import 'server-only';
import { decode } from 'next-auth/jwt';
import { cache } from 'react';
import { getDb } from '@/db/client';
import { parseCookies, requestHeaders } from '@/lib/http/context';
import { deriveKey } from '@/lib/crypto/keys';
import { sessionCookieName } from './cookies';
import type { Actor } from './permissions';
import { resolveSession } from './sessions';

export function nextAuthSecret(): string {
  return process.env.NEXTAUTH_SECRET ?? deriveKey('nextauth').toString('base64url');
}

/** The session secret of this request: an API bearer token, or the `sid` inside the next-auth JWT cookie. */
export async function sessionTokenFrom(headers: Headers): Promise<string | null> {
  const auth = headers.get('authorization');
  if (auth) {
    const m = /^Bearer\s+([A-Za-z0-9_-]{20,200})$/.exec(auth.trim());
    return m?.[1] ?? null;
  }
  const jwt = parseCookies(headers.get('cookie')).get(sessionCookieName());
  if (!jwt) return null;
  try {
    const payload = await decode({ token: jwt, secret: nextAuthSecret() });
    return typeof payload?.sid === 'string' ? payload.sid : null;
  } catch {
    return null;
  }
}

async function loadActor(): Promise<Actor | null> {
  const token = await sessionTokenFrom(await requestHeaders());
  if (!token) return null;
  const resolved = await resolveSession(await getDb(), token);
  return 'actor' in resolved ? resolved.actor : null;
}

/** The signed-in actor for this request, checked against the sessions table (memoised per render). */
export const getActor = cache(loadActor);
