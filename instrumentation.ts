/**
 * Runs once when a server process starts: refuses the test clock in production, and opens (for PGlite: creates,
 * locks and migrates) the database before the first request instead of during it.
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { assertTestClockAllowed } = await import('./lib/clock');
  try {
    assertTestClockAllowed();
  } catch (err) {
    // Refuse to serve at all: a production server with a settable clock would accept forged deadlines.
    console.error((err as Error).message);
    process.exit(1);
  }
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getDbHandle } = await import('./db/client');
  await getDbHandle();
}
