/**
 * Runs once when a server process starts: refuses the test clock in production, and opens (for PGlite: creates,
 * locks and migrates) the database before the first request instead of during it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { assertTestClockAllowed } = await import('./lib/clock');
  assertTestClockAllowed();
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getDbHandle } = await import('./db/client');
  await getDbHandle();
}
