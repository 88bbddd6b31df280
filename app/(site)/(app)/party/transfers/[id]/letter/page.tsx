import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { z } from 'zod';
import { LetterSheet } from '@/components/party/letter-sheet';
import { PrintButton } from '@/components/party/print-button';
import { StateBadge } from '@/components/party/transfer-case-parts';
import { buttonClass } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { requirePageActor } from '@/lib/auth/page';
import { requestHeaders } from '@/lib/http/context';
import { expectedOrigin } from '@/lib/http/origin';
import { clientIpForPage, loadForPage } from '@/lib/http/page';
import { getTranslator } from '@/lib/i18n/server';
import { qrSvgDataUri } from '@/lib/party/qr';
import { getTransferLetter } from '@/lib/party/transfer-views';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('partyTransfer.letterTitle'), robots: { index: false } };
}

/** Only while the letter can still be presented; a voided or expired letter prints with a stamp across it. */
const IN_FORCE = ['ISSUED', 'RECEIVER_REVIEW', 'ON_HOLD', 'ACCEPTED', 'COMPLETED', 'RECEIPT_SENT'];

/**
 * The 介绍信 of a case, print-styled for A4 (存根 / 介绍信 / 回执). Only the parties of the case may open it (the
 * service answers NOT_FOUND to anyone else, and before a letter exists). The QR code carries the absolute address of
 * the public verification page, from NEXTAUTH_URL (else the request's Host).
 */
export default async function TransferLetterPage({ params }: PageProps<'/party/transfers/[id]/letter'>) {
  const actor = await requirePageActor();
  const parsed = z.strictObject({ id: z.uuid() }).safeParse(await params);
  if (!parsed.success) notFound();
  const [{ t, locale }, ip, headers] = await Promise.all([getTranslator(), clientIpForPage(), requestHeaders()]);
  const letter = await loadForPage(getTransferLetter(actor, parsed.data.id, { ip, locale }));
  const c = letter.case;
  const where = expectedOrigin(headers);
  const origin = where && 'origin' in where ? where.origin : `http://${where?.host ?? 'localhost:3000'}`;
  const verifyUrl = `${origin}/verify/letter/${encodeURIComponent(c.verifyCode!)}`;
  const qrSrc = await qrSvgDataUri(verifyUrl);
  const inForce = IN_FORCE.includes(c.state);

  return (
    <>
      {/* A4 with even margins; the site chrome is print:hidden already, the page's own padding goes too. */}
      <style>{`@page { size: A4 portrait; margin: 12mm 14mm; } @media print { html, body { background: #fff !important; } #main { max-width: none !important; padding: 0 !important; margin: 0 !important; } }`}</style>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3 print:hidden" data-testid="letter-toolbar">
        <div>
          <h1 className="text-xl font-semibold text-ink-900 sm:text-2xl">{t('partyTransfer.letterTitle')}</h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-ink-600">
            <StateBadge state={c.state} locale={locale} />
            <span>{c.letterNo}</span>
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          <Link href={`/party/transfers/${c.id}`} className={buttonClass('ghost')}>
            ← {t('partyTransfer.backToCase')}
          </Link>
          <PrintButton label={t('partyTransfer.print')} />
        </div>
      </div>
      <div className="print:hidden">
        {inForce ? (
          <p className="mb-4 text-sm text-ink-600">{t('partyTransfer.printHint')}</p>
        ) : (
          <Alert tone="error" className="mb-4">
            {t('partyTransfer.letterNotInForce', { state: c.stateName })}
          </Alert>
        )}
      </div>
      <div className="relative">
        {!inForce ? (
          <div aria-hidden className="pointer-events-none absolute inset-0 z-10 flex items-center justify-center overflow-hidden">
            <span className="-rotate-12 rounded-lg border-4 border-red-700/70 px-6 py-2 text-5xl font-bold tracking-[0.3em] text-red-700/70">{c.stateName}</span>
          </div>
        ) : null}
        <LetterSheet letter={letter} verifyUrl={verifyUrl} qrSrc={qrSrc} />
      </div>
    </>
  );
}
