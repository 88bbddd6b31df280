/**
 * Which kind of deployment this process is. `next start` always sets NODE_ENV=production, so the demo and the e2e
 * suite, which both run the production build, say what they are with APP_ENV (docs/decisions/004-app-env.md).
 * - production: real deployment (default under NODE_ENV=production): secrets required, no demo accounts, no test clock;
 * - demo: `npm run demo` on a laptop; keys generated under .data/, demo accounts allowed;
 * - test: e2e and unit tests; the test clock may be switched on;
 * - development: `next dev`.
 */
export type AppEnv = 'production' | 'demo' | 'test' | 'development';

export function appEnv(): AppEnv {
  const v = process.env.APP_ENV;
  if (v === 'production' || v === 'demo' || v === 'test' || v === 'development') return v;
  return process.env.NODE_ENV === 'production' ? 'production' : 'development';
}

export function isProductionDeployment(): boolean {
  return appEnv() === 'production';
}
