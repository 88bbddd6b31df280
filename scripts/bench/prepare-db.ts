/**
 * tsx scripts/bench/prepare-db.ts [--zone <code>]
 *
 * Run by the bench harness (scripts/bench/server.ts) after `scripts/seed.ts --scale N`, before the server starts:
 *   --zone <code>  moves every synthetic talent (synthetic-<n>@scale.local) into that zone and its district (jkq →
 *                  经开区), so one zone-staff account (staff@demo.local for jkq) lists and exports all of them;
 *   then VACUUM ANALYZE, as autovacuum would after a bulk load on a real server — done up front so that PostgreSQL's
 *   autovacuum does not compete with the first measurements (and PGlite, which has no autovacuum, gets statistics).
 * Uses the same database as the seed (PGLITE_DIR or DATABASE_URL). Prints one summary line.
 */
import { sql } from 'drizzle-orm';
import { openConfigured } from '@/db/client';
import { assertMasterKey } from '@/lib/crypto/key-check';
import { DISTRICT_ZONE } from '@/lib/talent/zones';

function parseZone(argv: string[]): string | null {
  const i = argv.findIndex((a) => a === '--zone' || a.startsWith('--zone='));
  if (i < 0) return null;
  const v = argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  if (!v) throw new Error('--zone needs a zone code, e.g. jkq / --zone 需要园区代码');
  return v;
}

async function main() {
  const zone = parseZone(process.argv.slice(2));
  const district = zone ? Object.entries(DISTRICT_ZONE).find(([, z]) => z === zone)?.[0] : undefined;
  if (zone && !district) throw new Error(`Unknown zone "${zone}"; known: ${Object.values(DISTRICT_ZONE).join(', ')} / 未知园区`);
  const handle = await openConfigured({ migrate: false });
  try {
    const { db } = handle;
    await assertMasterKey(db); // the same key the seed and the server use (issue 14 §1)
    const parts: string[] = [];
    if (zone && district) {
      const moved = await db.execute(sql`
        update talent_profiles p set zone_code = ${zone}, residence_district = ${district}
        from users u
        where u.id = p.user_id and u.email like 'synthetic-%@scale.local' and p.zone_code is distinct from ${zone}
        returning p.user_id`);
      const n = await count(db, zone);
      parts.push(`${rowsOf(moved).length} synthetic talents moved to zone ${zone} (${district}); ${n} profiles in the zone`);
    }
    await db.execute(sql`vacuum analyze`);
    parts.push('VACUUM ANALYZE done');
    console.log(parts.join('; '));
  } finally {
    await handle.close();
  }
}

/** drizzle's execute() returns rows directly on postgres-js and { rows } on PGlite. */
function rowsOf<T>(r: unknown): T[] {
  return Array.isArray(r) ? (r as T[]) : ((r as { rows?: T[] }).rows ?? []);
}

async function count(db: Awaited<ReturnType<typeof openConfigured>>['db'], zone: string): Promise<number> {
  const r = await db.execute(sql`select count(*)::int as n from talent_profiles where zone_code = ${zone}`);
  return rowsOf<{ n: number }>(r)[0]?.n ?? 0;
}

main().catch((err) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
