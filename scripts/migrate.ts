/** npm run db:migrate — applies db/migrations to DATABASE_URL, or to the PGlite directory (.data/pglite) when unset. */
import { openConfigured } from '@/db/client';

async function main() {
  const target = process.env.DATABASE_URL ? new URL(process.env.DATABASE_URL).host + new URL(process.env.DATABASE_URL).pathname : `PGlite ${process.env.PGLITE_DIR ?? '.data/pglite'}`;
  const t0 = performance.now();
  const handle = await openConfigured({ migrate: true });
  await handle.close();
  console.log(`Migrations applied to ${target} in ${Math.round(performance.now() - t0)} ms.`);
}

main().catch((err) => {
  console.error(`Migration failed: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
