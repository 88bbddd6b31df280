import { expect, it } from 'vitest';
import { InvalidBlobKeyError, newBlobKey, type BlobStorage } from '@/lib/storage/storage';

/**
 * What every BlobStorage backend must do (local disk always; S3 wherever an endpoint is configured): the same
 * tests, so an adapter cannot drift from the interface the upload code relies on.
 */
export function blobStorageContract(make: () => BlobStorage | Promise<BlobStorage>): void {
  const bytesOf = async (body: Uint8Array | ReadableStream<Uint8Array>) => {
    if (body instanceof Uint8Array) return Buffer.from(body);
    return Buffer.from(await new Response(body).arrayBuffer());
  };

  it('contract: put, exists, get (bytes, type, size) and delete round-trip', async () => {
    const storage = await make();
    const key = newBlobKey();
    const data = Buffer.from('景德镇 · pretend these are webp bytes');
    expect(await storage.exists(key)).toBe(false);
    await storage.put(key, data, { contentType: 'image/webp' });
    expect(await storage.exists(key)).toBe(true);
    const blob = await storage.get(key);
    expect(blob).not.toBeNull();
    expect(blob!.contentType).toBe('image/webp');
    expect(blob!.size).toBe(data.byteLength);
    expect((await bytesOf(blob!.body)).equals(data)).toBe(true);
    await storage.delete(key);
    expect(await storage.exists(key)).toBe(false);
    expect(await storage.get(key)).toBeNull();
    await storage.delete(key); // deleting twice is fine
  });

  it('contract: a missing key reads as null, never throws', async () => {
    const storage = await make();
    expect(await storage.get(newBlobKey())).toBeNull();
    expect(await storage.exists(newBlobKey())).toBe(false);
  });

  it('contract: a key is written once; a second put is refused and the first content stays', async () => {
    const storage = await make();
    const key = newBlobKey();
    await storage.put(key, Buffer.from('first'), { contentType: 'application/pdf' });
    await expect(storage.put(key, Buffer.from('second'), { contentType: 'application/pdf' })).rejects.toThrow(/already in use/);
    expect((await bytesOf((await storage.get(key))!.body)).toString()).toBe('first');
    await storage.delete(key);
  });

  it('contract: keys that are not server-made UUIDs and bad content types are refused before any I/O', async () => {
    const storage = await make();
    for (const bad of ['../etc/passwd', 'a/b', '', 'ABCDEF00-0000-4000-8000-000000000000', `${newBlobKey()}x`]) {
      await expect(storage.get(bad)).rejects.toBeInstanceOf(InvalidBlobKeyError);
      await expect(storage.put(bad, Buffer.from('x'), { contentType: 'image/png' })).rejects.toBeInstanceOf(InvalidBlobKeyError);
      await expect(storage.exists(bad)).rejects.toBeInstanceOf(InvalidBlobKeyError);
      await expect(storage.delete(bad)).rejects.toBeInstanceOf(InvalidBlobKeyError);
    }
    await expect(storage.put(newBlobKey(), Buffer.from('x'), { contentType: 'text/html; charset=utf-8' })).rejects.toThrow(/content type/);
  });
}
