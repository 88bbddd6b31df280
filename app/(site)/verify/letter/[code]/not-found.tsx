import { VerifyShell } from '@/components/party/verify-shell';
import { getTranslator } from '@/lib/i18n/server';

/** An unknown (or malformed) verification code: a clear answer, nothing about any letter. */
export default async function VerifyLetterNotFound() {
  const { t } = await getTranslator();
  return (
    <VerifyShell t={t}>
      <section role="alert" className="rounded-2xl bg-white p-5 shadow-sm ring-1 ring-ink-200" data-testid="verify-unknown">
        <div className="flex items-center gap-4">
          <span aria-hidden className="flex size-12 shrink-0 items-center justify-center rounded-full bg-ink-100 text-2xl font-bold text-ink-700">
            ?
          </span>
          <div>
            <p className="text-xl font-bold text-ink-900">{t('partyTransfer.verifyUnknownTitle')}</p>
            <p className="mt-1 text-sm text-ink-700">{t('partyTransfer.verifyUnknown')}</p>
          </div>
        </div>
      </section>
    </VerifyShell>
  );
}
