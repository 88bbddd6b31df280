/**
 * User-supplied file names are display text only (files are stored under random keys, lib/storage). Before one is
 * kept or echoed in a Content-Disposition header it is reduced to a harmless last path component.
 */

export const MAX_FILE_NAME_LENGTH = 100;
const FALLBACK_NAME = 'file';

// C0/C1 controls and DEL; bidi overrides and isolates (used to disguise "gpj.exe" as "exe.jpg"); zero-width
// characters and the BOM; line and paragraph separators.
const INVISIBLE_RE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;
// Reserved in file names on Windows (and quotes/backslashes would need escaping in headers).
const RESERVED_RE = /[<>:"|?*]/g;
const WINDOWS_DEVICE_RE = /^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])(\..*)?$/i;

/**
 * The last path component of a client-supplied name, without control, bidi or reserved characters, without
 * leading dots (no "..", no hidden files), trimmed and at most `maxLength` characters (code points), keeping a
 * short extension. Never empty: falls back to "file".
 */
export function sanitizeFileName(raw: unknown, maxLength = MAX_FILE_NAME_LENGTH): string {
  let name = typeof raw === 'string' ? raw : '';
  // toWellFormed: a lone surrogate would make encodeURIComponent throw later.
  name = name.toWellFormed().normalize('NFC').replace(INVISIBLE_RE, '');
  // Both separators count: Windows browsers used to send "C:\Users\x\photo.jpg".
  name = name.split(/[/\\]/).pop() ?? '';
  name = name.replace(RESERVED_RE, '_').replace(/\s+/g, ' ');
  // No leading dots or spaces; no trailing dots or spaces (Windows drops them, which can change the extension).
  name = name.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
  if (WINDOWS_DEVICE_RE.test(name)) name = `_${name}`;
  name = truncate(name, Math.max(1, maxLength));
  return name || FALLBACK_NAME;
}

/** Cuts to `max` code points, keeping an extension of up to 10 characters when there is one. */
function truncate(name: string, max: number): string {
  const chars = [...name];
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? [...name.slice(dot)] : [];
  if (ext.length >= 2 && ext.length <= 11 && ext.length < max) {
    const base = [...name.slice(0, dot)].slice(0, max - ext.length).join('').replace(/[\s.]+$/, '');
    if (base) return base + ext.join('');
  }
  return chars.slice(0, max).join('').replace(/[\s.]+$/, '');
}

/** RFC 8187 ext-value encoding: everything except attr-char is percent-encoded (UTF-8). */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** An ASCII stand-in for old clients: non-ASCII runs become "_"; a name with nothing left becomes "file.ext". */
function asciiFallback(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]+/g, '_').replace(/["\\%;]/g, '_');
  const dot = ascii.lastIndexOf('.');
  const base = dot > 0 ? ascii.slice(0, dot) : ascii;
  const ext = dot > 0 ? ascii.slice(dot) : '';
  if (!/[A-Za-z0-9]/.test(base)) return `${FALLBACK_NAME}${/^\.[A-Za-z0-9]{1,10}$/.test(ext) ? ext : ''}`;
  return ascii;
}

/**
 * An RFC 6266 Content-Disposition value: `attachment; filename="ascii"; filename*=UTF-8''percent-encoded`.
 * The name is sanitised first, so `../../etc/passwd` becomes `passwd` and a header can never be split or spoofed.
 */
export function contentDisposition(name: unknown, type: 'attachment' | 'inline' = 'attachment'): string {
  const clean = sanitizeFileName(name);
  const fallback = asciiFallback(clean);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encodeRfc8187(clean)}`;
}
