import 'server-only';
import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { Badge, Card } from '@/components/ui/card';
import { defineHomeCards, type HomeCardContext } from '@/lib/home/registry';
import { formatRange } from './format';
import { myBookings, zonePendingCount } from './service';

/** A talent's next bookings on the 工作台 (issue 11), with the way to the spaces. */
async function UpcomingCard({ actor, t, locale, ip }: HomeCardContext) {
  const { items } = await myBookings(actor, { when: 'upcoming' }, { ip, locale });
  const next = items.filter((b) => b.status === 'confirmed' || b.status === 'pending' || b.status === 'checked_in').slice(0, 3);
  return (
    <Card data-testid="home-bookings">
      <h2 className="font-semibold text-ink-900">{t('bookings.homeTitle')}</h2>
      <p className="mt-1 text-sm text-ink-700">{t('bookings.homeBody')}</p>
      {next.length ? (
        <ul className="mt-3 divide-y divide-ink-100">
          {next.map((b) => (
            <li key={b.id} className="py-2 text-sm">
              <span className="font-medium text-ink-900">{b.spaceName}</span>
              <span className="block text-ink-700">{formatRange(b.startsAt, b.endsAt, locale)}</span>
              <Badge tone={b.status === 'pending' ? 'warning' : 'success'}>{t(`bookings.status_${b.status}`)}</Badge>
            </li>
          ))}
        </ul>
      ) : (
        <p className="mt-3 text-sm text-ink-600">{t('bookings.homeNone')}</p>
      )}
      <div className="mt-4 flex flex-wrap gap-2">
        <Link href="/spaces" className={buttonClass('primary', 'sm')}>
          {t('bookings.homeBrowse')}
        </Link>
        <Link href="/bookings" className={buttonClass('secondary', 'sm')}>
          {t('bookings.navMine')}
        </Link>
      </div>
    </Card>
  );
}

/** Zone staff: the requests waiting for a decision. */
async function StaffCard({ actor, t }: HomeCardContext) {
  const n = await zonePendingCount(actor);
  return (
    <Card data-testid="home-booking-requests">
      <div className="flex items-start justify-between gap-3">
        <h2 className="font-semibold text-ink-900">{t('bookings.homeStaffTitle')}</h2>
        <Badge tone={n ? 'warning' : 'neutral'}>
          {t('bookings.homeStaffCount')} {n}
        </Badge>
      </div>
      <p className="mt-1 text-sm text-ink-700">{t('bookings.homeStaffBody')}</p>
      <Link href="/staff/bookings" className={`${buttonClass('secondary', 'sm')} mt-4`}>
        {t('bookings.navStaff')}
      </Link>
    </Card>
  );
}

export const bookingHomeCards = defineHomeCards([
  { id: 'bookings.upcoming', order: 35, permission: 'bookings.read_own', render: (ctx) => UpcomingCard(ctx) },
  { id: 'bookings.requests', order: 75, permission: 'bookings.manage', render: (ctx) => StaffCard(ctx) },
]);
