import { describe, expect, it } from 'vitest';
import { parseTalentNumber, talentNumber } from './talent-number';

describe('talent number', () => {
  const id = '3f9a2c1b-0d4e-4a5b-9c6d-7e8f90a1b2c3';
  it('is JP + the registration year + the first eight hex digits of the id, upper case', () => {
    expect(talentNumber(id, new Date('2026-03-05T10:00:00Z'))).toBe('JP2026-3F9A2C1B');
    expect(talentNumber(id, '2025-12-31T23:59:59Z')).toBe('JP2025-3F9A2C1B');
  });
  it('is stable for the same account and differs between accounts', () => {
    expect(talentNumber(id, '2026-01-01')).toBe(talentNumber(id, '2026-01-01'));
    expect(talentNumber('00000000-0000-4000-8000-000000000000', '2026-01-01')).not.toBe(talentNumber(id, '2026-01-01'));
  });
  it('without a registration date it keeps the id part', () => {
    expect(talentNumber(id, null)).toBe('JP-3F9A2C1B');
    expect(talentNumber(id, 'not a date')).toBe('JP-3F9A2C1B');
  });
  it('parses what people type back', () => {
    expect(parseTalentNumber('JP2026-3F9A2C1B')).toEqual({ year: '2026', prefix: '3f9a2c1b' });
    expect(parseTalentNumber(' jp 2026 3f9a2c1b ')).toEqual({ year: '2026', prefix: '3f9a2c1b' });
    expect(parseTalentNumber(id)).toBeNull();
    expect(parseTalentNumber('JP2026-3F9A2C')).toBeNull();
  });
});
