import { defineConfig } from 'drizzle-kit';

// drizzle-kit is for authoring migrations (`npm run db:generate`) and inspecting a real server.
// Migrations are applied by `npm run db:migrate` (db/migrate.ts), which also works on PGlite;
// `drizzle-kit migrate` cannot load PGlite's extensions (see docs/decisions/002-embedded-pglite.md).
export default defineConfig({
  dialect: 'postgresql',
  schema: './db/schema/index.ts',
  out: './db/migrations',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
  strict: true,
  verbose: true,
});
