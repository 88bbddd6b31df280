import 'server-only';
import { and, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { consents, talentProfiles, works } from '@/db/schema';
import { toCanonical, type ProfileColumns } from './profile-mapping';
import type { CanonicalProfile } from './profile-schema';

/**
 * Reads of the talent domain that other domains may use (ADR 010). No authorization here: the caller has authorized.
 *
 * - The consent rule (PIPL): a talent whose consent of a kind is withdrawn (or was never given) is not read for that
 *   purpose — matching, the staff directory, pushes, the showcase. One predicate, here.
 * - The profile projection: the one canonical §6.2 profile every matching path evaluates (我的政策, applications,
 *   pushes, policy → people, the editor preview). Values derived from other tables (portfolio_count = the number of
 *   works the talent owns) are computed in the same SELECT, so a path cannot forget them.
 */

type ConsentKind = 'profile' | 'sensitive';

/** SQL: the consent of `kind` of the user in `userCol` is in force (granted, not withdrawn). */
export function consentInForce(userCol: AnyPgColumn | SQL = talentProfiles.userId, kind: ConsentKind = 'profile'): SQL {
  return sql`exists (select 1 from ${consents} c where c.user_id = ${userCol} and c.kind = ${kind} and c.withdrawn_at is null)`;
}

/**
 * As consentInForce, for scans paged by user id: `after` bounds the consents side too (without it a merge join would
 * re-read the consents index from its start for every batch).
 */
export function profileConsentInForceAfter(after: string): SQL {
  return sql`exists (select 1 from ${consents} c where c.user_id = ${talentProfiles.userId} and c.user_id > ${after} and c.kind = 'profile' and c.withdrawn_at is null)`;
}

/** Whether one user's consent of `kind` is in force. */
export async function hasConsent(db: DbOrTx, userId: string, kind: ConsentKind = 'profile'): Promise<boolean> {
  const [c] = await db
    .select({ one: sql<number>`1` })
    .from(consents)
    .where(and(eq(consents.userId, userId), eq(consents.kind, kind), sql`${consents.withdrawnAt} is null`))
    .limit(1);
  return !!c;
}

/** portfolio_count (§6.2) of the talent in the row: the works they own, whatever their visibility. */
export const portfolioCountSql = sql<number>`(select count(*)::int from ${works} w where w.owner_id = ${talentProfiles.userId})`.mapWith(Number);

/** The derived-from-other-tables columns of the projection. */
export const derivedProfileColumns = { portfolioCount: portfolioCountSql } as const;

/** Every column of talent_profiles plus the derived ones: select this, map with matchingProfile(). */
export const matchingProfileColumns = { ...getTableColumns(talentProfiles), ...derivedProfileColumns };

/** A row of (a subset of) the projection → the canonical profile. Works on partial selections (reverse matching). */
export function matchingProfile(row: Partial<ProfileColumns> & { portfolioCount?: number | null }): CanonicalProfile {
  return toCanonical(row as ProfileColumns);
}

/** The canonical profile of one talent as every matching path sees it, with their zone; null without a profile. */
export async function loadMatchingProfile(db: DbOrTx, userId: string): Promise<{ profile: CanonicalProfile; zoneCode: string | null } | null> {
  const [row] = await db.select(matchingProfileColumns).from(talentProfiles).where(eq(talentProfiles.userId, userId)).limit(1);
  if (!row) return null;
  return { profile: matchingProfile(row as unknown as ProfileColumns), zoneCode: row.zoneCode };
}
