import type { Translator } from '@/lib/i18n';

/** Browser-side helpers for the multipart uploads (evidence, work images). */
export const IMAGE_ACCEPT = 'image/jpeg,image/png,image/webp';
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

/** The message of a problem+json answer: the file's field error first, then any field error, then `detail`. */
export async function problemMessage(res: Response, fallback: string): Promise<string> {
  const body = (await res.json().catch(() => null)) as { detail?: string; errors?: Record<string, string[]> } | null;
  if (!body) return fallback;
  const fieldMessage = body.errors?.file?.[0] ?? Object.values(body.errors ?? {})[0]?.[0];
  return fieldMessage ?? body.detail ?? fallback;
}

/** Checks a chosen file before sending it (the server checks again, by its bytes). */
export function checkImageFile(file: File | null, t: Translator): string | null {
  if (!file || file.size === 0) return t('validation.fileEmpty');
  if (file.size > MAX_UPLOAD_BYTES) return t('validation.fileTooLarge');
  if (file.type && !IMAGE_ACCEPT.split(',').includes(file.type)) return t('validation.fileType');
  return null;
}
