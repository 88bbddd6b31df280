import { describe, expect, it } from 'vitest';
import { blindIndex, decryptField, encryptField } from './fields';
import { maskEmail, maskIdNumber, maskPhone } from './mask';

describe('field encryption', () => {
  it('round-trips and never repeats a ciphertext', () => {
    const a = encryptField('13807981234');
    const b = encryptField('13807981234');
    expect(a).not.toBe(b);
    expect(a).not.toContain('13807981234');
    expect(decryptField(a)).toBe('13807981234');
  });
  it('refuses a tampered ciphertext', () => {
    const c = encryptField('360203199001011234');
    const raw = Buffer.from(c.slice(3), 'base64url');
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
    expect(() => decryptField(`v1.${raw.toString('base64url')}`)).toThrow();
  });
  it('blind indexes are stable, domain-separated and keyed', () => {
    expect(blindIndex('phone', '13807981234')).toBe(blindIndex('phone', '13807981234'));
    expect(blindIndex('phone', '13807981234')).not.toBe(blindIndex('id', '13807981234'));
    expect(blindIndex('phone', '13807981234')).not.toMatch(/\d{11}/);
  });
});

describe('masking', () => {
  it('masks phones, ID numbers and e-mails', () => {
    expect(maskPhone('13856785678')).toBe('138****5678');
    expect(maskIdNumber('360203199001011234')).toBe('3602**********1234');
    expect(maskEmail('zhang.san@example.com')).toBe('z***@example.com');
    expect(maskPhone(null)).toBeNull();
  });
});
