import { register } from 'node:module';
import path from 'node:path';

/**
 * lib/bookings/service.ts has `import { RRule } from 'rrule'`, which Node's own ESM loader refuses (rrule is CommonJS
 * and its named exports are not detectable); the bundlers of Next and vitest accept it. A process that loads the
 * bookings domain under plain Node + tsx (a bench run script, a worker child in a test) calls this first and then
 * imports the domain dynamically: 'rrule' resolves to a shim re-exporting the CommonJS module.
 */
export function registerRruleShim(): void {
  const root = path.resolve(import.meta.dirname, '../..');
  const hooks = `
export async function resolve(specifier, context, next) {
  if (specifier === 'rrule') return { url: 'jp-shim:rrule', shortCircuit: true };
  return next(specifier, context);
}
export async function load(url, context, next) {
  if (url !== 'jp-shim:rrule') return next(url, context);
  const source = "import { createRequire } from 'node:module'; const m = createRequire(" + JSON.stringify(${JSON.stringify(root + '/')}) + ")('rrule');"
    + " export const { RRule, RRuleSet, rrulestr, Frequency, Weekday, ALL_WEEKDAYS, datetime } = m; export default m;";
  return { format: 'module', source, shortCircuit: true };
}`;
  register(`data:text/javascript,${encodeURIComponent(hooks)}`);
}
