import 'server-only';
import { AppError } from '@/lib/http/errors';
import { fileTooLarge, limitRequestBody, MAX_UPLOAD_BYTES, MULTIPART_OVERHEAD_BYTES, readLimited } from './limit';

/** Reads a multipart upload with the size cap enforced while streaming: the file's bytes and the other fields. */
export async function readUpload(req: Request, fileField: string): Promise<{ bytes: Uint8Array; fields: Record<string, string>; fileName: string }> {
  let form: FormData;
  let exceeded = false;
  try {
    form = await limitRequestBody(req, MAX_UPLOAD_BYTES + MULTIPART_OVERHEAD_BYTES, () => (exceeded = true)).formData();
  } catch (err) {
    // A chunked body over the limit (no Content-Length) makes formData() fail with a parse error: still a 413.
    if (exceeded) throw fileTooLarge();
    if (err instanceof AppError) throw err;
    throw new AppError('VALIDATION_FAILED', { fieldErrors: { [fileField]: ['validation.fileEmpty'] } });
  }
  const file = form.get(fileField);
  if (!file || typeof file === 'string') throw new AppError('VALIDATION_FAILED', { fieldErrors: { [fileField]: ['validation.fileEmpty'] } });
  const bytes = await readLimited(file.stream(), MAX_UPLOAD_BYTES);
  const fields: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (k !== fileField && typeof v === 'string') fields[k] = v;
  // The client's name for the file: display text only (sanitise it before keeping it, lib/uploads/filename.ts).
  return { bytes, fields, fileName: file.name };
}
