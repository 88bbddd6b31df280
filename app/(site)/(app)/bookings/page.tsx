import type { Metadata } from 'next';
import Link from 'next/link';
import { FeedPanel } from '@/components/bookings/feed-panel';
import { MyBookingsList } from '@/components/bookings/my-bookings-list';
import { buttonClass } from '@/components/ui/button';
import { EmptyState, PageHeader } from '@/components/ui/card';
import { requirePagePermission } from '@/lib/auth/page';
import { formatDay, formatRange, formatTime } from '@/lib/bookings/format';
import type { BookingDto } from '@/lib/bookings/schemas';
import { myBookings } from '@/lib/bookings/service';
import { clientIpForPage } from '@/lib/http/page';
import { getTranslator } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('bookings.mineTitle') };
}

/** 我的预约: upcoming first, then the past; cancel while the space's cutoff allows. */
export default async function MyBookingsPage() {
  const actor = await requirePagePermission('bookings.read_own');
  const [{ t, locale }, ip] = await Promise.all([getTranslator(), clientIpForPage()]);
  const rows = (items: BookingDto[]) => items.map((b) => ({ ...b, when: formatRange(b.startsAt, b.endsAt, locale), deadline: `${formatDay(b.cancelDeadline, locale)} ${formatTime(b.cancelDeadline, locale)}`, holdUntil: b.holdExpiresAt ? formatTime(b.holdExpiresAt, locale) : null }));
  const [upcoming, past] = await Promise.all([myBookings(actor, { when: 'upcoming' }, { ip, locale }), myBookings(actor, { when: 'past' }, { ip, locale })]);
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <PageHeader
        title={t('bookings.mineTitle')}
        description={t('bookings.mineIntro')}
        actions={
          <Link href="/spaces" className={buttonClass('secondary', 'sm')}>
            {t('bookings.homeBrowse')}
          </Link>
        }
      />
      {upcoming.items.length || past.items.length ? (
        <>
          {upcoming.items.length ? <MyBookingsList items={rows(upcoming.items)} /> : null}
          {past.items.length ? <MyBookingsList items={rows(past.items.slice(0, 50))} /> : null}
        </>
      ) : (
        <EmptyState title={t('bookings.mineEmpty')} body={t('bookings.homeBody')} />
      )}
      <FeedPanel />
    </div>
  );
}
