import type { Locale } from './config';

/** 5,000 元 / CNY 5,000. Pure (no dictionaries): usable by notification kinds and client components alike. */
export function formatAmount(amount: number, locale: Locale): string {
  const n = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: 2 }).format(amount);
  return locale === 'en' ? `CNY ${n}` : `${n} 元`;
}
