import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { isProductionDeployment } from '@/lib/env';

/**
 * One master key (APP_MASTER_KEY, base64 of 32 random bytes) from which every purpose-specific key is derived
 * with HKDF: field encryption, blind indexes, the audit-chain MAC and (when NEXTAUTH_SECRET is unset) next-auth.
 * Outside production, a missing key is created once under .data/ (mode 0600) so `npm run demo` needs no setup.
 */
type KeyPurpose = 'field-encryption' | 'blind-index' | 'audit-chain' | 'nextauth' | 'key-check';

type KeyCache = { master?: Buffer; source?: string; derived: Map<string, Buffer> };
const cache: KeyCache = ((globalThis as { __jpKeys?: KeyCache }).__jpKeys ??= { derived: new Map() });

function masterFile(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.APP_KEY_FILE ?? path.join('.data', 'master.key'));
}

/** Where the master key of this process comes from, for messages: the variable or the file, never the key. */
export function masterKeySource(): string {
  return process.env.APP_MASTER_KEY ? 'APP_MASTER_KEY' : `the key file ${masterFile()} (APP_KEY_FILE; APP_MASTER_KEY is unset)`;
}

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
  const file = masterFile();
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

/** Tests: forget the loaded master key and every derived key (the next use reads APP_MASTER_KEY again). */
export function resetKeyCache(): void {
  cache.master = undefined;
  cache.derived.clear();
}
