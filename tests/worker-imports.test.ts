/**
 * `npm run worker` loads every domain's jobs under Node's own ESM loader (tsx, no bundler). A package that only a
 * bundler can import — `import { RRule } from 'rrule'` in the bookings domain — passed every vitest and Next check
 * and still stopped the worker at start ("does not provide an export named 'RRule'"). This imports what the worker
 * imports, the way the worker does.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');

it('the worker process can import every domain’s jobs under plain Node (tsx, react-server condition)', { timeout: 120_000 }, () => {
  const script = "await import('./lib/jobs/domains.ts'); const { RRule } = await import('./lib/bookings/rrule.ts'); console.log('loaded', typeof RRule.WEEKLY);";
  const r = spawnSync(process.execPath, ['--conditions=react-server', '--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, JOBS: 'off' } });
  expect(r.stderr.split('\n').filter((l) => /Error/.test(l)).join('\n')).toBe('');
  expect(r.stdout).toContain('loaded number');
  expect(r.status).toBe(0);
});
