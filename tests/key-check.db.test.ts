import { afterEach, describe, expect, it, vi } from 'vitest';
import { keyChecks } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { assertMasterKey, MasterKeyMismatchError } from '@/lib/crypto/key-check';
import { resetKeyCache } from '@/lib/crypto/keys';
import { setupTestDb } from './helpers/db';
import { makeUser } from './helpers/factories';

/** Issue 14 §1: a server started with another master key refuses to start, saying which key, instead of answering 500s. */
const t = setupTestDb();
const KEY_A = process.env.APP_MASTER_KEY!;
const KEY_B = Buffer.alloc(32, 9).toString('base64');

function useKey(key: string) {
  vi.stubEnv('APP_MASTER_KEY', key);
  resetKeyCache();
}
afterEach(() => {
  vi.unstubAllEnvs();
  resetKeyCache();
});

describe('master key check', () => {
  it('stores the check value once, accepts the same key and refuses another, naming APP_MASTER_KEY', async () => {
    await assertMasterKey(t.db());
    const rows = await t.db().select().from(keyChecks);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.checkValue).not.toContain(KEY_A);
    await assertMasterKey(t.db());
    expect(await t.db().select().from(keyChecks)).toEqual(rows);

    useKey(KEY_B);
    const err = await assertMasterKey(t.db()).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(MasterKeyMismatchError);
    expect((err as Error).message).toMatch(/APP_MASTER_KEY/);
    expect((err as Error).message).toMatch(/key_checks/);
    expect((err as Error).message).not.toContain(KEY_B);
    useKey(KEY_A);
    await assertMasterKey(t.db());
  });

  it('names the key file when the key comes from .data/master.key', async () => {
    await assertMasterKey(t.db());
    vi.stubEnv('APP_MASTER_KEY', '');
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jp-key-')), 'master.key');
    fs.writeFileSync(file, KEY_B);
    vi.stubEnv('APP_KEY_FILE', file);
    resetKeyCache();
    await expect(assertMasterKey(t.db())).rejects.toThrow(file);
  });

  it('a database written before the check is verified against its audit chain and phone numbers first', async () => {
    await makeUser(t.db(), 'talent', { phone: '13800138000' });
    await audit({ action: 'test.before_key_check', result: 'ok' });
    useKey(KEY_B);
    await expect(assertMasterKey(t.db())).rejects.toThrow(/audit row/);
    expect(await t.db().select().from(keyChecks)).toHaveLength(0);
    useKey(KEY_A);
    await assertMasterKey(t.db());
    expect(await t.db().select().from(keyChecks)).toHaveLength(1);
  });
});
