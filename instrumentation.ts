/**
 * Runs once when a server process starts: refuses the test clock in production, opens (for PGlite: creates, locks
 * and migrates) the database before the first request instead of during it, refuses a master key other than the
 * data's (lib/crypto/key-check.ts), and starts the background worker in
 * this process unless JOBS=off (issue 8; `npm run worker` runs it separately).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { assertTestClockAllowed } = await import('./lib/clock');
  const { jobsConfig } = await import('./lib/jobs/config');
  try {
    assertTestClockAllowed();
    jobsConfig(); // a malformed JOBS_* setting stops the start with a message naming it
  } catch (err) {
    // Refuse to serve at all: a production server with a settable clock would accept forged deadlines.
    console.error((err as Error).message);
    process.exit(1);
  }
  if (process.env.NEXT_PHASE === 'phase-production-build') return;
  const { getDbHandle } = await import('./db/client');
  const handle = await getDbHandle();
  const { assertMasterKey } = await import('./lib/crypto/key-check');
  try {
    // A master key other than the one the data was written with: refuse to start, naming it (issue 14 §1).
    await assertMasterKey(handle.db);
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
  // Search (issue 12, ADR 016): the embedded index is built from the database now, off the request path.
  const { warmUpSearch } = await import('./lib/search/engine');
  void warmUpSearch();
  const { startWorker, stopWorker } = await import('./lib/jobs/start');
  const worker = await startWorker(handle, 'web');
  if (worker) {
    // Next drains HTTP on SIGTERM; the worker finishes (or abandons, to be re-run) its current jobs.
    for (const sig of ['SIGTERM', 'SIGINT'] as const) process.once(sig, () => void stopWorker({ graceMs: 10_000 }));
  }
}
