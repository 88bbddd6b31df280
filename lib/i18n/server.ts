import 'server-only';
import { parseCookies, requestHeaders } from '@/lib/http/context';
import { LOCALE_COOKIE, negotiateLocale, type Locale } from './config';
import { translator, type Translator } from './index';

export function localeFromHeaders(headers: Headers): Locale {
  return negotiateLocale(parseCookies(headers.get('cookie')).get(LOCALE_COOKIE), headers.get('accept-language'));
}

/** The request's language: the remembered choice (cookie), else Accept-Language, else zh-CN. */
export async function getLocale(): Promise<Locale> {
  return localeFromHeaders(await requestHeaders());
}

export async function getTranslator(): Promise<{ locale: Locale; t: Translator }> {
  const locale = await getLocale();
  return { locale, t: translator(locale) };
}
