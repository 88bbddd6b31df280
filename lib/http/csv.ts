/** RFC 4180 field; a leading = + - @ is prefixed so spreadsheet apps never run it as a formula (CSV injection). */
export function csvField(v: string | number): string {
  let s = String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
