import crypto from 'node:crypto';
import { asc, eq, isNotNull } from 'drizzle-orm';
import type { Db } from '@/db/client';
import { auditLog, keyChecks, users } from '@/db/schema';
import { chainHash, GENESIS_HASH } from '@/lib/audit/chain';
import { pgErrorCode } from '@/lib/http/errors';
import { decryptField } from './fields';
import { deriveKey, masterKeySource } from './keys';

/**
 * The start-up master-key check (issue 14 §1). Everything stored under APP_MASTER_KEY — phone numbers (AES-GCM),
 * login blind indexes, the audit chain's MAC — is unreadable under another key, and a server started with one
 * answered every such request with an opaque 500 (and wrote audit rows that later verified as edited).
 * The first process to open a database stores an HMAC of a fixed text under a key derived from the master key;
 * every later one (server start in instrumentation.ts, worker, seed, create-admin, audit:verify, bench) compares
 * and refuses to start with a message that names the key's source. A database from before the check is verified
 * against what it already holds (the first audit row, else one encrypted phone number) before the value is stored.
 */
const KEY_CHECK_TEXT = 'jingpiao key check v1';

export class MasterKeyMismatchError extends Error {
  constructor(detail: string) {
    super(
      `The master key from ${masterKeySource()} is not the key this database was written with (${detail}). ` +
        'Start with the APP_MASTER_KEY the data was written under; refusing to start. / 主密钥与数据库不符，拒绝启动。',
    );
    this.name = 'MasterKeyMismatchError';
  }
}

function checkValue(): string {
  return crypto.createHmac('sha256', deriveKey('key-check')).update(KEY_CHECK_TEXT).digest('base64url');
}

/** Does the data already in the database (written before key_checks existed) agree with this key? */
async function existingDataProblem(db: Db): Promise<string | null> {
  const [first] = await db.select().from(auditLog).orderBy(asc(auditLog.seq)).limit(1);
  if (first) {
    const expected = chainHash(deriveKey('audit-chain'), first.prevHash, { ...first, detail: first.detail ?? {} });
    // Only the genesis row is unambiguous: a later first row (a pruned log) cannot be told from an edited one here.
    if (first.prevHash === GENESIS_HASH && expected !== first.hash) return 'the first audit row does not verify under it';
    if (first.prevHash === GENESIS_HASH) return null;
  }
  const [withPhone] = await db.select({ enc: users.phoneEnc }).from(users).where(isNotNull(users.phoneEnc)).limit(1);
  if (withPhone?.enc) {
    try {
      decryptField(withPhone.enc);
    } catch {
      return 'a stored phone number does not decrypt under it';
    }
  }
  return null;
}

/** Verifies the master key against the database, storing the check value on first use; throws MasterKeyMismatchError. */
export async function assertMasterKey(db: Db): Promise<void> {
  const mine = checkValue();
  let [row] = await db
    .select()
    .from(keyChecks)
    .where(eq(keyChecks.name, 'master'))
    .limit(1)
    .catch((err: unknown) => {
      if (pgErrorCode(err) === '42P01') throw new Error('The database is not migrated (table key_checks is missing): run `npm run db:migrate` first. / 数据库未迁移。');
      throw err;
    });
  if (!row) {
    const problem = await existingDataProblem(db);
    if (problem) throw new MasterKeyMismatchError(problem);
    // Two instances starting at once: the first insert wins and the other compares against it.
    await db.insert(keyChecks).values({ name: 'master', checkValue: mine }).onConflictDoNothing();
    [row] = await db.select().from(keyChecks).where(eq(keyChecks.name, 'master')).limit(1);
  }
  if (!row || row.checkValue.length !== mine.length || !crypto.timingSafeEqual(Buffer.from(row.checkValue), Buffer.from(mine))) {
    throw new MasterKeyMismatchError('its check value in key_checks differs');
  }
}
