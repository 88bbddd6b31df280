import { z } from 'zod';

/** Shared by the login form (client), next-auth's authorize and POST /api/v1/auth/login. */
export const loginInput = z.strictObject({
  login: z.string().trim().min(1, 'validation.required').max(64, 'validation.loginInvalid'),
  password: z.string().min(1, 'validation.required').max(128, 'validation.passwordTooLong'),
});
export type LoginInput = z.infer<typeof loginInput>;

export const loginResponse = z.object({
  token: z.string().describe('Bearer token bound to a server-side session'),
  expiresAt: z.iso.datetime(),
  user: z.object({ id: z.uuid(), role: z.enum(['talent', 'zone_staff', 'branch_secretary', 'org_admin', 'sysadmin']) }),
});
