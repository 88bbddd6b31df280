'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { useLocale, useT } from '@/components/i18n/provider';
import { setLocaleAction } from '@/lib/account/actions';
import type { Locale } from '@/lib/i18n';

const LABELS: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

export function LanguageSwitcher() {
  const locale = useLocale();
  const t = useT();
  const router = useRouter();
  const [pending, start] = useTransition();
  const next: Locale = locale === 'zh-CN' ? 'en' : 'zh-CN';
  return (
    <button
      type="button"
      disabled={pending}
      onClick={() =>
        start(async () => {
          await setLocaleAction({ locale: next });
          router.refresh();
        })
      }
      className="min-h-9 rounded-lg px-2.5 text-sm font-medium text-ink-700 ring-1 ring-ink-300 hover:bg-ink-100"
      aria-label={`${t('nav.language')}: ${LABELS[next]}`}
      lang={next}
      data-testid="language-switch"
    >
      {LABELS[next]}
    </button>
  );
}
