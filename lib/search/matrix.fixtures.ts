/** Permission-matrix fixtures: search (issue 12; harness: tests/helpers/matrix.ts). Public: every role may search. */
import type { Fixture } from '@/tests/helpers/matrix-fixtures';

export const routeFixtures: Record<string, Fixture> = {
  search: async () => ({ query: { index: 'policies', q: '补贴', facets: 'category' } }),
};

export const actionFixtures: Record<string, Fixture> = {};
