import { describe, expect, it } from 'vitest';
import { checkPassword, policyMessage } from './password-policy';

const keys = (pw: string, ctx: Parameters<typeof checkPassword>[1] = { role: 'talent' }) => checkPassword(pw, ctx).map((p) => p.key);

describe('password policy', () => {
  it('accepts a good password', () => {
    expect(keys('Kiln-Fire-2026!')).toEqual([]);
    expect(keys('Jingpiao-2026', { role: 'zone_staff' })).toEqual([]);
  });
  it('needs 8 characters for talents and 12 for staff', () => {
    expect(keys('Ab1!xyz')).toContain('validation.passwordTooShort');
    expect(keys('Ab1!xyzw')).not.toContain('validation.passwordTooShort');
    expect(keys('Ab1!xyzwvu1', { role: 'sysadmin' })).toContain('validation.passwordTooShort');
    expect(checkPassword('Ab1!', { role: 'org_admin' })[0]?.params).toEqual({ min: 12 });
  });
  it('caps length at 128', () => {
    expect(keys(`Aa1!${'x'.repeat(125)}`)).toContain('validation.passwordTooLong');
  });
  it('needs three of four character classes', () => {
    expect(keys('abcdefghij')).toContain('validation.passwordClasses');
    expect(keys('abcdefgh12')).toContain('validation.passwordClasses');
    expect(keys('Abcdefgh12')).not.toContain('validation.passwordClasses');
  });
  it('refuses common passwords, also with punctuation or case changed', () => {
    expect(keys('Password123')).toContain('validation.passwordCommon');
    expect(keys('P@ssw0rd')).toContain('validation.passwordCommon');
    expect(keys('Jingdezhen123')).toContain('validation.passwordCommon');
  });
  it('refuses a password containing the phone, e-mail name or display name', () => {
    expect(keys('A!13807981234', { role: 'talent', phone: '13807981234' })).toContain('validation.passwordContainsIdentity');
    expect(keys('Zhangsan-2026!', { role: 'talent', email: 'zhangsan@x.cn' })).toContain('validation.passwordContainsIdentity');
  });
  it('normalises full-width characters before checking (NFKC)', () => {
    expect(keys('Ｐａｓｓｗｏｒｄ１２３')).toContain('validation.passwordCommon');
  });
  it('encodes parameters into the message string', () => {
    expect(policyMessage({ key: 'validation.passwordTooShort', params: { min: 12 } })).toBe('validation.passwordTooShort?min=12');
  });
});
