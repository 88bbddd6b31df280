import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { SlotList } from '@/components/bookings/slot-list';
import { SlotPicker } from '@/components/bookings/slot-picker';
import { priceLabel } from '@/components/bookings/space-card';
import { Badge, Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import { requirePageActor } from '@/lib/auth/page';
import { can } from '@/lib/auth/permissions';
import { zonedInstant } from '@/lib/bookings/availability';
import { formatDay, formatRange, formatTime, localDate } from '@/lib/bookings/format';
import { spaceIdParams } from '@/lib/bookings/schemas';
import { getSpace, spaceAvailability } from '@/lib/bookings/service';
import { listSlots } from '@/lib/bookings/slots';
import { now } from '@/lib/clock';
import { loadForPage } from '@/lib/http/page';
import { getTranslator } from '@/lib/i18n/server';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { t, locale } = await getTranslator();
  const p = spaceIdParams.safeParse(await params);
  if (!p.success) return { title: t('bookings.spacesTitle') };
  const s = await getSpace(p.data.id, locale).catch(() => null);
  return { title: s?.name ?? t('bookings.spacesTitle') };
}

const DAY = 86_400_000;
const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '7'] as const;

function addDays(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  return new Date(d.getTime() + n * DAY).toISOString().slice(0, 10);
}

/** One space: photo, rules and the day's slots (a week strip to move between days), booking on a phone. */
export default async function SpacePage({ params, searchParams }: Props) {
  const actor = await requirePageActor();
  const p = spaceIdParams.safeParse(await params);
  if (!p.success) notFound();
  const [{ t, locale }, sp] = await Promise.all([getTranslator(), searchParams]);
  const s = await loadForPage(getSpace(p.data.id, locale));

  const today = localDate(now(), s.timezone);
  const lastDay = addDays(today, s.maxAdvanceDays);
  const asked = typeof sp.date === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(sp.date) ? sp.date : today;
  const date = asked < today ? today : asked > lastDay ? lastDay : asked;
  const dayStart = zonedInstant(date, 0, s.timezone);
  const dayEnd = new Date(dayStart.getTime() + DAY);
  // Enough beyond the day for the longest booking to run on (a firing past midnight, an exhibition over days).
  const to = new Date(Math.min(dayEnd.getTime() + s.maxMinutes * 60_000, dayStart.getTime() + 31 * DAY));
  const avail = await spaceAvailability(s.id, { from: dayStart.toISOString(), to: to.toISOString() });
  const day = avail.slots.filter((x) => new Date(x.startsAt) < dayEnd).map((x) => ({ ...x, label: formatTime(x.startsAt, locale, s.timezone) }));
  const ahead = avail.slots.filter((x) => new Date(x.startsAt) >= dayEnd);

  const stripStart = (() => {
    const back = addDays(date, -3);
    return back < today ? today : back;
  })();
  const strip = Array.from({ length: 7 }, (_, i) => addDays(stripStart, i)).filter((d) => d <= lastDay);
  const canBook = can(actor, 'bookings.book');
  const horizon = now();
  const slots = (await listSlots(s.id, { from: horizon.toISOString(), to: new Date(horizon.getTime() + 14 * DAY).toISOString() }, locale)).items.map((x) => ({
    id: x.id,
    title: x.title,
    when: formatRange(x.startsAt, x.endsAt, locale, s.timezone),
    capacity: x.capacity,
    remaining: x.remaining,
  }));

  const quotaKey = (q: (typeof s.quotas)[number]) =>
    q.period === 'week' ? (q.metric === 'count' ? 'bookings.ruleQuotaWeekCount' : 'bookings.ruleQuotaWeekMinutes') : q.metric === 'count' ? 'bookings.ruleQuotaMonthCount' : 'bookings.ruleQuotaMonthMinutes';

  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
      <div className="min-w-0 space-y-6">
        <div>
          <Link href="/spaces" className="text-sm text-brand-700 underline">
            {t('bookings.spacesTitle')}
          </Link>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight text-ink-900 sm:text-3xl">{s.name}</h1>
          <div className="mt-2 flex flex-wrap gap-1">
            <Badge tone="info">{t(`bookings.kind_${s.kind}`)}</Badge>
            <Badge tone={s.requiresApproval ? 'warning' : 'success'}>{s.requiresApproval ? t('bookings.needsApproval') : t('bookings.instant')}</Badge>
            {s.eligiblePolicyCode ? <Badge>{t('bookings.policyOnly', { code: s.eligiblePolicyCode })}</Badge> : null}
          </div>
        </div>
        <Card>
          <h2 className="font-semibold text-ink-900">{t('bookings.availability')}</h2>
          <nav aria-label={t('bookings.chooseDay')} className="mt-3">
            <ul className="grid grid-cols-7 gap-1">
              {strip.map((d) => {
                const iso = zonedInstant(d, 12 * 60, s.timezone).toISOString();
                const label = formatDay(iso, locale);
                return (
                  <li key={d}>
                    <Link
                      href={`/spaces/${s.id}?date=${d}`}
                      aria-current={d === date ? 'date' : undefined}
                      aria-label={label}
                      className={cn('flex min-h-11 flex-col items-center justify-center rounded-lg px-1 text-xs ring-1 ring-inset', d === date ? 'bg-brand-700 text-white ring-brand-700' : 'bg-white text-ink-800 ring-ink-200 hover:bg-ink-50')}
                    >
                      <span className="tabular-nums">{d.slice(8)}</span>
                      <span>{t(`bookings.weekday_${new Date(`${d}T00:00:00Z`).getUTCDay() || 7}` as 'bookings.weekday_1')}</span>
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
          <div className="mt-3 flex items-center justify-between text-sm">
            {date > today ? (
              <Link href={`/spaces/${s.id}?date=${addDays(date, -1)}`} className="text-brand-700 underline">
                {t('bookings.prevDay')}
              </Link>
            ) : (
              <span />
            )}
            <span className="font-medium text-ink-900">{formatDay(zonedInstant(date, 12 * 60, s.timezone).toISOString(), locale)}</span>
            {date < lastDay ? (
              <Link href={`/spaces/${s.id}?date=${addDays(date, 1)}`} className="text-brand-700 underline">
                {t('bookings.nextDay')}
              </Link>
            ) : (
              <span />
            )}
          </div>
          <div className="mt-4">
            <SlotPicker key={date} spaceId={s.id} spaceName={s.name} day={day} ahead={ahead} slotMinutes={s.slotMinutes} minMinutes={s.minMinutes} maxMinutes={s.maxMinutes} canBook={canBook} />
          </div>
        </Card>
        {slots.length ? (
          <Card>
            <h2 className="font-semibold text-ink-900">{t('bookings.slotsTitle')}</h2>
            <SlotList slots={slots} canBook={canBook} />
          </Card>
        ) : null}
        <Card>
          <p className="text-ink-800">{s.description}</p>
          <dl className="mt-4 grid gap-3 text-sm sm:grid-cols-2">
            <div>
              <dt className="text-ink-600">{t('bookings.location')}</dt>
              <dd className="text-ink-900">{s.location}</dd>
            </div>
            <div>
              <dt className="text-ink-600">{t('bookings.equipment')}</dt>
              <dd className="text-ink-900">{s.equipment.join('、')}</dd>
            </div>
          </dl>
        </Card>
      </div>
      <aside className="min-w-0 space-y-6">
        {s.photo ? (
          // eslint-disable-next-line @next/next/no-img-element -- a small SVG illustration the project ships in public/spaces
          <img src={s.photo} alt="" className="aspect-[16/10] w-full rounded-2xl object-cover ring-1 ring-ink-200" />
        ) : null}
        <Card>
          <p className="text-lg font-semibold text-ink-900">{priceLabel(s, t)}</p>
          <p className="text-sm text-ink-700">{t('bookings.capacity', { n: s.capacity })}</p>
          <h2 className="mt-4 font-semibold text-ink-900">{t('bookings.rules')}</h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-ink-800">
            <li>{t('bookings.ruleSlot', { n: s.slotMinutes, min: s.minMinutes, max: s.maxMinutes })}</li>
            {s.bufferBeforeMin || s.bufferAfterMin ? <li>{t('bookings.ruleBuffer', { before: s.bufferBeforeMin, after: s.bufferAfterMin })}</li> : null}
            <li>{t('bookings.ruleNotice', { n: s.minNoticeMin, days: s.maxAdvanceDays })}</li>
            <li>{t('bookings.ruleCancel', { n: s.cancelCutoffMin })}</li>
            {s.checkinRequired ? <li>{t('bookings.ruleCheckin', { n: s.checkinGraceMin })}</li> : null}
            {s.quotas.map((q) => (
              <li key={`${q.period}-${q.metric}`}>{t(quotaKey(q), { n: q.limit })}</li>
            ))}
          </ul>
          <h2 className="mt-4 font-semibold text-ink-900">{t('bookings.openingHours')}</h2>
          <dl className="mt-2 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            {WEEKDAYS.map((d) => (
              <div key={d} className="contents">
                <dt className="text-ink-600">{t(`bookings.weekday_${d}`)}</dt>
                <dd className="text-ink-900 tabular-nums">{(s.openingHours[d] ?? []).map((r) => `${r.start}–${r.end}`).join(', ') || t('bookings.closedDay')}</dd>
              </div>
            ))}
          </dl>
        </Card>
      </aside>
    </div>
  );
}
