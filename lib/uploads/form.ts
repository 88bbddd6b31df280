import 'server-only';
import { AppError } from '@/lib/http/errors';
import { limitRequestBody, MAX_UPLOAD_BYTES, readLimited } from './limit';

/** Reads a multipart upload with the size cap enforced while streaming: the file's bytes and the other fields. */
export async function readUpload(req: Request, fileField: string): Promise<{ bytes: Uint8Array; fields: Record<string, string> }> {
  let form: FormData;
  try {
    form = await limitRequestBody(req).formData();
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('VALIDATION_FAILED', { fieldErrors: { [fileField]: ['validation.fileEmpty'] } });
  }
  const file = form.get(fileField);
  if (!file || typeof file === 'string') throw new AppError('VALIDATION_FAILED', { fieldErrors: { [fileField]: ['validation.fileEmpty'] } });
  const bytes = await readLimited(file.stream(), MAX_UPLOAD_BYTES);
  const fields: Record<string, string> = {};
  for (const [k, v] of form.entries()) if (k !== fileField && typeof v === 'string') fields[k] = v;
  return { bytes, fields };
}
