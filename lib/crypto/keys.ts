import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isProductionDeployment } from '@/lib/env';

/**
 * One master key (APP_MASTER_KEY, base64 of 32 random bytes) from which every purpose-specific key is derived
 * with HKDF: field encryption, blind indexes, the audit-chain MAC and (when NEXTAUTH_SECRET is unset) next-auth.
 * Outside production, a missing key is created once under .data/ (mode 0600) so `npm run demo` needs no setup.
 */
type KeyPurpose = 'field-encryption' | 'blind-index' | 'audit-chain' | 'nextauth';

type KeyCache = { master?: Buffer; derived: Map<string, Buffer> };
const cache: KeyCache = ((globalThis as { __jpKeys?: KeyCache }).__jpKeys ??= { derived: new Map() });

function loadMaster(): Buffer {
  const fromEnv = process.env.APP_MASTER_KEY;
  if (fromEnv) {
    const buf = Buffer.from(fromEnv, 'base64');
    if (buf.length !== 32) throw new Error('APP_MASTER_KEY must be base64 of exactly 32 bytes (openssl rand -base64 32)');
    return buf;
  }
  if (isProductionDeployment()) {
    throw new Error('APP_MASTER_KEY is required in production (openssl rand -base64 32)');
  }
  const file = path.resolve(/*turbopackIgnore: true*/ process.env.APP_KEY_FILE ?? path.join('.data', 'master.key'));
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64');
  } catch {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const key = crypto.randomBytes(32);
    try {
      fs.writeFileSync(file, key.toString('base64'), { mode: 0o600, flag: 'wx' });
      return key;
    } catch {
      return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'base64'); // another process won the race
    }
  }
}

export function deriveKey(purpose: KeyPurpose): Buffer {
  const hit = cache.derived.get(purpose);
  if (hit) return hit;
  cache.master ??= loadMaster();
  const key = Buffer.from(crypto.hkdfSync('sha256', cache.master, Buffer.alloc(0), `jingpiao/${purpose}/v1`, 32));
  cache.derived.set(purpose, key);
  return key;
}
