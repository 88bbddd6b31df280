import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { blobStorageContract } from '@/tests/helpers/storage-contract';
import { getStorage, InvalidBlobKeyError, isBlobKey, LocalDiskStorage, newBlobKey, setStorage, type BlobKey } from './storage';

let parent: string;
let root: string;
let storage: LocalDiskStorage;

beforeEach(() => {
  parent = fs.mkdtempSync(path.join(os.tmpdir(), 'jp-storage-'));
  root = path.join(parent, 'uploads');
  storage = new LocalDiskStorage(root);
});
afterEach(() => {
  fs.rmSync(parent, { recursive: true, force: true });
});

/** Every file under dir, relative, sorted. */
function listFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)))
    .sort();
}

const bytesOf = (body: unknown) => Buffer.from(body as Uint8Array);

describe('LocalDiskStorage contract', () => {
  blobStorageContract(() => storage);
});

describe('LocalDiskStorage', () => {
  it('round-trips put, exists, get and delete under a UUID name with two-level fan-out', async () => {
    const key = newBlobKey();
    const data = Buffer.from('pretend these are webp bytes');
    expect(await storage.exists(key)).toBe(false);
    await storage.put(key, data, { contentType: 'image/webp' });

    expect(await storage.exists(key)).toBe(true);
    const blob = await storage.get(key);
    expect(blob).not.toBeNull();
    expect(bytesOf(blob!.body).equals(data)).toBe(true);
    expect(blob!.contentType).toBe('image/webp');
    expect(blob!.size).toBe(data.length);

    // On disk: <root>/<k0k1>/<k2k3>/<uuid> and its metadata; no temp files left behind; owner-only modes.
    const dataPath = path.join(root, key.slice(0, 2), key.slice(2, 4), key);
    expect(listFiles(root)).toEqual([path.relative(root, dataPath), path.relative(root, `${dataPath}.json`)].sort());
    expect(fs.readFileSync(dataPath).equals(data)).toBe(true);
    expect(fs.statSync(dataPath).mode & 0o777).toBe(0o600);
    expect(fs.statSync(path.dirname(dataPath)).mode & 0o077).toBe(0);

    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    expect(await storage.get(key)).toBeNull();
    expect(listFiles(root)).toEqual([]);
    await expect(storage.delete(key)).resolves.toBeUndefined(); // idempotent
  });

  it('generates distinct lower-case UUID v4 keys and recognises only those', () => {
    const keys = new Set(Array.from({ length: 1000 }, () => newBlobKey()));
    expect(keys.size).toBe(1000);
    for (const k of keys) expect(isBlobKey(k)).toBe(true);
  });

  const badKeys: unknown[] = [
    '../x',
    '../../etc/passwd',
    '/etc/passwd',
    '/tmp/x',
    'C:\\Windows\\win.ini',
    '..',
    '.',
    '',
    'a/b',
    'ab/cd/3fa2c1de-7b7e-4c3a-9d2f-0a1b2c3d4e5f',
    '3fa2c1de-7b7e-4c3a-9d2f-0a1b2c3d4e5f/../../x',
    '3fa2c1de-7b7e-4c3a-9d2f-0a1b2c3d4e5f.json',
    '3fa2c1de-7b7e-4c3a-9d2f-0a1b2c3d4e5f\0',
    ' 3fa2c1de-7b7e-4c3a-9d2f-0a1b2c3d4e5f',
    '3FA2C1DE-7B7E-4C3A-9D2F-0A1B2C3D4E5F', // upper case is not what we generate
    '3fa2c1de-7b7e-1c3a-9d2f-0a1b2c3d4e5f', // UUID v1 form
    '3fa2c1de7b7e4c3a9d2f0a1b2c3d4e5f',
    'photo.jpg',
    null,
    undefined,
    42,
    { toString: () => '../x' },
  ];

  it.each(badKeys.map((k) => [JSON.stringify(k) ?? String(k), k]))('refuses key %s before touching the filesystem', async (_label, key) => {
    const k = key as BlobKey;
    await expect(storage.put(k, Buffer.from('x'), { contentType: 'image/webp' })).rejects.toBeInstanceOf(InvalidBlobKeyError);
    await expect(storage.get(k)).rejects.toBeInstanceOf(InvalidBlobKeyError);
    await expect(storage.exists(k)).rejects.toBeInstanceOf(InvalidBlobKeyError);
    await expect(storage.delete(k)).rejects.toBeInstanceOf(InvalidBlobKeyError);
    expect(fs.existsSync(root)).toBe(false);
    expect(fs.readdirSync(parent)).toEqual([]);
  });

  it('does not echo the refused key in the error', async () => {
    const err = await storage.get('../../secret' as BlobKey).catch((e: unknown) => e);
    expect(String((err as Error).message)).not.toContain('secret');
  });

  it('never overwrites an existing blob', async () => {
    const key = newBlobKey();
    await storage.put(key, Buffer.from('first'), { contentType: 'image/webp' });
    await expect(storage.put(key, Buffer.from('second'), { contentType: 'image/webp' })).rejects.toThrow(/already in use/);
    expect(bytesOf((await storage.get(key))!.body).toString()).toBe('first');
  });

  it('refuses a malformed content type and writes nothing', async () => {
    for (const contentType of ['text/html\r\nSet-Cookie: a=b', '', 'image', 'image/webp; charset=x']) {
      await expect(storage.put(newBlobKey(), Buffer.from('x'), { contentType })).rejects.toThrow(/content type/);
    }
    expect(listFiles(root)).toEqual([]);
  });

  it('treats data without its metadata (an interrupted put) as absent', async () => {
    const key = newBlobKey();
    await storage.put(key, Buffer.from('x'), { contentType: 'image/png' });
    fs.rmSync(path.join(root, key.slice(0, 2), key.slice(2, 4), `${key}.json`));
    expect(await storage.get(key)).toBeNull();
    expect(await storage.exists(key)).toBe(false);
  });

  it('handles many concurrent puts', async () => {
    const keys = Array.from({ length: 50 }, () => newBlobKey());
    await Promise.all(keys.map((k, i) => storage.put(k, Buffer.from(`blob ${i}`), { contentType: 'image/jpeg' })));
    const got = await Promise.all(keys.map((k) => storage.get(k)));
    got.forEach((b, i) => expect(bytesOf(b!.body).toString()).toBe(`blob ${i}`));
    expect(listFiles(root).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(listFiles(root)).toHaveLength(100);
  });

  it('refuses a root inside public/', () => {
    expect(() => new LocalDiskStorage(path.join(process.cwd(), 'public', 'uploads'))).toThrow(/public/);
    expect(() => new LocalDiskStorage(path.join(process.cwd(), 'public'))).toThrow(/public/);
  });
});

describe('getStorage', () => {
  const saved = process.env.STORAGE_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.STORAGE_DIR;
    else process.env.STORAGE_DIR = saved;
    setStorage(undefined);
  });

  it('is one process-wide LocalDiskStorage rooted at STORAGE_DIR', async () => {
    process.env.STORAGE_DIR = root;
    setStorage(undefined);
    const s = getStorage();
    expect(s).toBeInstanceOf(LocalDiskStorage);
    expect((s as LocalDiskStorage).root).toBe(root);
    expect(getStorage()).toBe(s);
    const key = newBlobKey();
    await s.put(key, Buffer.from('x'), { contentType: 'image/webp' });
    expect(listFiles(root)).toHaveLength(2);
  });

  it('defaults to .data/uploads under the working directory', () => {
    delete process.env.STORAGE_DIR;
    setStorage(undefined);
    expect((getStorage() as LocalDiskStorage).root).toBe(path.resolve('.data', 'uploads'));
  });
});
