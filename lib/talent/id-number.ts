import { compareYmd, parseIsoDate, type Ymd } from './dates';

/**
 * 居民身份证号码 (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence, ISO 7064 MOD 11-2
 * check character (0-9 or X). Pure.
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
/** First two digits: provinces, autonomous regions and municipalities (GB/T 2260), plus 71/81/82 and 83 (residence permits for HK/MO/TW residents). */
const PROVINCES = new Set([11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63, 64, 65, 71, 81, 82, 83]);

export type IdNumberProblem = 'format' | 'region' | 'birth_date' | 'future_birth' | 'checksum' | 'birth_mismatch';

export function normaliseIdNumber(raw: string): string {
  return raw.normalize('NFKC').replace(/\s/g, '').toUpperCase();
}

export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export function birthDateOfIdNumber(id: string): Ymd | null {
  return parseIsoDate(`${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`);
}

/** Validates a normalised ID number against today's date and, when known, the declared birth date. */
export function checkIdNumber(id: string, opts: { today: Ymd; birthDate?: Ymd | null }): IdNumberProblem | null {
  if (!/^\d{17}[\dX]$/.test(id)) return 'format';
  if (!PROVINCES.has(Number(id.slice(0, 2)))) return 'region';
  const birth = birthDateOfIdNumber(id);
  if (!birth || birth.y < 1900) return 'birth_date';
  if (compareYmd(birth, opts.today) > 0) return 'future_birth';
  if (idCheckChar(id.slice(0, 17)) !== id[17]) return 'checksum';
  if (opts.birthDate && compareYmd(birth, opts.birthDate) !== 0) return 'birth_mismatch';
  return null;
}
