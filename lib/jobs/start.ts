import 'server-only';
import type { DbHandle } from '@/db/client';
import { jobsConfig } from './config';
import { Worker } from './worker';

/**
 * Starts this process's worker: in the web process from instrumentation.ts (unless JOBS=off), or from
 * scripts/worker.ts. Every domain's jobs are registered first (lib/jobs/domains.ts).
 */
type Holder = { worker?: Worker };
const holder = ((globalThis as { __jpWorker?: Holder }).__jpWorker ??= {});

export async function startWorker(handle: DbHandle, mode: 'web' | 'worker'): Promise<Worker | null> {
  const config = jobsConfig();
  if (mode === 'web' && !config.enabled) return null;
  if (holder.worker) return holder.worker;
  await import('./domains');
  const worker = new Worker(handle.db, {
    mode,
    concurrency: config.concurrency,
    pollMs: config.pollMs,
    leaseMs: config.leaseMs,
    exclusive: handle.driver === 'pglite',
    listen: handle.listen ? (onWake) => handle.listen!('jp_jobs', onWake) : undefined,
  });
  await worker.start();
  holder.worker = worker;
  return worker;
}

export function currentWorker(): Worker | undefined {
  return holder.worker;
}

export async function stopWorker(opts: { graceMs?: number } = {}): Promise<void> {
  const w = holder.worker;
  holder.worker = undefined;
  await w?.stop(opts);
}
