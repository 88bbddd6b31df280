import type { StoredBlob } from '@/lib/storage/storage';
import { contentDisposition } from './filename';

/**
 * The response for a stored upload, security.md #33. Call it only after the authorization check (the caller
 * answers 404 for another user's private file). Whatever the bytes are, a browser is told not to sniff them, not to
 * run anything in them (sandbox CSP without scripts or subresources), not to cache them, and to download them unless
 * they are one of our re-encoded image types and the caller asked for inline display.
 */

export const DOWNLOAD_CSP = "default-src 'none'; sandbox";
export const DOWNLOAD_CACHE_CONTROL = 'private, max-age=0, no-store';

/** Types that may be shown inline: only what lib/uploads/images produces or accepts. */
const INLINE_TYPES = new Set(['image/webp', 'image/jpeg', 'image/png']);
const CONTENT_TYPE_RE = /^[a-z0-9][a-z0-9!#$&^_.+-]{0,63}\/[a-z0-9][a-z0-9!#$&^_.+-]{0,63}$/;

export interface BlobResponseOptions {
  /** The display name for the Content-Disposition header; sanitised there (never a storage path). */
  downloadName?: string;
  /** Show in the browser instead of downloading; honoured for image types only. */
  inline?: boolean;
}

export function blobResponse(blob: StoredBlob, opts: BlobResponseOptions = {}): Response {
  const contentType = CONTENT_TYPE_RE.test(blob.contentType) ? blob.contentType : 'application/octet-stream';
  const disposition = opts.inline && INLINE_TYPES.has(contentType) ? 'inline' : 'attachment';
  const headers = new Headers({
    'Content-Type': contentType,
    'Content-Disposition': opts.downloadName !== undefined ? contentDisposition(opts.downloadName, disposition) : disposition,
    'X-Content-Type-Options': 'nosniff',
    'Content-Security-Policy': DOWNLOAD_CSP,
    'Cache-Control': DOWNLOAD_CACHE_CONTROL,
    // Only our own pages may embed it (no hot-linking of authorization-checked content from other sites).
    'Cross-Origin-Resource-Policy': 'same-origin',
  });
  let body: BodyInit;
  if (blob.body instanceof Uint8Array) {
    headers.set('Content-Length', String(blob.body.byteLength));
    body = blob.body as Uint8Array<ArrayBuffer>;
  } else {
    body = blob.body;
  }
  return new Response(body, { status: 200, headers });
}
