import { NotFoundView } from '@/components/shell/not-found-view';
import { getTranslator } from '@/lib/i18n/server';

export default async function NotFound() {
  return <NotFoundView t={(await getTranslator()).t} />;
}
