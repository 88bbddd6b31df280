import { describe, expect, it } from 'vitest';
import { parseIsoDate } from './dates';
import { checkIdNumber, idCheckChar, normaliseIdNumber } from './id-number';

const today = parseIsoDate('2026-11-27')!;
/** Builds a valid number from a 17-digit body. */
const valid = (body17: string) => body17 + idCheckChar(body17);

describe('ID number (GB 11643)', () => {
  it('computes the ISO 7064 MOD 11-2 check character (published example)', () => {
    expect(idCheckChar('11010519491231002')).toBe('X');
    expect(checkIdNumber('11010519491231002X', { today })).toBeNull();
  });
  it('accepts valid numbers, lower-case x and full-width digits after normalisation', () => {
    const id = valid('36020319900101123');
    expect(checkIdNumber(id, { today })).toBeNull();
    expect(checkIdNumber(normaliseIdNumber('11010519491231002x'), { today })).toBeNull();
    expect(checkIdNumber(normaliseIdNumber(' １１０１０５１９４９１２３１００２Ｘ '), { today })).toBeNull();
  });
  it('names what is wrong', () => {
    const id = valid('36020319900101123');
    const wrongCheck = id.slice(0, 17) + (id[17] === '0' ? '1' : '0');
    expect(checkIdNumber(wrongCheck, { today })).toBe('checksum');
    expect(checkIdNumber('3602031990010112', { today })).toBe('format');
    expect(checkIdNumber(valid('99020319900101123'), { today })).toBe('region');
    expect(checkIdNumber(valid('36020319900230123'), { today })).toBe('birth_date');
    expect(checkIdNumber(valid('36020320301231123'), { today })).toBe('future_birth');
    expect(checkIdNumber(id, { today, birthDate: parseIsoDate('1990-01-02') })).toBe('birth_mismatch');
    expect(checkIdNumber(id, { today, birthDate: parseIsoDate('1990-01-01') })).toBeNull();
  });
});
