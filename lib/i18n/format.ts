import type { Locale } from './config';

/** 5,000 元 / CNY 5,000. Pure (no dictionaries): usable by notification kinds and client components alike. */
export function formatAmount(amount: number, locale: Locale): string {
  const n = new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { maximumFractionDigits: 2 }).format(amount);
  return locale === 'en' ? `CNY ${n}` : `${n} 元`;
}

/** A calendar date in Jingdezhen time: 2026年12月4日 / 4 Dec 2026. */
export function formatDate(at: Date, locale: Locale): string {
  return at.toLocaleDateString(locale === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: locale === 'en' ? 'short' : 'long', day: 'numeric' });
}
