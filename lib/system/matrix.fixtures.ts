/** Permission-matrix fixtures: health, OpenAPI, the test clock and the audit-chain check (harness: tests/helpers/matrix.ts). */
import type { Fixture } from '@/tests/helpers/matrix-fixtures';

export const routeFixtures: Record<string, Fixture> = {
  health: async () => ({}),
  ping: async () => ({}),
  openapi: async () => ({}),
  setTestClock: async () => ({ body: { now: new Date(Date.now() + 1000).toISOString() } }),
  resetTestClock: async () => ({}),
  verifyAudit: async () => ({}),
};

export const actionFixtures: Record<string, Fixture> = {
  'system.verifyAudit': async () => ({ input: {} }),
};
