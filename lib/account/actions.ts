'use server';

import { cookies } from 'next/headers';
import { z } from 'zod';
import { createAction } from '@/lib/actions/create-action';
import { LOCALE_COOKIE } from '@/lib/i18n/config';
import { changePasswordInput, localeInput, sessionIdParam } from './schemas';
import { changePassword, revokeOtherSessions, revokeOwnSession, setOwnLocale } from './service';

export const changePasswordAction = createAction({
  name: 'account.changePassword',
  input: changePasswordInput,
  access: 'account.update',
  run: (input, { actor, ip }) => changePassword(actor, input, ip),
});

export const revokeMySessionAction = createAction({
  name: 'account.revokeSession',
  input: sessionIdParam,
  access: 'sessions.revoke_own',
  run: ({ id }, { actor, ip }) => revokeOwnSession(actor, id, ip),
  revalidate: ['/account'],
});

export const revokeMyOtherSessionsAction = createAction({
  name: 'account.revokeOtherSessions',
  input: z.strictObject({}),
  access: 'sessions.revoke_own',
  run: (_input, { actor, ip }) => revokeOtherSessions(actor, ip),
  revalidate: ['/account'],
});

/** Language switch: remembered in a cookie for everyone, and on the account when signed in. */
export const setLocaleAction = createAction({
  name: 'account.setLocale',
  input: localeInput,
  access: 'public',
  async run({ locale }, { actor }) {
    try {
      (await cookies()).set(LOCALE_COOKIE, locale, { path: '/', maxAge: 60 * 60 * 24 * 365, sameSite: 'lax', httpOnly: false });
    } catch {
      // Called outside a Next request (tests call actions directly): there is no response to set a cookie on.
    }
    await setOwnLocale(actor, locale);
    return { locale };
  },
});
