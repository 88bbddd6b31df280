import crypto from 'node:crypto';
import { deriveKey } from './keys';

/** AES-256-GCM for sensitive columns: "v1." + base64url(iv[12] | tag[16] | ciphertext). */
export function encryptField(plaintext: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv('aes-256-gcm', deriveKey('field-encryption'), iv);
  const ct = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return `v1.${Buffer.concat([iv, cipher.getAuthTag(), ct]).toString('base64url')}`;
}

export function decryptField(stored: string): string {
  if (!stored.startsWith('v1.')) throw new Error('Unknown ciphertext version');
  const raw = Buffer.from(stored.slice(3), 'base64url');
  const decipher = crypto.createDecipheriv('aes-256-gcm', deriveKey('field-encryption'), raw.subarray(0, 12));
  decipher.setAuthTag(raw.subarray(12, 28));
  return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
}

/** Keyed blind index (HMAC-SHA-256) for exact lookups and uniqueness without storing the value. */
export function blindIndex(domain: string, normalisedValue: string): string {
  return crypto.createHmac('sha256', deriveKey('blind-index')).update(`${domain}\u0000${normalisedValue}`).digest('base64url');
}

export function sha256(value: string): string {
  return crypto.createHash('sha256').update(value).digest('base64url');
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}
