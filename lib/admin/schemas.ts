import { z } from 'zod';
import { ROLES } from '@/lib/auth/permissions';

const roleSchema = z.enum(ROLES);
const displayName = z.string().trim().min(1, 'validation.nameInvalid').max(40, 'validation.nameInvalid');
const email = z
  .string()
  .trim()
  .max(120, 'validation.emailInvalid')
  .pipe(z.email('validation.emailInvalid'))
  .or(z.literal('').transform(() => undefined))
  .optional();
const phone = z
  .string()
  .trim()
  .regex(/^(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d{4}){2}$/, 'validation.phoneInvalid')
  .or(z.literal('').transform(() => undefined))
  .optional();

function checkScope(v: { role?: z.infer<typeof roleSchema>; zoneCode?: string | null; orgId?: string | null }, ctx: z.RefinementCtx) {
  if (!v.role) return;
  if (v.role === 'zone_staff' && !v.zoneCode) ctx.addIssue({ code: 'custom', path: ['zoneCode'], message: 'validation.zoneRequired' });
  if (v.role !== 'zone_staff' && v.zoneCode) ctx.addIssue({ code: 'custom', path: ['zoneCode'], message: 'validation.scopeNotAllowed' });
  if (v.role === 'branch_secretary' && !v.orgId) ctx.addIssue({ code: 'custom', path: ['orgId'], message: 'validation.orgRequired' });
  if (v.role !== 'branch_secretary' && v.orgId) ctx.addIssue({ code: 'custom', path: ['orgId'], message: 'validation.scopeNotAllowed' });
}

export const createUserInput = z
  .strictObject({
    displayName,
    email,
    phone,
    role: roleSchema,
    zoneCode: z.string().max(32).nullish().transform((v) => v || null),
    orgId: z.uuid().nullish().or(z.literal('').transform(() => null)).transform((v) => v || null),
    password: z.string().min(8, 'validation.passwordTooShort').max(128, 'validation.passwordTooLong'),
  })
  .superRefine((v, ctx) => {
    if (!v.email && !v.phone) ctx.addIssue({ code: 'custom', path: ['email'], message: 'validation.emailOrPhoneRequired' });
    checkScope(v, ctx);
  });
export type CreateUserInput = z.input<typeof createUserInput>;

export const updateUserInput = z
  .strictObject({
    displayName: displayName.optional(),
    role: roleSchema.optional(),
    zoneCode: z.string().max(32).nullish().transform((v) => v || null),
    orgId: z.uuid().nullish().or(z.literal('').transform(() => null)).transform((v) => v || null),
    disabled: z.boolean().optional(),
  })
  .superRefine(checkScope);
export type UpdateUserInput = z.input<typeof updateUserInput>;

export const userIdParam = z.strictObject({ id: z.uuid() });

export const listUsersQuery = z.strictObject({
  role: roleSchema.optional(),
  q: z.string().trim().max(64).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const adminUserDto = z.object({
  id: z.uuid(),
  displayName: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable().describe('Masked'),
  role: roleSchema,
  zoneCode: z.string().nullable(),
  orgId: z.uuid().nullable(),
  disabled: z.boolean(),
  createdAt: z.iso.datetime(),
});
export type AdminUserDto = z.infer<typeof adminUserDto>;

export const userListDto = z.object({
  items: z.array(adminUserDto),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
