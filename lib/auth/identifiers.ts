import { z } from 'zod';

/** A login is an e-mail or a mainland mobile number; both normalised (NFKC, trimmed, lower-case, digits only). */
export type LoginIdentifier = { kind: 'email'; value: string } | { kind: 'phone'; value: string };

const emailSchema = z.email();

export function normaliseEmail(raw: string): string {
  return raw.normalize('NFKC').trim().toLowerCase();
}

/** 138 1234 5678, +86 13812345678, 0086-138-1234-5678 → 13812345678; null when not a mainland mobile number. */
export function normalisePhone(raw: string): string | null {
  let d = raw.normalize('NFKC').replace(/[\s\-()]/g, '');
  if (d.startsWith('+86')) d = d.slice(3);
  else if (d.startsWith('0086')) d = d.slice(4);
  return /^1[3-9]\d{9}$/.test(d) ? d : null;
}

export function parseLogin(raw: string): LoginIdentifier | null {
  const value = raw.normalize('NFKC').trim();
  if (!value || value.length > 64) return null;
  if (value.includes('@')) {
    const email = normaliseEmail(value);
    return emailSchema.safeParse(email).success ? { kind: 'email', value: email } : null;
  }
  const phone = normalisePhone(value);
  return phone ? { kind: 'phone', value: phone } : null;
}
