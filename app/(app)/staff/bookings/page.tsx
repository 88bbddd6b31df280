import type { Metadata } from 'next';
import { DecisionButtons } from '@/components/bookings/decision-buttons';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { requirePagePermission } from '@/lib/auth/page';
import { formatRange } from '@/lib/bookings/format';
import { qrDataUri, spaceCheckInUrl } from '@/lib/bookings/qr';
import { listSpaces, zoneBookings, zoneCheckInTokens } from '@/lib/bookings/service';
import { requestHeaders } from '@/lib/http/context';
import { expectedOrigin } from '@/lib/http/origin';
import { clientIpForPage } from '@/lib/http/page';
import { getTranslator } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('bookings.staffTitle') };
}

/** 预约审批: the pending requests of the staff member's zone, and the check-in QR posters of its spaces. */
export default async function StaffBookingsPage() {
  const actor = await requirePagePermission('bookings.manage');
  const [{ t, locale }, ip, h] = await Promise.all([getTranslator(), clientIpForPage(), requestHeaders()]);
  const [pending, tokens, spaces] = await Promise.all([zoneBookings(actor, { status: 'pending' }, { ip, locale }), zoneCheckInTokens(actor, { ip }), listSpaces({ zone: actor.zoneCode ?? '-' }, locale)]);
  const where = expectedOrigin(h);
  const origin = where && 'origin' in where ? where.origin : `http://${where?.host ?? 'localhost:3000'}`;
  const posters = await Promise.all(
    spaces.items.filter((s) => tokens[s.id]).map(async (s) => ({ id: s.id, name: s.name, qr: await qrDataUri(spaceCheckInUrl(origin, tokens[s.id]!)) })),
  );
  return (
    <div className="space-y-6">
      <PageHeader title={t('bookings.staffTitle')} description={t('bookings.staffIntro')} />
      {pending.items.length ? (
        <ul className="divide-y divide-ink-100 rounded-2xl bg-white ring-1 ring-ink-200">
          {pending.items.map((b) => {
            const when = formatRange(b.startsAt, b.endsAt, locale);
            return (
              <li key={b.id} className="flex flex-col gap-3 p-4 sm:flex-row sm:items-center sm:justify-between" data-testid="booking-request">
                <div className="min-w-0 text-sm">
                  <p className="font-medium text-ink-900">{b.spaceName}</p>
                  <p className="text-ink-700">{when}</p>
                  <p className="text-ink-600">
                    {t('bookings.booker')}：{b.bookerName}
                    {b.purpose ? ` · ${b.purpose}` : ''}
                  </p>
                </div>
                <DecisionButtons id={b.id} label={`${b.spaceName} ${when}`} />
              </li>
            );
          })}
        </ul>
      ) : (
        <EmptyState title={t('bookings.staffEmpty')} body="" />
      )}
      {posters.length ? (
        <section aria-labelledby="posters">
          <h2 id="posters" className="mb-3 font-semibold text-ink-900">
            {t('bookings.checkInTitle')}
          </h2>
          <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
            {posters.map((p) => (
              <li key={p.id}>
                <Card className="p-3 sm:p-3">
                  {/* eslint-disable-next-line @next/next/no-img-element -- a QR code rendered on the server as a data URI */}
                  <img src={p.qr} alt={`${t('bookings.checkInTitle')} ${p.name}`} width={160} height={160} className="mx-auto size-32" data-testid="space-qr" />
                  <p className="mt-2 text-center text-xs text-ink-800">{p.name}</p>
                </Card>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
