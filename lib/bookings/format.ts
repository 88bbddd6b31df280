/**
 * Booking times as people read them: always in the space's zone (Asia/Shanghai), whatever the device's zone.
 * Pure and isomorphic (server pages and client components).
 */
export const SPACE_TZ = 'Asia/Shanghai';

const cache = new Map<string, Intl.DateTimeFormat>();
function fmt(locale: string, opts: Intl.DateTimeFormatOptions, tz: string): Intl.DateTimeFormat {
  const key = `${locale}|${tz}|${JSON.stringify(opts)}`;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'zh-CN', { timeZone: tz, ...opts });
    cache.set(key, f);
  }
  return f;
}

/** "10:00" */
export const formatTime = (iso: string, locale: string, tz = SPACE_TZ) => fmt(locale, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }, tz).format(new Date(iso));
/** "3月2日周二" / "Tue 2 Mar" */
export const formatDay = (iso: string, locale: string, tz = SPACE_TZ) => fmt(locale, { month: 'short', day: 'numeric', weekday: 'short' }, tz).format(new Date(iso));

/** "3月2日周二 10:00–12:00", or across days "3月2日周二 20:00 – 3月3日周三 08:00". */
export function formatRange(startIso: string, endIso: string, locale: string, tz = SPACE_TZ): string {
  const sameDay = formatDay(startIso, locale, tz) === formatDay(new Date(new Date(endIso).getTime() - 1).toISOString(), locale, tz);
  if (sameDay) return `${formatDay(startIso, locale, tz)} ${formatTime(startIso, locale, tz)}–${formatTime(endIso, locale, tz)}`;
  return `${formatDay(startIso, locale, tz)} ${formatTime(startIso, locale, tz)} – ${formatDay(endIso, locale, tz)} ${formatTime(endIso, locale, tz)}`;
}

/** Fen → "15" or "15.50". */
export const yuan = (fen: number) => (fen % 100 === 0 ? String(fen / 100) : (fen / 100).toFixed(2));

/** The local calendar date (YYYY-MM-DD) of an instant in the zone. */
export function localDate(at: Date, tz = SPACE_TZ): string {
  const p = Object.fromEntries(fmt('en', { year: 'numeric', month: '2-digit', day: '2-digit' }, tz).formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day}`;
}
