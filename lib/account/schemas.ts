import { z } from 'zod';
import { ROLES } from '@/lib/auth/permissions';

export const changePasswordInput = z
  .strictObject({
    currentPassword: z.string().min(1, 'validation.required').max(128, 'validation.passwordTooLong'),
    newPassword: z.string().min(8, 'validation.passwordTooShort').max(128, 'validation.passwordTooLong'),
    confirmPassword: z.string().min(1, 'validation.required').max(128),
  })
  .refine((v) => v.newPassword === v.confirmPassword, { path: ['confirmPassword'], message: 'account.passwordMismatch' });
export type ChangePasswordInput = z.infer<typeof changePasswordInput>;

export const sessionIdParam = z.strictObject({ id: z.string().regex(/^[A-Za-z0-9_-]{43}$/) });

export const sessionDto = z.object({
  id: z.string(),
  kind: z.enum(['web', 'api']),
  createdAt: z.iso.datetime(),
  lastSeenAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  current: z.boolean(),
});
export type SessionDto = z.infer<typeof sessionDto>;

export const accountDto = z.object({
  id: z.uuid(),
  displayName: z.string(),
  role: z.enum(ROLES),
  email: z.string().nullable(),
  phone: z.string().nullable().describe('Masked, e.g. 138****5678'),
  locale: z.enum(['zh-CN', 'en']),
  zone: z.object({ code: z.string(), name: z.string() }).nullable(),
  org: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export type AccountDto = z.infer<typeof accountDto>;

export const localeInput = z.strictObject({ locale: z.enum(['zh-CN', 'en']) });
