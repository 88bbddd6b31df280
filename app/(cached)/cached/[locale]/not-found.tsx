import { locale } from 'next/root-params';
import { NotFoundView } from '@/components/shell/not-found-view';
import { DEFAULT_LOCALE, isLocale, translator } from '@/lib/i18n';

/** The cached tree's 404 (not-found files get no params: the language is the root layout's [locale] segment). */
export default async function NotFound() {
  const l = await locale();
  return <NotFoundView t={translator(isLocale(l) ? l : DEFAULT_LOCALE)} />;
}
