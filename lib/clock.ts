import { isProductionDeployment } from '@/lib/env';

/**
 * The one source of "now". Everything that compares against deadlines, session lifetimes or lockouts reads it here.
 * With APP_TEST_CLOCK=1 (refused in production) POST /api/v1/test/clock shifts it; time keeps flowing from there.
 */
type ClockState = { offsetMs: number };
const state = ((globalThis as { __jpClock?: ClockState }).__jpClock ??= { offsetMs: 0 });

export function now(): Date {
  return new Date(Date.now() + state.offsetMs);
}

/** Today's calendar date in Jingdezhen (UTC+8 all year, no DST): what "today" means for ages, deadlines and policies. */
export function jdzToday(): { y: number; m: number; d: number } {
  const local = new Date(now().getTime() + 8 * 60 * 60_000);
  return { y: local.getUTCFullYear(), m: local.getUTCMonth() + 1, d: local.getUTCDate() };
}

export function testClockEnabled(): boolean {
  return process.env.APP_TEST_CLOCK === '1' && !isProductionDeployment();
}

/** Called at server start: a production deployment with APP_TEST_CLOCK=1 refuses to boot. */
export function assertTestClockAllowed(): void {
  if (process.env.APP_TEST_CLOCK === '1' && isProductionDeployment()) {
    throw new Error('APP_TEST_CLOCK=1 is refused in production (set APP_ENV=test or development for test servers).');
  }
}

/** Sets "now" to the given instant (the clock then keeps running from it). */
export function setNow(instant: Date): void {
  state.offsetMs = instant.getTime() - Date.now();
}

export function resetClock(): void {
  state.offsetMs = 0;
}

/** Moves the clock forward by ms (tests). */
export function advance(ms: number): void {
  state.offsetMs += ms;
}
