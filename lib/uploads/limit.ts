import { AppError } from '@/lib/http/errors';

/**
 * Size limits enforced while the body streams in (security.md: the upload Route Handler enforces size while
 * streaming), so a 50 MB upload is cut off after 10 MB instead of being buffered whole first.
 */

export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;
/** Room for multipart boundaries and the other form fields around one file. */
export const MULTIPART_OVERHEAD_BYTES = 64 * 1024;

export const fileTooLarge = () =>
  new AppError('PAYLOAD_TOO_LARGE', { detailKey: 'validation.fileTooLarge', fieldErrors: { file: ['validation.fileTooLarge'] } });

/** Passes the stream through and errors it with PAYLOAD_TOO_LARGE as soon as more than maxBytes have arrived. */
export function limitStream(stream: ReadableStream<Uint8Array>, maxBytes: number, onExceeded?: () => void): ReadableStream<Uint8Array> {
  let seen = 0;
  return stream.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        seen += chunk.byteLength;
        if (seen > maxBytes) {
          onExceeded?.();
          controller.error(fileTooLarge());
        }
        else controller.enqueue(chunk);
      },
    }),
  );
}

/** Reads a whole body of at most maxBytes (raw uploads: `PUT` with the file as the body). */
export async function readLimited(stream: ReadableStream<Uint8Array> | null, maxBytes: number = MAX_UPLOAD_BYTES): Promise<Buffer> {
  if (!stream) return Buffer.alloc(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = stream.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        throw fileTooLarge();
      }
      chunks.push(value);
    }
  } finally {
    reader.releaseLock();
  }
  return Buffer.concat(chunks, total);
}

/**
 * A copy of the request whose body errors with PAYLOAD_TOO_LARGE beyond maxBytes (default: one 10 MB file plus
 * multipart overhead); a declared Content-Length above the limit is refused before anything is read. Use it as
 * `await limitRequestBody(request).formData()`. formData() may reject with its own parse error instead of the
 * AppError (undici wraps a stream error while parsing a chunked multipart body): onExceeded tells the caller why.
 */
export function limitRequestBody(request: Request, maxBytes: number = MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES, onExceeded?: () => void): Request {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw fileTooLarge();
  if (!request.body) return request;
  return new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: limitStream(request.body, maxBytes, onExceeded),
    duplex: 'half',
  } as RequestInit & { duplex: 'half' });
}
