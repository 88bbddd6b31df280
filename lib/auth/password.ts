import { hash, verify, type Algorithm } from '@node-rs/argon2';

/** argon2id at the OWASP floor (m=19456 KiB, t=2, p=1); inputs NFKC-normalised first (security.md §3.3). */
// Algorithm is an ambient const enum (not usable with isolatedModules): 2 is Argon2id.
export const ARGON2_PARAMS = { algorithm: 2 as Algorithm, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;
const PHC_PREFIX = `$argon2id$v=19$m=${ARGON2_PARAMS.memoryCost},t=${ARGON2_PARAMS.timeCost},p=${ARGON2_PARAMS.parallelism}$`;

// argon2 is CPU-bound; cap concurrent hashes per process so a login flood cannot starve every other request.
const MAX_CONCURRENT = 4;
let running = 0;
const waiting: (() => void)[] = [];
async function withSlot<T>(fn: () => Promise<T>): Promise<T> {
  if (running >= MAX_CONCURRENT) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await fn();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

export function hashPassword(password: string): Promise<string> {
  return withSlot(() => hash(password.normalize('NFKC'), ARGON2_PARAMS));
}

export function verifyPassword(stored: string, password: string): Promise<boolean> {
  return withSlot(() => verify(stored, password.normalize('NFKC')).catch(() => false));
}

/** True when the stored hash was made with weaker or different parameters and should be upgraded on login. */
export function needsRehash(stored: string): boolean {
  return !stored.startsWith(PHC_PREFIX);
}

let dummy: Promise<string> | undefined;
/** Spends the same time as a real verification when the account does not exist (no enumeration by timing). */
export async function dummyVerify(password: string): Promise<void> {
  dummy ??= hash('dummy-password-for-timing', ARGON2_PARAMS);
  await verifyPassword(await dummy, password);
}
