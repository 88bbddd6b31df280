/**
 * Application materials (issue 13 §5): which files a talent may upload for a listed material. Pure (no I/O), shared
 * by the service and the apply form. The type is decided by the file's magic bytes only, never its name or the
 * declared Content-Type; the size limit is the evidence uploads' (lib/uploads/limit.ts, 10 MB).
 *
 * Images (JPEG, PNG, WebP) are re-encoded by the service like evidence (metadata stripped). A PDF cannot be
 * re-encoded (the bundled libvips has no PDF loader), so it is checked here instead: a real PDF header and end
 * marker, and none of the names that carry active content (JavaScript, launch actions, embedded files, rich
 * media, XFA forms). It is stored as uploaded and only ever served as a download (lib/uploads/serve.ts: attachment,
 * nosniff, sandbox CSP), never rendered inline by the portal.
 */

export const MATERIAL_MAX_BYTES = 10 * 1024 * 1024;
export type MaterialFileType = 'application/pdf' | 'image/jpeg' | 'image/png' | 'image/webp';
/** For the file input's accept attribute (a hint only: the server sniffs). */
export const MATERIAL_ACCEPT = 'application/pdf,image/jpeg,image/png,image/webp,.pdf,.jpg,.jpeg,.png,.webp';

const startsWith = (bytes: Uint8Array, sig: readonly number[], offset = 0) =>
  bytes.length >= offset + sig.length && sig.every((b, i) => bytes[offset + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));
/** Bytes as a latin1 string (one char per byte), without Buffer so that the module also loads in the browser. */
function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 0x8000) out += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return out;
}

/** The material's type by magic bytes, or null. */
export function sniffMaterialType(bytes: Uint8Array): MaterialFileType | null {
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  return null;
}

/** PDF names that run or carry something besides the document (matched as whole names, e.g. `/JS` but not `/JSX`). */
const ACTIVE_PDF_NAMES = /\/(JavaScript|JS|Launch|EmbeddedFiles?|RichMedia|XFA|AA|OpenAction|SubmitForm|ImportData|GoToE)(?![A-Za-z0-9])/;

export type PdfProblem = 'validation.materialPdfInvalid' | 'validation.materialPdfActive';

/**
 * Checks an uploaded PDF: the `%PDF-1.x`/`%PDF-2.x` header, an `%%EOF` marker near the end (no trailing second
 * file of a polyglot), and no active-content names anywhere in the bytes. Null when it is acceptable.
 */
export function checkPdf(bytes: Uint8Array): PdfProblem | null {
  const head = latin1(bytes.subarray(0, 8));
  if (!/^%PDF-[12]\.\d/.test(head)) return 'validation.materialPdfInvalid';
  const tail = latin1(bytes.subarray(Math.max(0, bytes.length - 1024)));
  const eof = tail.lastIndexOf('%%EOF');
  if (eof < 0 || tail.slice(eof + 5).trim() !== '') return 'validation.materialPdfInvalid';
  if (ACTIVE_PDF_NAMES.test(latin1(bytes))) return 'validation.materialPdfActive';
  return null;
}

/**
 * Which materials still lack a file, given the listed ones and the files referenced on submission. A reference
 * given for a code the version does not list is reported as unknown.
 */
export function materialGaps(required: readonly { code: string }[], given: readonly { code: string; uploadId?: string | null }[]): { missing: string[]; unknown: string[] } {
  const byCode = new Map(given.map((g) => [g.code, g]));
  return {
    missing: required.filter((r) => !byCode.get(r.code)?.uploadId).map((r) => r.code),
    unknown: given.filter((g) => !required.some((r) => r.code === g.code)).map((g) => g.code),
  };
}

/**
 * A PDF file from its objects (numbered from 1; the first is the catalog): header, cross-reference table and trailer.
 * The objects must be ASCII, so the string's length is its byte length. `info`: a trailer /Info dictionary.
 */
export function assemblePdf(objects: readonly string[], info?: string): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R${info ? ` /Info ${info}` : ''} >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

/** A tiny valid one-page PDF with the given ASCII text (demo seeds and tests; no binary blobs in the repository). */
export function tinyPdf(text: string): Uint8Array {
  const safe = text.replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, '');
  const content = `BT /F1 18 Tf 40 120 Td (${safe}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 420 200] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  return assemblePdf(objects);
}
