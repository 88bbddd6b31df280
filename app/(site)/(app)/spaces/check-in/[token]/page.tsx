import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { CheckInButton } from '@/components/bookings/check-in-button';
import { StatusBadge } from '@/components/bookings/my-bookings-list';
import { Card, PageHeader } from '@/components/ui/card';
import { requirePagePermission } from '@/lib/auth/page';
import { formatRange } from '@/lib/bookings/format';
import { checkInInput } from '@/lib/bookings/schemas';
import { checkInTarget } from '@/lib/bookings/service';
import { clientIpForPage, loadForPage } from '@/lib/http/page';
import { getTranslator } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('bookings.checkInTitle') };
}

/** What scanning a space's QR code opens: my bookings of that space today, with a check-in button while it is open. */
export default async function SpaceCheckInPage({ params }: { params: Promise<{ token: string }> }) {
  const actor = await requirePagePermission('bookings.book');
  const parsed = checkInInput.safeParse(await params);
  if (!parsed.success) notFound();
  const [{ t, locale }, ip] = await Promise.all([getTranslator(), clientIpForPage()]);
  const target = await loadForPage(checkInTarget(actor, parsed.data.token, { ip, locale }));
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <PageHeader title={t('bookings.checkInTitle')} description={target.space.name} />
      {target.bookings.length ? (
        <Card>
          <p className="text-sm text-ink-700">{t('bookings.checkInIntro')}</p>
          <ul className="mt-3 space-y-4">
            {target.bookings.map((b) => (
              <li key={b.id} className="space-y-2" data-testid="check-in-booking">
                <p className="font-medium text-ink-900">{formatRange(b.startsAt, b.endsAt, locale)}</p>
                <StatusBadge status={b.status} />
                {b.checkInOpen ? <CheckInButton id={b.id} token={parsed.data.token} /> : null}
              </li>
            ))}
          </ul>
          {target.bookings.some((b) => b.checkInOpen) ? null : <p className="mt-3 text-sm text-ink-600">{t('bookings.checkInNone')}</p>}
        </Card>
      ) : (
        <Card>
          <p className="text-sm text-ink-700">{t('bookings.checkInNone')}</p>
        </Card>
      )}
    </div>
  );
}
