import type { MessageKey } from '@/lib/i18n';
import type { Role } from './permissions';
import { COMMON_PASSWORDS } from './common-passwords';

/**
 * Password policy (security.md §4.3): 8 characters (12 for staff and admins) to 128; at least three of four
 * character classes; not a common password; must not contain the phone number, e-mail local part or name.
 * Returns message keys, empty when the password is acceptable. Pure.
 */
export const PASSWORD_MAX = 128;
export function passwordMinLength(role: Role): number {
  return role === 'talent' ? 8 : 12;
}

export interface PasswordContext {
  role: Role;
  email?: string | null;
  phone?: string | null;
  displayName?: string | null;
}

export function checkPassword(password: string, ctx: PasswordContext): { key: MessageKey; params?: Record<string, number> }[] {
  const problems: { key: MessageKey; params?: Record<string, number> }[] = [];
  const pw = password.normalize('NFKC');
  const min = passwordMinLength(ctx.role);
  if ([...pw].length < min) problems.push({ key: 'validation.passwordTooShort', params: { min } });
  if ([...pw].length > PASSWORD_MAX) problems.push({ key: 'validation.passwordTooLong' });
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(pw)).length;
  if (classes < 3) problems.push({ key: 'validation.passwordClasses' });
  const lower = pw.toLowerCase();
  const stripped = lower.replace(/[^a-z0-9]/g, '');
  if (COMMON_PASSWORDS.has(lower) || COMMON_PASSWORDS.has(stripped) || /^(.)\1+$/.test(pw)) {
    problems.push({ key: 'validation.passwordCommon' });
  }
  const identities = [
    ctx.phone?.replace(/\D/g, ''),
    ctx.email?.split('@')[0]?.toLowerCase(),
    ctx.displayName?.toLowerCase().replace(/\s+/g, ''),
  ].filter((s): s is string => !!s && s.length >= 3);
  if (identities.some((id) => lower.includes(id))) problems.push({ key: 'validation.passwordContainsIdentity' });
  return problems;
}

/** A policy problem as a message string that carries its parameters ("validation.passwordTooShort?min=12"). */
export function policyMessage(p: { key: MessageKey; params?: Record<string, number> }): string {
  return p.params ? `${p.key}?${new URLSearchParams(Object.entries(p.params).map(([k, v]) => [k, String(v)]))}` : p.key;
}
