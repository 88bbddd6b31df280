import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { formatDay, formatDeadline } from '@/components/party/transfer-labels';
import { VerifyShell } from '@/components/party/verify-shell';
import { cn } from '@/components/ui/cn';
import { AppError } from '@/lib/http/errors';
import { clientIpForPage } from '@/lib/http/page';
import type { MessageKey } from '@/lib/i18n';
import { getTranslator } from '@/lib/i18n/server';
import type { LetterVerificationDto } from '@/lib/party/transfer-schemas';
import { verifyLetter } from '@/lib/party/transfers';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('partyTransfer.verifyTitle'), robots: { index: false, follow: false }, referrer: 'no-referrer' };
}

function verdict(v: LetterVerificationDto): { key: MessageKey; tone: 'valid' | 'done' | 'invalid' } {
  if (v.valid) return { key: 'partyTransfer.verifyStatusValid', tone: 'valid' };
  if (v.state === 'COMPLETED' || v.state === 'RECEIPT_SENT') return { key: 'partyTransfer.verifyStatusUsed', tone: 'done' };
  if (v.state === 'EXPIRED') return { key: 'partyTransfer.verifyStatusExpired', tone: 'invalid' };
  if (v.state === 'VOIDED') return { key: 'partyTransfer.verifyStatusVoid', tone: 'invalid' };
  return { key: 'partyTransfer.verifyStatusInvalid', tone: 'invalid' };
}

/**
 * The public page a 介绍信's QR code opens (no sign-in): whether the letter is valid now, its state, the masked name,
 * the issuing organisation, issue date and expiry — enough to spot a forged or expired letter, nothing more. The
 * service rate-limits per client address; an unknown code is the not-found page beside this one.
 */
export default async function VerifyLetterPage({ params }: PageProps<'/verify/letter/[code]'>) {
  const { code } = await params;
  const [{ t, locale }, ip] = await Promise.all([getTranslator(), clientIpForPage()]);
  let v: LetterVerificationDto;
  try {
    v = await verifyLetter(code, { ip, locale });
  } catch (err) {
    if (err instanceof AppError && err.code === 'NOT_FOUND') notFound();
    if (err instanceof AppError && err.code === 'RATE_LIMITED') {
      return (
        <VerifyShell t={t}>
          <div role="alert" className="rounded-2xl bg-amber-50 p-5 text-amber-950 ring-1 ring-inset ring-amber-300">
            <p className="font-semibold">{t('partyTransfer.verifyRateLimited')}</p>
          </div>
        </VerifyShell>
      );
    }
    throw err;
  }
  const { key, tone } = verdict(v);
  const rows: [string, string][] = [
    [t('partyTransfer.verifyState'), v.stateName],
    [t('partyTransfer.verifyHolder'), v.maskedName],
    [t('partyTransfer.verifyIssuer'), v.issuingOrganisation],
    [t('partyTransfer.issuedAt'), formatDay(v.issuedAt, locale) || '—'],
    [t('partyTransfer.validity'), v.validityDays ? t('partyTransfer.validityDaysUnit', { n: v.validityDays }) : '—'],
    [t('partyTransfer.expiresAt'), formatDeadline(v.expiresAt, locale) || '—'],
  ];
  return (
    <VerifyShell t={t}>
      <section aria-labelledby="verdict" className="overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-ink-200" data-testid="verify-result" data-valid={v.valid ? 'true' : 'false'}>
        <div className={cn('flex items-center gap-4 px-5 py-5', tone === 'valid' ? 'bg-emerald-700 text-white' : tone === 'done' ? 'bg-brand-800 text-white' : 'bg-red-700 text-white')}>
          <span aria-hidden className="flex size-12 shrink-0 items-center justify-center rounded-full bg-white/15 text-3xl font-bold">
            {tone === 'invalid' ? '✕' : '✓'}
          </span>
          <div>
            <p id="verdict" className="text-2xl font-bold tracking-wide" data-testid="verify-verdict">
              {t(key)}
            </p>
            <p className="mt-0.5 text-sm text-white/90">{v.valid ? t('partyTransfer.verifyValid') : t('partyTransfer.verifyInvalid')}</p>
          </div>
        </div>
        <dl className="divide-y divide-ink-100 px-5">
          {rows.map(([label, value]) => (
            <div key={label} className="grid grid-cols-[6.5rem_1fr] gap-3 py-3">
              <dt className="text-sm text-ink-600">{label}</dt>
              <dd className="min-w-0 break-words text-sm font-medium text-ink-900">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <p className="mt-4 text-sm leading-relaxed text-ink-600">{t('partyTransfer.verifyFootnote')}</p>
    </VerifyShell>
  );
}
