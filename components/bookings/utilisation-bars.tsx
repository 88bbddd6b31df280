import type { Translator } from '@/lib/i18n';

export interface UtilBar {
  key: string;
  label: string;
  bookedHours: number;
  occupancy: number;
  bookings: number;
  noShowRate: number;
  cancelled: number;
}

/** Horizontal bars of booked hours (scaled to the largest), with the figures spelled out beside each. */
export function UtilisationBars({ rows, t, title }: { rows: UtilBar[]; t: Translator; title: string }) {
  const max = Math.max(1, ...rows.map((r) => r.bookedHours));
  return (
    <figure>
      <figcaption className="mb-2 text-sm font-medium text-ink-900">{title}</figcaption>
      <ul className="space-y-3">
        {rows.map((r) => (
          <li key={r.key} className="text-sm">
            <div className="flex justify-between gap-2">
              <span className="min-w-0 truncate text-ink-900">{r.label}</span>
            </div>
            <div className="mt-1 h-3 w-full rounded bg-ink-100" aria-hidden>
              <div className="h-3 rounded bg-brand-600" style={{ width: `${Math.round((r.bookedHours / max) * 100)}%` }} />
            </div>
            <p className="mt-1 text-xs text-ink-700">
              {t('bookings.utilFigures', { hours: r.bookedHours, occ: Math.round(r.occupancy * 100), n: r.bookings, ns: Math.round(r.noShowRate * 100), c: r.cancelled })}
            </p>
          </li>
        ))}
      </ul>
    </figure>
  );
}
