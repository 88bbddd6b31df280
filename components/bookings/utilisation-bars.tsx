import { StatsChart } from '@/components/ui/stats-chart';
import type { Translator } from '@/lib/i18n';

export interface UtilBar {
  key: string;
  label: string;
  bookedHours: number;
  occupancy: number;
  bookings: number;
  noShowRate: number;
  cancelled: number;
  waitlisted: number;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Booked hours per space or kind as a recharts bar chart (aria-hidden), with every figure — occupancy, bookings,
 * no-show rate, cancellations, waitlist length — in a real table beside it, so the numbers are readable without the
 * chart (as on the zone dashboard and the Party district view).
 */
export function UtilisationBars({ rows, t, title }: { rows: UtilBar[]; t: Translator; title: string }) {
  const any = rows.some((r) => r.bookings > 0 || r.waitlisted > 0 || r.cancelled > 0);
  return (
    <figure className="min-w-0" data-testid="utilisation-figure">
      <figcaption className="mb-2 text-sm font-medium text-ink-900">{title}</figcaption>
      {any ? (
        <StatsChart kind="bar" horizontal category="label" data={rows.map((r) => ({ label: r.label, hours: r.bookedHours }))} series={[{ key: 'hours', label: t('bookings.utilHours'), color: '#1f4a8a' }]} />
      ) : (
        <p className="text-sm text-ink-600">{t('bookings.utilEmpty')}</p>
      )}
      <details className="mt-2" open={!any}>
        <summary className="cursor-pointer text-sm text-brand-700">{t('bookings.utilTable')}</summary>
        <div className="mt-2 overflow-x-auto">
          <table className="w-full min-w-[32rem] text-left text-sm tabular-nums">
            <caption className="sr-only">{title}</caption>
            <thead className="text-ink-600">
              <tr>
                <th scope="col" className="py-1 pr-3 font-medium">{t('bookings.utilColName')}</th>
                <th scope="col" className="py-1 pr-3 font-medium">{t('bookings.utilHours')}</th>
                <th scope="col" className="py-1 pr-3 font-medium">{t('bookings.utilColOcc')}</th>
                <th scope="col" className="py-1 pr-3 font-medium">{t('bookings.utilColBookings')}</th>
                <th scope="col" className="py-1 pr-3 font-medium">{t('bookings.utilColNoShow')}</th>
                <th scope="col" className="py-1 pr-3 font-medium">{t('bookings.utilColCancelled')}</th>
                <th scope="col" className="py-1 font-medium">{t('bookings.utilColWaitlist')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} className="border-t border-ink-100">
                  <th scope="row" className="py-1 pr-3 font-normal text-ink-900">{r.label}</th>
                  <td className="py-1 pr-3">{r.bookedHours}</td>
                  <td className="py-1 pr-3">{pct(r.occupancy)}</td>
                  <td className="py-1 pr-3">{r.bookings}</td>
                  <td className="py-1 pr-3">{pct(r.noShowRate)}</td>
                  <td className="py-1 pr-3">{r.cancelled}</td>
                  <td className="py-1">{r.waitlisted}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
