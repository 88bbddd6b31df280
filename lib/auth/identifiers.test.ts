import { describe, expect, it } from 'vitest';
import { normalisePhone, parseLogin } from './identifiers';

describe('login identifiers', () => {
  it.each([
    ['13812345678', '13812345678'],
    ['138 1234 5678', '13812345678'],
    ['+86 138-1234-5678', '13812345678'],
    ['008613812345678', '13812345678'],
    ['１３８１２３４５６７８', '13812345678'],
  ])('normalises phone %s', (raw, expected) => expect(normalisePhone(raw)).toBe(expected));

  it.each(['12812345678', '1381234567', '138123456789', '', 'abc'])('rejects %s as a phone', (raw) => expect(normalisePhone(raw)).toBeNull());

  it('lower-cases and NFKC-normalises e-mails', () => {
    expect(parseLogin('  Talent@Demo.Local ')).toEqual({ kind: 'email', value: 'talent@demo.local' });
    expect(parseLogin('ｔａｌｅｎｔ＠demo.local')).toEqual({ kind: 'email', value: 'talent@demo.local' });
  });
  it('rejects junk and over-long input', () => {
    expect(parseLogin('not an email@')).toBeNull();
    expect(parseLogin(`${'a'.repeat(60)}@demo.local`)).toBeNull();
    expect(parseLogin('')).toBeNull();
  });
});
