import { describe, expect, it } from 'vitest';
import { translate } from '@/lib/i18n';
import { amountLabel, bi, estimatedTotal, formatRoundAmount, onlyLocale } from '@/components/policy/format';

const tZh = ((k: string, p?: Record<string, string | number>) => translate('zh-CN', k, p)) as never;
const tEn = ((k: string, p?: Record<string, string | number>) => translate('en', k, p)) as never;

/** Issue 13 §5: a loan ceiling ("3,000,000 元") was shown like money received. */
describe('policy amounts', () => {
  it('states a loan as a ceiling, never as money', () => {
    const loan = { amountEstimate: 3_000_000, category: 'finance', benefitKind: 'loan' };
    expect(amountLabel(loan, tZh, 'zh-CN')).toEqual({ text: '贷款额度最高 300 万元', ceiling: true });
    expect(amountLabel(loan, tEn, 'en')).toEqual({ text: 'Loan up to CNY 3,000,000', ceiling: true });
    expect(amountLabel({ amountEstimate: 50_000, category: 'finance', benefitKind: 'interest_subsidy' }, tZh, 'zh-CN')?.text).toBe('贴息最高 5 万元');
  });

  it('shows money as money', () => {
    expect(amountLabel({ amountEstimate: 5_000, category: 'startup', benefitKind: 'cash_once' }, tZh, 'zh-CN')).toEqual({ text: '5,000 元', ceiling: false });
    expect(amountLabel({ amountEstimate: null, category: 'startup' }, tZh, 'zh-CN')).toBeNull();
    expect(formatRoundAmount(12_345, 'zh-CN')).toBe('12,345 元');
  });

  it('never counts a ceiling in the estimated total', () => {
    const results = [
      { status: 'ELIGIBLE' as const, amountEstimate: 5_000, category: 'startup', benefitKind: 'cash_once' },
      { status: 'ELIGIBLE' as const, amountEstimate: 3_000_000, category: 'finance', benefitKind: 'loan' },
      { status: 'ELIGIBLE' as const, amountEstimate: 200_000, category: 'startup', benefitKind: 'loan' },
      { status: 'NEAR_MISS' as const, amountEstimate: 10_000, category: 'housing', benefitKind: 'cash_periodic' },
    ];
    expect(estimatedTotal(results)).toBe(5_000);
  });
});

/** Issue 13 §4: 我的政策 sends the browser only the reader's language; `bi` must read the trimmed text unchanged. */
describe('onlyLocale', () => {
  it('keeps exactly what bi reads, for both languages, and passes null through', () => {
    const v = { zh: '毕业 5 年内', en: 'Graduated within 5 years' };
    for (const locale of ['zh-CN', 'en'] as const) {
      const trimmed = onlyLocale(v, locale);
      expect(bi(trimmed, locale)).toBe(bi(v, locale));
      expect(JSON.stringify(trimmed).length).toBeLessThan(JSON.stringify(v).length);
    }
    expect(onlyLocale(v, 'en')).toEqual({ zh: '', en: 'Graduated within 5 years' });
    expect(onlyLocale(null, 'zh-CN')).toBeNull();
    expect(onlyLocale(undefined, 'en')).toBeUndefined();
  });
});
