/**
 * Periodic reports, the pure rules (§6 PeriodicReport, §5.2 M8; issue 10 §4). No Next, no database.
 */

/** Report periods (§6 PeriodicReport): 'YYYY' for the annual 情况汇报, 'YYYY-Qn' for a 思想汇报. */
export const ANNUAL_PERIOD = /^(\d{4})$/;
export const QUARTER_PERIOD = /^(\d{4})-Q([1-4])$/;

/**
 * Whether a report's period is well-formed for its type and not in the future (a year from the member's joining
 * year on; the current year or quarter at the latest). Answers a field-error key suffix, or null when valid.
 */
export function periodProblem(type: 'annual' | 'thought', period: string, today: { y: number; m: number }, joinYear: number): 'periodFormat' | 'periodFuture' | 'periodBeforeJoin' | null {
  const m = (type === 'annual' ? ANNUAL_PERIOD : QUARTER_PERIOD).exec(period);
  if (!m) return 'periodFormat';
  const y = Number(m[1]);
  const q = type === 'thought' ? Number(m[2]) : 0;
  const currentQ = Math.floor((today.m - 1) / 3) + 1;
  if (y > today.y || (type === 'thought' && y === today.y && q > currentQ)) return 'periodFuture';
  if (y < joinYear) return 'periodBeforeJoin';
  return null;
}

/** The period a member would report for now: this year, or this quarter. */
export function currentPeriod(type: 'annual' | 'thought', today: { y: number; m: number }): string {
  return type === 'annual' ? String(today.y) : `${today.y}-Q${Math.floor((today.m - 1) / 3) + 1}`;
}
