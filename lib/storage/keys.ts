import crypto from 'node:crypto';

/** Blob keys and content types, shared by every storage backend (lib/storage/storage.ts, s3.ts). */

/** A key made by newBlobKey(); a plain string at run time (it is what the database stores). */
export type BlobKey = string & { readonly __blobKey?: never };

const KEY_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
export const CONTENT_TYPE_RE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/;

export class InvalidBlobKeyError extends Error {
  constructor() {
    super('Invalid blob key'); // never echo the key: it is caller input
    this.name = 'InvalidBlobKeyError';
  }
}

/** A fresh random key. The only way keys come into existence. */
export function newBlobKey(): BlobKey {
  return crypto.randomUUID() as BlobKey;
}

export function isBlobKey(key: unknown): key is BlobKey {
  return typeof key === 'string' && KEY_RE.test(key);
}

export function assertKey(key: unknown): asserts key is BlobKey {
  if (!isBlobKey(key)) throw new InvalidBlobKeyError();
}

export function assertContentType(contentType: string): void {
  if (!CONTENT_TYPE_RE.test(contentType)) throw new Error('Invalid content type for stored blob');
}

