import type { Metadata } from 'next';
import { CreateSlotForm } from '@/components/bookings/create-slot-form';
import { DecisionButtons } from '@/components/bookings/decision-buttons';
import { UtilisationBars } from '@/components/bookings/utilisation-bars';
import { buttonClass } from '@/components/ui/button';
import { Input } from '@/components/ui/input';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { requirePagePermission } from '@/lib/auth/page';
import { formatDay, formatRange, formatTime, localDate } from '@/lib/bookings/format';
import { utilisationQuery } from '@/lib/bookings/schemas';
import { now } from '@/lib/clock';
import { qrDataUri, spaceCheckInUrl } from '@/lib/bookings/qr';
import { listSpaces, zoneBookings, zoneCheckInTokens, zoneUtilisation } from '@/lib/bookings/service';
import { requestHeaders } from '@/lib/http/context';
import { expectedOrigin } from '@/lib/http/origin';
import { clientIpForPage } from '@/lib/http/page';
import { getTranslator } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('bookings.staffTitle') };
}

/** 预约审批: the pending requests of the staff member's zone, and the check-in QR posters of its spaces. */
export default async function StaffBookingsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('bookings.manage');
  const sp = await searchParams;
  const today = localDate(now());
  const monthAgo = localDate(new Date(now().getTime() - 30 * 86_400_000));
  const asked = utilisationQuery.safeParse({ from: typeof sp.from === 'string' ? sp.from : monthAgo, to: typeof sp.to === 'string' ? sp.to : today });
  const period = asked.success ? asked.data : { from: monthAgo, to: today };
  const [{ t, locale }, ip, h] = await Promise.all([getTranslator(), clientIpForPage(), requestHeaders()]);
  const [pending, upcoming, tokens, spaces, util] = await Promise.all([
    zoneBookings(actor, { status: 'pending' }, { ip, locale }),
    zoneBookings(actor, { status: 'upcoming' }, { ip, locale }),
    zoneCheckInTokens(actor, { ip }),
    listSpaces({ zone: actor.zoneCode ?? '-' }, locale),
    zoneUtilisation(actor, period, { ip, locale }),
  ]);
  // The manager's calendar: the zone's upcoming bookings across spaces, by day (Jingdezhen time).
  const days = new Map<string, typeof upcoming.items>();
  for (const b of upcoming.items.slice(0, 100)) {
    const d = formatDay(b.startsAt, locale);
    days.set(d, [...(days.get(d) ?? []), b]);
  }
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
      <Card>
        <h2 className="font-semibold text-ink-900">{t('bookings.calendarTitle')}</h2>
        {days.size ? (
          <div className="mt-3 space-y-4">
            {[...days.entries()].map(([day, items]) => (
              <section key={day} aria-label={day}>
                <h3 className="text-sm font-medium text-ink-900">{day}</h3>
                <ul className="mt-1 divide-y divide-ink-100 text-sm">
                  {items.map((b) => (
                    <li key={b.id} className="flex flex-wrap justify-between gap-x-3 py-1.5" data-testid="calendar-booking">
                      <span className="tabular-nums text-ink-900">
                        {formatTime(b.startsAt, locale)}–{formatTime(b.endsAt, locale)}
                      </span>
                      <span className="min-w-0 flex-1 text-ink-800">{b.spaceName}</span>
                      <span className="text-ink-600">
                        {b.bookerName} · {t(`bookings.status_${b.status}`)}
                      </span>
                    </li>
                  ))}
                </ul>
              </section>
            ))}
          </div>
        ) : (
          <p className="mt-2 text-sm text-ink-600">{t('bookings.calendarEmpty')}</p>
        )}
      </Card>
      {spaces.items.length ? (
        <Card>
          <h2 className="font-semibold text-ink-900">{t('bookings.slotFormTitle')}</h2>
          <p className="mb-3 mt-1 text-sm text-ink-700">{t('bookings.slotFormBody')}</p>
          <CreateSlotForm spaces={spaces.items.map((x) => ({ id: x.id, name: x.name }))} defaultDate={localDate(new Date(now().getTime() + 86_400_000))} />
        </Card>
      ) : null}
      <Card>
        <h2 className="font-semibold text-ink-900">{t('bookings.utilTitle')}</h2>
        <p className="mt-1 text-sm text-ink-700">{t('bookings.utilIntro')}</p>
        <form method="get" className="mt-3 flex flex-wrap items-end gap-2">
          <label className="text-sm">
            <span className="block text-ink-700">{t('bookings.utilFrom')}</span>
            <Input type="date" name="from" defaultValue={period.from} className="mt-1" />
          </label>
          <label className="text-sm">
            <span className="block text-ink-700">{t('bookings.utilTo')}</span>
            <Input type="date" name="to" defaultValue={period.to} className="mt-1" />
          </label>
          <button type="submit" className={buttonClass('secondary', 'sm')}>
            {t('bookings.utilShow')}
          </button>
        </form>
        <div className="mt-5 grid gap-6 md:grid-cols-2">
          <UtilisationBars t={t} title={t('bookings.utilByKind')} rows={util.kinds.map((k) => ({ key: k.kind, label: `${t(`bookings.kind_${k.kind}`)}（${k.spaces}）`, ...k }))} />
          <UtilisationBars t={t} title={t('bookings.utilBySpace')} rows={util.spaces.map((x) => ({ key: x.id, label: x.name, ...x }))} />
        </div>
      </Card>
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
