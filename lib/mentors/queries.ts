import 'server-only';
import { getTableName, is, sql, type SQL } from 'drizzle-orm';
import { PgColumn } from 'drizzle-orm/pg-core';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { mentors, mentorships, talentProfiles } from '@/db/schema';
import { formatYmd, parseIsoDate } from '@/lib/talent/dates';
import { jdzToday } from '@/lib/clock';
import { mergeApprentices, toProfileApprentices, type PortalApprentice, type SelfDeclaredApprentice } from './core';

/**
 * Reads of the mentors domain that other domains may use (ADR 010): the portal-recorded apprentices the talent
 * profile projection (lib/talent/queries.ts) merges into `apprentices` for policy evaluation (issue 12 §1, JP-055).
 *
 * The subquery lists the ACCEPTED mentorships of the mentor profile linked to the talent in `userCol`, with the
 * apprentice's birth date (read from their profile; an age is computed on the evaluation date and never stored), the
 * agreement's start date and months. Which of them count and how self-declared entries are de-duplicated is the one
 * rule of lib/mentors/core.ts (mergeApprentices).
 */
export function portalApprenticesSql(userCol: AnyPgColumn | SQL): SQL<PortalApprentice[]> {
  // Drizzle may render a column of a single-table select unqualified ("user_id"), which inside this subquery would
  // name the apprentice's profile: qualify it with its table.
  const outer = is(userCol, PgColumn) ? sql`${sql.identifier(getTableName(userCol.table))}.${sql.identifier(userCol.name)}` : userCol;
  return sql<PortalApprentice[]>`(select coalesce(jsonb_agg(jsonb_build_object(
      'mentorshipId', ms.id, 'birthDate', ap.birth_date, 'startDate', ms.start_date, 'months', ms.months) order by ms.start_date, ms.id), '[]'::jsonb)
    from ${mentorships} ms
    join ${mentors} m on m.id = ms.mentor_id
    left join ${talentProfiles} ap on ap.user_id = ms.talent_id
    where m.talent_id = ${outer} and ms.status = 'accepted')`;
}

/** Today in Jingdezhen (the date every matching path evaluates on unless told otherwise). */
const todayIso = () => formatYmd(jdzToday());

/**
 * The profile's `apprentices` with the portal-recorded ones merged in, on the evaluation date (default today). A
 * malformed date falls back to today. Pure apart from reading the clock for the default.
 */
export function mergePortalApprentices(selfDeclared: readonly SelfDeclaredApprentice[] | null | undefined, portal: readonly PortalApprentice[] | string | null | undefined, on?: string) {
  const date = parseIsoDate(on ?? todayIso()) ?? parseIsoDate(todayIso())!;
  // Drivers hand jsonb back parsed; a text rendering (some raw paths) is parsed here.
  const list = typeof portal === 'string' ? (JSON.parse(portal) as PortalApprentice[]) : (portal ?? []);
  return toProfileApprentices(mergeApprentices(selfDeclared, list, date));
}
