/**
 * Worker settings from the environment, validated once with a message that names the variable (a typo must not
 * silently turn background work off or on).
 *   JOBS              on (default) | off — run the worker inside the web process
 *   JOBS_CONCURRENCY  1–32 (default 2)
 *   JOBS_POLL_MS      100–60000 (default 1000)
 *   JOBS_LEASE_MS     1000–3600000 (default 60000)
 */
export interface JobsConfig {
  enabled: boolean;
  concurrency: number;
  pollMs: number;
  leaseMs: number;
}

function int(name: string, def: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) throw new Error(`${name} must be a whole number between ${min} and ${max} (got "${raw}") / ${name} 必须是 ${min}–${max} 之间的整数`);
  return n;
}

export function jobsConfig(): JobsConfig {
  const raw = (process.env.JOBS ?? 'on').toLowerCase();
  if (!['on', 'off', '1', '0', 'true', 'false'].includes(raw)) throw new Error(`JOBS must be "on" or "off" (got "${process.env.JOBS}") / JOBS 只能是 on 或 off`);
  return {
    enabled: !['off', '0', 'false'].includes(raw),
    concurrency: int('JOBS_CONCURRENCY', 2, 1, 32),
    pollMs: int('JOBS_POLL_MS', 1000, 100, 60_000),
    leaseMs: int('JOBS_LEASE_MS', 60_000, 1000, 3_600_000),
  };
}
