'use client';

import { useT } from '@/components/i18n/provider';
import { NotFoundView } from '@/components/shell/not-found-view';

/** Not-found files get no params and the cached tree reads no request: the language comes from the layout's provider. */
export default function NotFound() {
  return <NotFoundView t={useT()} />;
}
