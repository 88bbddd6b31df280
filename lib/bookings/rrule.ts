import * as rruleModule from 'rrule';

/**
 * RRule from the `rrule` package, under every loader: rrule 2.8 ships an ES module for bundlers (its "module" field,
 * which Next and vitest use) and a UMD bundle for Node ("main", no "exports" map). Node's own ESM loader — `npm run
 * worker`, scripts run with tsx — cannot see named exports in that bundle, so `import { RRule } from 'rrule'` threw
 * "does not provide an export named 'RRule'" and the worker could not start; there the classes sit on the CommonJS
 * default export.
 */
const commonJs = (rruleModule as unknown as { default?: Partial<typeof rruleModule> }).default;
export const RRule: typeof rruleModule.RRule = rruleModule.RRule ?? commonJs?.RRule;
