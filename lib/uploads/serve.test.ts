import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalDiskStorage, type StoredBlob } from '@/lib/storage/storage';
import { processImage, storeProcessedImage } from './images';
import { blobResponse } from './serve';

const blob = (contentType: string, text = 'bytes'): StoredBlob => {
  const body = new TextEncoder().encode(text);
  return { body, contentType, size: body.byteLength };
};

function expectSafeHeaders(res: Response) {
  expect(res.status).toBe(200);
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('content-security-policy')).toBe("default-src 'none'; sandbox");
  expect(res.headers.get('cache-control')).toBe('private, max-age=0, no-store');
  expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
}

describe('blobResponse', () => {
  it('serves a stored image as an attachment with the hardening headers by default', async () => {
    const res = blobResponse(blob('image/webp', 'webp!'));
    expectSafeHeaders(res);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.headers.get('content-disposition')).toBe('attachment');
    expect(res.headers.get('content-length')).toBe('5');
    expect(await res.text()).toBe('webp!');
  });

  it('names the download with an RFC 6266 header, sanitised', () => {
    const res = blobResponse(blob('image/webp'), { downloadName: '../../etc/青花.webp' });
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="file.webp"; filename*=UTF-8''${encodeURIComponent('青花.webp')}`);
  });

  it('shows images inline only when asked', () => {
    for (const type of ['image/webp', 'image/jpeg', 'image/png']) {
      const res = blobResponse(blob(type), { inline: true, downloadName: 'work.png' });
      expectSafeHeaders(res);
      expect(res.headers.get('content-disposition')).toBe(`inline; filename="work.png"; filename*=UTF-8''work.png`);
    }
    expect(blobResponse(blob('image/webp'), { inline: true }).headers.get('content-disposition')).toBe('inline');
  });

  it('never serves other types inline', () => {
    for (const type of ['text/html', 'image/svg+xml', 'application/pdf', 'application/octet-stream', 'image/gif']) {
      const res = blobResponse(blob(type), { inline: true });
      expectSafeHeaders(res);
      expect(res.headers.get('content-disposition')).toBe('attachment');
    }
  });

  it('falls back to application/octet-stream for a malformed stored type', () => {
    for (const type of ['', 'text/html; charset=utf-8', 'not a type', 'text/html\u2028x']) {
      const res = blobResponse(blob(type), { inline: true });
      expect(res.headers.get('content-type')).toBe('application/octet-stream');
      expect(res.headers.get('content-disposition')).toBe('attachment');
    }
  });

  it('streams a ReadableStream body', async () => {
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        c.enqueue(new TextEncoder().encode('chunk1,'));
        c.enqueue(new TextEncoder().encode('chunk2'));
        c.close();
      },
    });
    const res = blobResponse({ body, contentType: 'image/webp', size: 13 });
    expectSafeHeaders(res);
    expect(await res.text()).toBe('chunk1,chunk2');
  });
});

describe('upload → storage → download round trip', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jp-serve-'));
  });
  afterEach(() => {
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('serves exactly the re-encoded bytes', async () => {
    const storage = new LocalDiskStorage(path.join(tmp, 'uploads'));
    const jpeg = await sharp({ create: { width: 640, height: 480, channels: 3, background: '#2060a0' } }).jpeg().toBuffer();
    const stored = await storeProcessedImage(await processImage(jpeg), storage);
    const got = await storage.get(stored.main.key);
    const res = blobResponse(got!, { inline: true, downloadName: '作品.webp' });
    expectSafeHeaders(res);
    expect(res.headers.get('content-type')).toBe('image/webp');
    expect(res.headers.get('content-length')).toBe(String(stored.main.size));
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBe(stored.main.size);
    expect((await sharp(bytes).metadata()).width).toBe(640);
  });
});
