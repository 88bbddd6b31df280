import type { ReactNode } from 'react';
import type { Translator } from '@/lib/i18n';

/**
 * The frame of the public letter-verification page: who answers (珠山区委组织部 through the portal), the page title,
 * a narrow column for phones. No navigation and no session: it is what a QR code opens.
 */
export function VerifyShell({ t, children }: { t: Translator; children: ReactNode }) {
  return (
    <div className="min-h-dvh bg-ink-50">
      <header className="bg-brand-800 text-white">
        <div className="mx-auto flex max-w-md items-center gap-3 px-4 py-4">
          <span aria-hidden className="flex size-10 items-center justify-center rounded-full bg-white/15 text-xl">
            ☆
          </span>
          <div>
            <p className="text-xs text-white/85">{t('partyTransfer.verifyIssuerLine')}</p>
            <p className="font-semibold">{t('app.name')}</p>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-md px-4 py-6">
        <h1 className="mb-4 text-xl font-semibold text-ink-900">{t('partyTransfer.verifyTitle')}</h1>
        {children}
      </main>
    </div>
  );
}
