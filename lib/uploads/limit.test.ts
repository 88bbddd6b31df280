import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/http/errors';
import { limitRequestBody, limitStream, MAX_UPLOAD_BYTES, MULTIPART_OVERHEAD_BYTES, readLimited } from './limit';

/** A body delivered in chunks of `chunk` bytes, counting how much was pulled. */
function chunked(total: number, chunk = 64 * 1024) {
  const state = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(c) {
      if (state.pulled >= total) return c.close();
      const n = Math.min(chunk, total - state.pulled);
      state.pulled += n;
      c.enqueue(new Uint8Array(n));
    },
  });
  return { stream, state };
}

async function caught(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('readLimited', () => {
  it('reads a body up to the limit', async () => {
    const { stream } = chunked(1000, 300);
    expect((await readLimited(stream, 1000)).length).toBe(1000);
    expect((await readLimited(null)).length).toBe(0);
  });

  it('stops reading a 50 MB body shortly after 10 MB', async () => {
    const { stream, state } = chunked(50 * 1024 * 1024);
    const err = await caught(readLimited(stream));
    expect(err.code).toBe('PAYLOAD_TOO_LARGE');
    expect(err.options.fieldErrors).toEqual({ file: ['validation.fileTooLarge'] });
    expect(state.pulled).toBeLessThan(MAX_UPLOAD_BYTES + 3 * 64 * 1024);
  });
});

describe('limitStream', () => {
  it('passes small bodies and errors large ones', async () => {
    expect((await new Response(limitStream(chunked(500).stream, 500)).arrayBuffer()).byteLength).toBe(500);
    expect((await caught(new Response(limitStream(chunked(501).stream, 500)).arrayBuffer())).code).toBe('PAYLOAD_TOO_LARGE');
  });
});

describe('limitRequestBody', () => {
  const form = (size: number) => {
    const fd = new FormData();
    fd.append('title', '青花山水');
    fd.append('file', new Blob([new Uint8Array(size)], { type: 'image/jpeg' }), '../../x.jpg');
    return new Request('http://localhost/api/v1/me/works', { method: 'POST', body: fd });
  };

  it('lets a form with a 10 MB file through', async () => {
    const fd = await limitRequestBody(form(MAX_UPLOAD_BYTES)).formData();
    expect((fd.get('file') as File).size).toBe(MAX_UPLOAD_BYTES);
    expect(fd.get('title')).toBe('青花山水');
  });

  it('rejects a streamed body over the limit while reading (no Content-Length)', async () => {
    const err = await caught(limitRequestBody(form(MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES)).formData());
    expect(err.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses a declared Content-Length over the limit before reading', () => {
    const req = new Request('http://localhost/x', { method: 'POST', body: 'x', headers: { 'content-length': String(50 * 1024 * 1024) } });
    expect(() => limitRequestBody(req)).toThrow(AppError);
  });

  it('returns a body-less request unchanged', () => {
    const req = new Request('http://localhost/x');
    expect(limitRequestBody(req)).toBe(req);
  });
});
