import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { assertContentType, assertKey, InvalidBlobKeyError, type BlobKey } from './keys';
import { S3Storage, s3ConfigFromEnv } from './s3';

/**
 * Blob storage for user uploads (portfolio images, evidence files), security.md #32: files live outside `public/`
 * under names the server generates (random UUIDs), never under anything a user typed. The database keeps the key
 * next to the owner, so every read goes through an authorization check first; this layer only stores bytes.
 *
 * Keys are created by `newBlobKey()` and are plain lower-case UUID v4 strings. Every method refuses anything else
 * (`../x`, `/etc/passwd`, `a/b`, upper case, a UUID with a suffix…) before touching the filesystem, so a key can
 * never name a path outside the storage root. Another backend (S3, OSS) can implement the same interface.
 */

export interface BlobMeta {
  /** MIME type the blob is served with; set by the server from the sniffed/re-encoded type, never from the client. */
  contentType: string;
}

export interface StoredBlob {
  /** The whole content (local disk) or a stream (remote backends may stream). */
  body: Uint8Array | ReadableStream<Uint8Array>;
  contentType: string;
  size: number;
}

export interface BlobStorage {
  put(key: BlobKey, bytes: Uint8Array, meta: BlobMeta): Promise<void>;
  get(key: BlobKey): Promise<StoredBlob | null>;
  delete(key: BlobKey): Promise<void>;
  exists(key: BlobKey): Promise<boolean>;
}

export { InvalidBlobKeyError, isBlobKey, newBlobKey, type BlobKey } from './keys';

export function defaultStorageDir(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.env.STORAGE_DIR ?? path.join('.data', 'uploads'));
}

function isWithin(parent: string, child: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

interface MetaFile {
  v: 1;
  contentType: string;
  size: number;
  createdAt: string;
}

/**
 * Local-disk storage: `<root>/<k0k1>/<k2k3>/<key>` holds the bytes and `<key>.json` beside it the metadata. The
 * metadata file is written last and removed first, so it marks a complete blob. Both are written to a temp file
 * in the same directory, fsynced and renamed into place (atomic on POSIX): a reader never sees half a file.
 */
export class LocalDiskStorage implements BlobStorage {
  readonly root: string;

  constructor(root: string = defaultStorageDir()) {
    this.root = path.resolve(/*turbopackIgnore: true*/ root);
    const publicDir = path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'public');
    if (isWithin(publicDir, this.root)) throw new Error('STORAGE_DIR must not be inside public/ (uploads would be served without authorization)');
  }

  private paths(key: unknown): { dir: string; data: string; meta: string } {
    assertKey(key);
    const dir = path.join(this.root, key.slice(0, 2), key.slice(2, 4));
    const data = path.join(dir, key);
    // Defence in depth: the regex already makes this impossible.
    if (!isWithin(this.root, data) || path.dirname(data) !== dir) throw new InvalidBlobKeyError();
    return { dir, data, meta: `${data}.json` };
  }

  async put(key: BlobKey, bytes: Uint8Array, meta: BlobMeta): Promise<void> {
    const p = this.paths(key);
    assertContentType(meta.contentType);
    await fs.mkdir(p.dir, { recursive: true, mode: 0o700 });
    if (await exists(p.meta) || await exists(p.data)) throw new Error('Blob key already in use');
    const record: MetaFile = { v: 1, contentType: meta.contentType, size: bytes.byteLength, createdAt: new Date().toISOString() };
    await writeAtomic(p.data, bytes);
    try {
      await writeAtomic(p.meta, Buffer.from(JSON.stringify(record)));
    } catch (err) {
      await fs.rm(p.data, { force: true });
      throw err;
    }
    await syncDir(p.dir);
  }

  async get(key: BlobKey): Promise<StoredBlob | null> {
    const p = this.paths(key);
    let record: MetaFile;
    try {
      record = JSON.parse(await fs.readFile(p.meta, 'utf8')) as MetaFile;
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
    let bytes: Buffer;
    try {
      // Stored files are bounded (re-encoded images, ≤ 10 MB uploads), so they are read whole: no file handle
      // is left open when a client aborts a download.
      bytes = await fs.readFile(p.data);
    } catch (err) {
      if (isNotFound(err)) return null;
      throw err;
    }
    assertContentType(record.contentType);
    return { body: bytes, contentType: record.contentType, size: bytes.byteLength };
  }

  async delete(key: BlobKey): Promise<void> {
    const p = this.paths(key);
    await fs.rm(p.meta, { force: true });
    await fs.rm(p.data, { force: true });
  }

  async exists(key: BlobKey): Promise<boolean> {
    const p = this.paths(key);
    return (await exists(p.meta)) && (await exists(p.data));
  }
}

async function exists(file: string): Promise<boolean> {
  try {
    await fs.access(file);
    return true;
  } catch {
    return false;
  }
}

function isNotFound(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return code === 'ENOENT' || code === 'ENOTDIR';
}

async function writeAtomic(file: string, bytes: Uint8Array): Promise<void> {
  const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${crypto.randomBytes(6).toString('hex')}.tmp`);
  const handle = await fs.open(tmp, 'wx', 0o600);
  try {
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await fs.rename(tmp, file);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    throw err;
  }
}

/** Makes the renames durable; best effort (not every filesystem lets a directory be fsynced). */
async function syncDir(dir: string): Promise<void> {
  try {
    const handle = await fs.open(dir, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // ignore
  }
}

type StorageCache = { storage?: BlobStorage };
const cache: StorageCache = ((globalThis as { __jpStorage?: StorageCache }).__jpStorage ??= {});

/**
 * The process-wide storage: S3-compatible object storage when S3_BUCKET is set (lib/storage/s3.ts; what a
 * deployment with several web instances needs), else local disk under STORAGE_DIR (default .data/uploads).
 */
export function getStorage(): BlobStorage {
  if (cache.storage) return cache.storage;
  const s3 = s3ConfigFromEnv();
  return (cache.storage = s3 ? new S3Storage(s3) : new LocalDiskStorage());
}

/** Replaces the process-wide storage (tests; a future remote backend). `undefined` resets to the default. */
export function setStorage(storage: BlobStorage | undefined): void {
  cache.storage = storage;
}
