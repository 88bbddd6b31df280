import { describe, expect, it } from 'vitest';
import { recordPaymentInput } from './dues-schemas';

const base = { memberId: '7a2e4b10-5c3d-4e8f-a1b2-000000000003', month: '2026-12', amount: '102.00', collectingOrgId: '7a2e4b10-5c3d-4e8f-a1b2-000000000001' };

describe('recordPaymentInput', () => {
  it('treats a blank optional receipt number (what an untouched form field sends) as none', () => {
    expect(recordPaymentInput.parse({ ...base, receiptNo: '' }).receiptNo).toBeUndefined();
    expect(recordPaymentInput.parse({ ...base, receiptNo: '   ' }).receiptNo).toBeUndefined();
    expect(recordPaymentInput.parse(base).receiptNo).toBeUndefined();
  });
  it('keeps a given receipt number, trimmed, and refuses one over 64 characters', () => {
    expect(recordPaymentInput.parse({ ...base, receiptNo: ' R-001 ' }).receiptNo).toBe('R-001');
    expect(recordPaymentInput.safeParse({ ...base, receiptNo: 'x'.repeat(65) }).success).toBe(false);
  });
});
