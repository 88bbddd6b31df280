import type { Benefit } from './model';

/** Annual benefits may be applied for once per calendar year; everything else once per version. */
export function periodKeyFor(benefit: Benefit, on: string): string {
  return benefit.period === 'year' ? on.slice(0, 4) : 'once';
}

/** One-off benefits make the talent "received"; ongoing ones (periodic, rent, loans, certificates) "receiving". */
export function isOneOff(benefit: Benefit): boolean {
  return benefit.kind === 'cash_once' || (benefit.period === 'once' && !benefit.duration_months);
}
