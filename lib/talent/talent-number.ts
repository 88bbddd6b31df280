/**
 * The talent number people see (人才编号): "JP" + the year of registration + the first eight hex digits of the
 * account id, e.g. JP2026-3F9A2C1B. Derived, so it needs no column and never changes; the UUID stays the key in URLs
 * and the API. Pure.
 */
export function talentNumber(userId: string, registeredAt: Date | string | null | undefined): string {
  const hex = userId.replace(/-/g, '').slice(0, 8).toUpperCase();
  const d = registeredAt ? new Date(registeredAt) : null;
  const year = d && !Number.isNaN(d.getTime()) ? String(d.getUTCFullYear()) : '';
  return `JP${year}-${hex}`;
}

/** A talent number as typed (case, spaces and a missing hyphen forgiven), or null. */
export function parseTalentNumber(input: string): { year: string; prefix: string } | null {
  const m = /^\s*JP\s*(\d{4})\s*-?\s*([0-9A-F]{8})\s*$/i.exec(input);
  return m ? { year: m[1]!, prefix: m[2]!.toLowerCase() } : null;
}
