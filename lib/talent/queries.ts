import 'server-only';
import { and, desc, eq, getTableColumns, getTableName, inArray, is, sql, type SQL } from 'drizzle-orm';
import { PgColumn, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { DbOrTx } from '@/db/client';
import { preparedOnce } from '@/db/prepared';
import { consents, evidence, talentProfiles, users, workImages, works } from '@/db/schema';
import { mergePortalApprentices, portalApprenticesSql } from '@/lib/mentors/queries';
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
  const [c] = await preparedOnce(db, 'has_consent', (d) =>
    d
      .select({ one: sql<number>`1` })
      .from(consents)
      .where(and(eq(consents.userId, sql.placeholder('userId')), eq(consents.kind, sql.placeholder('kind')), sql`${consents.withdrawnAt} is null`))
      .limit(1)
  ).execute({ userId, kind });
  return !!c;
}

/** portfolio_count (§6.2) of the talent in the row: the works they own, whatever their visibility. */
export const portfolioCountSql = sql<number>`(select count(*)::int from ${works} w where w.owner_id = ${talentProfiles.userId})`.mapWith(Number);

/**
 * apprentices recorded through the portal (师带徒, issue 12): the accepted mentorships of the talent's mentor profile,
 * merged into `apprentices` by matchingProfile() with lib/mentors' one counting rule. Kept in their own table, so a
 * profile PUT can never erase them.
 */
export const portalApprenticesColumn = portalApprenticesSql(talentProfiles.userId);

/** The derived-from-other-tables columns of the projection. */
export const derivedProfileColumns = { portfolioCount: portfolioCountSql, portalApprentices: portalApprenticesColumn } as const;

/** Every column of talent_profiles plus the derived ones: select this, map with matchingProfile(). */
export const matchingProfileColumns = { ...getTableColumns(talentProfiles), ...derivedProfileColumns };

/**
 * A row of (a subset of) the projection → the canonical profile. Works on partial selections (reverse matching).
 * When the row carries portalApprentices, they are merged into `apprentices` on `evalDate` (default today).
 */
export function matchingProfile(row: Partial<ProfileColumns> & { portfolioCount?: number | null; portalApprentices?: unknown }, evalDate?: string): CanonicalProfile {
  const profile = toCanonical(row as ProfileColumns);
  if (row.portalApprentices !== undefined) profile.apprentices = mergePortalApprentices(profile.apprentices, row.portalApprentices as Parameters<typeof mergePortalApprentices>[1], evalDate);
  return profile;
}

/** The canonical profile of one talent as every matching path sees it, with their zone; null without a profile. */
export async function loadMatchingProfile(db: DbOrTx, userId: string, evalDate?: string): Promise<{ profile: CanonicalProfile; zoneCode: string | null } | null> {
  const [row] = await preparedOnce(db, 'matching_profile', (d) =>
    d.select(matchingProfileColumns).from(talentProfiles).where(eq(talentProfiles.userId, sql.placeholder('userId'))).limit(1),
  ).execute({ userId });
  if (!row) return null;
  return { profile: matchingProfile(row as unknown as ProfileColumns & { portalApprentices: unknown }, evalDate), zoneCode: row.zoneCode };
}

// ---------------------------------------------------------------------------------------------------------------
// Public display (opt-in) for other domains: mentors (issue 12) show a linked talent's crafts, credentials and works
// only when the talent has opted in to public display — the showcase rule (showcase enabled, profile consent in force).
// ---------------------------------------------------------------------------------------------------------------

/** A column as "table"."column": drizzle may render it unqualified in a single-table select, ambiguous in a subquery. */
const qualified = (col: AnyPgColumn | SQL): SQL => (is(col, PgColumn) ? sql`${sql.identifier(getTableName(col.table))}.${sql.identifier(col.name)}` : (col as SQL));

/**
 * The showcase rule on a talent_profiles row (`row`: the table or an alias): the talent opted in to public display,
 * the profile consent is in force and an administrator has not disabled the account. The one rule for the showcase,
 * mentor pages and their search documents.
 */
function displayRuleOn(row: SQL): SQL {
  const uid = sql`${row}.user_id`;
  return sql`(${row}.showcase_enabled and ${consentInForce(uid)} and not exists (select 1 from ${users} du where du.id = ${uid} and du.disabled_at is not null))`;
}

/** SQL over talent_profiles: the row's talent is shown publicly (the showcase rule). */
export function publicDisplayRule(): SQL {
  return displayRuleOn(sql`${talentProfiles}`);
}

/** SQL: the talent in `userCol` is shown publicly (the showcase rule), whatever table the outer query reads. */
export function publicDisplaySql(userCol: AnyPgColumn | SQL): SQL {
  return sql`exists (select 1 from ${talentProfiles} pd where pd.user_id = ${qualified(userCol)} and ${displayRuleOn(sql`pd`)})`;
}

/** SQL: the crafts (工种 codes) of the talent in `userCol` (null without a profile). */
export function talentCraftsSql(userCol: AnyPgColumn | SQL): SQL<string[] | null> {
  return sql<string[] | null>`(select pc.crafts from ${talentProfiles} pc where pc.user_id = ${qualified(userCol)})`;
}

export type CredentialState = 'verified' | 'pending' | 'claimed' | 'rejected';
export interface PublicCredential {
  kind: 'title' | 'honour' | 'ich';
  /** The title level (正高 …), the honour's name, or the ICH project. */
  label: string;
  /** ICH level (national …) or the honour's province; null otherwise. */
  level: string | null;
  year: number | null;
  state: CredentialState;
}
export interface PublicTalentDisplay {
  crafts: string[];
  credentials: PublicCredential[];
  works: { id: string; title: string; year: number | null; thumbUrl: string | null }[];
}

/**
 * What may be shown publicly of opted-in talents (others are absent from the map): crafts; title, honours and ICH
 * status each with its verification state (the best evidence: verified > pending > rejected; none = claimed; rejected
 * claims are left out); public works with a thumbnail. Never birth dates, ID numbers, contact details or documents.
 */
export async function loadPublicTalentDisplay(db: DbOrTx, userIds: readonly string[]): Promise<Map<string, PublicTalentDisplay>> {
  const out = new Map<string, PublicTalentDisplay>();
  if (!userIds.length) return out;
  const rows = await db
    .select({ userId: talentProfiles.userId, crafts: talentProfiles.crafts, titleLevel: talentProfiles.titleLevel, titleDate: talentProfiles.titleDate, honours: talentProfiles.honours, ichLevel: talentProfiles.ichLevel, ichProject: talentProfiles.ichProject, ichYear: talentProfiles.ichYear })
    .from(talentProfiles)
    .where(and(inArray(talentProfiles.userId, [...userIds]), publicDisplayRule()));
  if (!rows.length) return out;
  const ids = rows.map((r) => r.userId);
  const [ev, ws] = await Promise.all([
    db.select({ talentId: evidence.talentId, subject: evidence.subject, itemId: evidence.itemId, status: evidence.status }).from(evidence).where(inArray(evidence.talentId, ids)),
    db
      .select({ id: works.id, ownerId: works.ownerId, title: works.title, year: works.year, image: sql<string | null>`(select i.id::text from ${workImages} i where i.work_id = ${works.id} order by i.position limit 1)` })
      .from(works)
      .where(and(inArray(works.ownerId, ids), eq(works.visibility, 'public')))
      .orderBy(desc(works.createdAt))
      .limit(ids.length * 12),
  ]);
  const rank = { verified: 3, pending: 2, rejected: 1 } as const;
  const stateOf = (userId: string, subject: string, itemId: string | null): CredentialState => {
    let best: CredentialState = 'claimed';
    for (const e of ev) {
      if (e.talentId !== userId || e.subject !== subject || (e.itemId ?? null) !== itemId) continue;
      if (best === 'claimed' || rank[e.status] > rank[best as keyof typeof rank]) best = e.status;
    }
    return best;
  };
  for (const r of rows) {
    const creds: PublicCredential[] = [];
    if (r.titleLevel && r.titleLevel !== 'none') creds.push({ kind: 'title', label: r.titleLevel, level: null, year: r.titleDate ? Number(r.titleDate.slice(0, 4)) : null, state: stateOf(r.userId, 'title', null) });
    for (const h of r.honours ?? []) {
      const item = h as { id: string; type?: string; province?: string | null; year?: number | null };
      if (item.type) creds.push({ kind: 'honour', label: item.type, level: item.province ?? null, year: item.year ?? null, state: stateOf(r.userId, 'honour', item.id) });
    }
    if (r.ichLevel && r.ichLevel !== 'none') creds.push({ kind: 'ich', label: r.ichProject ?? '', level: r.ichLevel, year: r.ichYear, state: stateOf(r.userId, 'ich', null) });
    out.set(r.userId, {
      crafts: r.crafts ?? [],
      credentials: creds.filter((c) => c.state !== 'rejected'),
      works: ws
        .filter((w) => w.ownerId === r.userId)
        .slice(0, 12)
        .map((w) => ({ id: w.id, title: w.title, year: w.year, thumbUrl: w.image ? `/api/v1/works/${w.id}/images/${w.image}?size=thumb` : null })),
    });
  }
  return out;
}

/** The apprentices a talent self-declared on their profile (§6.2 apprentices[]), null when unknown. */
export async function selfDeclaredApprentices(db: DbOrTx, userId: string): Promise<{ age?: number | null; agreement_months?: number | null }[] | null> {
  const [row] = await db.select({ a: talentProfiles.apprentices }).from(talentProfiles).where(eq(talentProfiles.userId, userId)).limit(1);
  return row?.a ?? null;
}
