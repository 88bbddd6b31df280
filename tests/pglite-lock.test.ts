import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openPglite } from '@/db/client';
import { PgliteDirectoryLockedError } from '@/db/pglite-lock';

const ROOT = path.resolve(import.meta.dirname, '..');
let tmp: string | undefined;
afterEach(() => {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** Starts a second Node process that opens the directory and holds it until killed. */
function holder(dir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'tests/fixtures/hold-pglite.ts'), dir], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const ready = new Promise<void>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('ready')) resolve();
    });
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.on('exit', (code) => reject(new Error(`holder exited ${code}: ${out}`)));
  });
  return { child, ready };
}

describe('PGlite data directory lock', () => {
  it('refuses a second process while the first holds the directory, and recovers after the holder dies', async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jp-lock-'));
    const dir = path.join(tmp, 'pglite');
    const { child, ready } = holder(dir);
    await ready;
    const err = await openPglite(dir).then(() => null, (e: unknown) => e);
    expect(err).toBeInstanceOf(PgliteDirectoryLockedError);
    expect((err as Error).message).toContain(`process ${child.pid}`);
    expect((err as Error).message).toContain('DATABASE_URL');

    child.kill('SIGKILL'); // dies without releasing: the lock is stale and is taken over
    await new Promise((r) => child.once('exit', r));
    const handle = await openPglite(dir);
    await handle.close();
  }, 60_000);

  it('refuses a second open inside the same process too', async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jp-lock-'));
    const dir = path.join(tmp, 'pglite');
    const first = await openPglite(dir);
    await expect(openPglite(dir)).rejects.toBeInstanceOf(PgliteDirectoryLockedError);
    await first.close();
    const again = await openPglite(dir);
    await again.close();
  }, 60_000);
});
