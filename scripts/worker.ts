/**
 * npm run worker — the background worker as its own process (issue 8), for deployments that scale the web tier
 * separately or run the web with JOBS=off. Several workers on several machines share one PostgreSQL: jobs are
 * claimed with FOR UPDATE SKIP LOCKED, so none runs twice at once. On SIGTERM/SIGINT it stops claiming, lets the
 * running jobs finish (up to 25 s; an abandoned job is re-run later, handlers are idempotent) and exits.
 *
 * With PGlite (no DATABASE_URL) only one process may open the data directory: stop the web server first.
 */
import { openConfigured } from '@/db/client';
import { assertMasterKey } from '@/lib/crypto/key-check';
import { jobsConfig } from '@/lib/jobs/config';
import { startWorker, stopWorker } from '@/lib/jobs/start';

async function main() {
  let config;
  try {
    config = jobsConfig();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(2);
  }
  const handle = await openConfigured();
  await assertMasterKey(handle.db); // another APP_MASTER_KEY than the data's: refuse, naming it (issue 14 §1)
  const worker = await startWorker(handle, 'worker');
  if (!worker) throw new Error('worker did not start');
  console.log(JSON.stringify({ level: 'info', msg: 'worker started', id: worker.id, driver: handle.driver, concurrency: config.concurrency, pollMs: config.pollMs }));
  let stopping = false;
  const stop = async (sig: string) => {
    if (stopping) return;
    stopping = true;
    console.log(JSON.stringify({ level: 'info', msg: `worker stopping (${sig})`, ...worker.stats }));
    await stopWorker({ graceMs: 25_000 });
    await handle.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
