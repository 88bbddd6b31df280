import 'server-only';
import sharp, { type Metadata, type SharpOptions } from 'sharp';
import { AppError } from '@/lib/http/errors';
import { getStorage, newBlobKey, type BlobKey, type BlobStorage } from '@/lib/storage/storage';
import { fileTooLarge, MAX_UPLOAD_BYTES } from './limit';

/**
 * Image uploads (portfolio works, evidence), security.md #32 and ASVS 5.2: a size cap, the type decided by the
 * file's magic bytes only (never its name or the declared Content-Type), a pixel cap against decompression bombs,
 * and a full re-encode with sharp, which drops everything that is not pixels: EXIF (GPS, camera serials), XMP,
 * ICC profiles, comments, trailing data of polyglots. The result is always a fresh WebP (or JPEG) in sRGB.
 */

export { MAX_UPLOAD_BYTES };
/** A 40-megapixel cap: a 10 MB PNG can otherwise claim billions of pixels and exhaust memory when decoded. */
export const MAX_INPUT_PIXELS = 40_000_000;
export const MAIN_MAX_EDGE = 2400;
export const THUMB_MAX_EDGE = 480;
const PROCESS_TIMEOUT_SECONDS = 30;

export type AcceptedImageType = 'image/jpeg' | 'image/png' | 'image/webp';
export type OutputImageType = 'image/webp' | 'image/jpeg';

export interface ImageVariant {
  bytes: Buffer;
  width: number;
  height: number;
  contentType: OutputImageType;
}

export interface ProcessedImage {
  main: ImageVariant;
  thumb: ImageVariant;
  /** What the upload was, by its magic bytes, and its size after EXIF orientation. */
  source: { contentType: AcceptedImageType; width: number; height: number };
}

export interface ProcessImageOptions {
  /** Longest edge of the main image (default 2400 px); smaller images are never enlarged. */
  maxEdge?: number;
  /** Longest edge of the thumbnail (default 480 px). */
  thumbEdge?: number;
  /** Output format (default WebP: smaller, keeps transparency, shown by every current browser). */
  format?: 'webp' | 'jpeg';
  /** Encoder quality of the main image, 1–100 (default 82); thumbnails use a little less. */
  quality?: number;
}

// Uploads are decoded once; libvips' operation cache would only hold on to their memory.
sharp.cache(false);

const SHARP_FORMAT: Record<AcceptedImageType, string> = { 'image/jpeg': 'jpeg', 'image/png': 'png', 'image/webp': 'webp' };

const startsWith = (bytes: Uint8Array, sig: readonly number[], offset = 0) =>
  bytes.length >= offset + sig.length && sig.every((b, i) => bytes[offset + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/** The image type by magic bytes, or null. JPEG FF D8 FF; PNG 89 50 4E 47 0D 0A 1A 0A; WebP RIFF....WEBP + VP8 chunk. */
export function sniffImageType(bytes: Uint8Array): AcceptedImageType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (
    startsWith(bytes, ascii('RIFF')) &&
    startsWith(bytes, ascii('WEBP'), 8) &&
    (startsWith(bytes, ascii('VP8 '), 12) || startsWith(bytes, ascii('VP8L'), 12) || startsWith(bytes, ascii('VP8X'), 12))
  ) {
    return 'image/webp';
  }
  return null;
}

const invalid = (key: 'validation.fileType' | 'validation.fileEmpty' | 'validation.imageUnreadable' | 'validation.imageTooLarge') =>
  new AppError('VALIDATION_FAILED', { fieldErrors: { file: [key] } });

/** Sharp's failures become validation errors; the pixel cap gets its own message. */
function decodeError(err: unknown): AppError {
  const message = err instanceof Error ? err.message : '';
  return /pixel limit/i.test(message) ? invalid('validation.imageTooLarge') : invalid('validation.imageUnreadable');
}

function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Validates and re-encodes an uploaded image. Throws AppError: PAYLOAD_TOO_LARGE above 10 MB; VALIDATION_FAILED
 * with `file: [validation.fileEmpty | fileType | imageUnreadable | imageTooLarge]` otherwise. Pure: stores nothing.
 */
export async function processImage(input: Uint8Array, opts: ProcessImageOptions = {}): Promise<ProcessedImage> {
  if (input.byteLength > MAX_UPLOAD_BYTES) throw fileTooLarge();
  if (input.byteLength === 0) throw invalid('validation.fileEmpty');
  const sourceType = sniffImageType(input);
  if (!sourceType) throw invalid('validation.fileType');

  const bytes = toBuffer(input);
  const maxEdge = opts.maxEdge ?? MAIN_MAX_EDGE;
  const thumbEdge = opts.thumbEdge ?? THUMB_MAX_EDGE;
  const format = opts.format ?? 'webp';
  const quality = Math.min(100, Math.max(1, Math.round(opts.quality ?? 82)));

  // failOn 'error': reject corrupt or truncated data, tolerate the harmless warnings many phone JPEGs carry.
  // autoOrient applies the EXIF orientation to the pixels before the EXIF block is dropped.
  const inputOptions: SharpOptions = { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error', autoOrient: true };
  let meta: Metadata;
  try {
    meta = await sharp(bytes, inputOptions).metadata();
  } catch (err) {
    throw decodeError(err);
  }
  // libvips sniffs on its own; it must agree with ours (belt and braces: nothing else reaches a decoder).
  if (meta.format !== SHARP_FORMAT[sourceType]) throw invalid('validation.fileType');

  const encode = (edge: number, q: number) => {
    let img = sharp(bytes, inputOptions)
      .timeout({ seconds: PROCESS_TIMEOUT_SECONDS })
      .resize({ width: edge, height: edge, fit: 'inside', withoutEnlargement: true });
    // No withMetadata()/keep*(): sharp writes no EXIF, XMP or ICC and converts to sRGB.
    img = format === 'jpeg' ? img.flatten({ background: '#ffffff' }).jpeg({ quality: q, mozjpeg: true }) : img.webp({ quality: q });
    return img.toBuffer({ resolveWithObject: true });
  };

  try {
    const [main, thumb] = await Promise.all([encode(maxEdge, quality), encode(thumbEdge, Math.max(1, quality - 7))]);
    const contentType: OutputImageType = format === 'jpeg' ? 'image/jpeg' : 'image/webp';
    return {
      main: { bytes: main.data, width: main.info.width, height: main.info.height, contentType },
      thumb: { bytes: thumb.data, width: thumb.info.width, height: thumb.info.height, contentType },
      source: { contentType: sourceType, width: meta.autoOrient?.width ?? meta.width, height: meta.autoOrient?.height ?? meta.height },
    };
  } catch (err) {
    throw decodeError(err);
  }
}

/**
 * Evidence for a title, honour, ICH status or award (a photo or scan of a certificate). Images only (JPEG, PNG,
 * WebP), re-encoded like portfolio works but larger and sharper so that the text stays legible for reviewers.
 *
 * PDF is deliberately NOT accepted: the bundled libvips has no PDF loader, so a PDF could not be re-encoded, only
 * passed through, and a passed-through PDF keeps whatever it carries (JavaScript, embedded files, forms, a second
 * document in a polyglot). A scan or phone photo of the certificate serves the reviewer just as well.
 */
export function processEvidenceFile(bytes: Uint8Array): Promise<ProcessedImage> {
  return processImage(bytes, { maxEdge: 3200, thumbEdge: THUMB_MAX_EDGE, quality: 88 });
}

export interface StoredVariant {
  key: BlobKey;
  width: number;
  height: number;
  contentType: OutputImageType;
  size: number;
}

/** Writes both variants under fresh keys; if the second write fails, the first is removed again. */
export async function storeProcessedImage(img: ProcessedImage, storage: BlobStorage = getStorage()): Promise<{ main: StoredVariant; thumb: StoredVariant }> {
  const written: BlobKey[] = [];
  const put = async (v: ImageVariant): Promise<StoredVariant> => {
    const key = newBlobKey();
    await storage.put(key, v.bytes, { contentType: v.contentType });
    written.push(key);
    return { key, width: v.width, height: v.height, contentType: v.contentType, size: v.bytes.byteLength };
  };
  try {
    const main = await put(img.main);
    const thumb = await put(img.thumb);
    return { main, thumb };
  } catch (err) {
    await Promise.allSettled(written.map((k) => storage.delete(k)));
    throw err;
  }
}
