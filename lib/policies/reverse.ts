import 'server-only';
import { and, asc, gt, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { consents, talentProfiles } from '@/db/schema';
import { evaluateAll } from '@/lib/policy-matching/evaluate';
import { STATUSES, dependenciesOf, type EvaluationResult, type ExclusionGroup, type Policy, type Status } from '@/lib/policy-matching/model';
import { compilePrefilter, prefilterModeFor, type PrefilterMode } from '@/lib/policy-matching/sql-prefilter';
import { csvField } from '@/lib/talent/export';
import { toCanonical, type ProfileColumns } from '@/lib/talent/profile-mapping';

/**
 * Reverse match "policy → people" for staff (domain-talent-policy.md §6.3): the talents in scope whose status for one
 * policy is in the requested set. The policy's criteria are compiled into an SQL prefilter (sql-prefilter.ts) over
 * the indexed profile columns; only the rows it keeps are mapped and evaluated exactly, with the same evaluator the
 * talent sees. `reverseMatchInJs` is the baseline without the prefilter (the agreement tests and the benchmark).
 *
 * Scope: one zone (zone staff) or every zone (null, org level); people who withdrew their profile consent never
 * appear (as in the staff directory). Authorization is the caller's job (lib/policies/service.ts): the zone must come
 * from the actor, never from the request.
 */

export const REVERSE_STATUSES = ['ELIGIBLE', 'NEAR_MISS', 'NEEDS_INFO', 'NEEDS_REVIEW'] as const satisfies readonly Status[];
export type ReverseStatus = (typeof REVERSE_STATUSES)[number];

export interface ReverseMatchArgs {
  catalogue: readonly Policy[];
  groups: readonly ExclusionGroup[];
  code: string;
  /** ISO date of the evaluation. */
  evalDate: string;
  /** The zone in scope; null = all zones (org level). */
  zoneCode: string | null;
  statuses: readonly ReverseStatus[];
  /** Page size (default 50) and offset (default 0) over the matches ordered by status, then talent id. */
  limit?: number;
  offset?: number;
  jdzDistricts?: readonly string[];
  /** Rows fetched per query (default 2,000): memory stays bounded by one batch plus one page. */
  batchSize?: number;
}

export interface ReverseMatchRow {
  talentId: string;
  /** Artist name, else legal name. */
  name: string | null;
  status: ReverseStatus;
  amountEstimate: number | null;
  nearMiss: EvaluationResult['nearMiss'];
  missingFields: string[];
}

export interface ReverseMatchResult {
  rows: ReverseMatchRow[];
  counts: Partial<Record<ReverseStatus, number>>;
  /** Matches over every status requested (the sum of counts). */
  total: number;
  /** Rows the prefilter kept (= scanned for reverseMatchInJs). */
  candidates: number;
  /** Rows in scope (zone and consent). */
  scanned: number;
  ms: number;
  mode: PrefilterMode | 'none';
}

const DEFAULT_LIMIT = 50;
const DEFAULT_BATCH = 2000;

/** Only people who have not withdrawn their profile consent (as lib/talent/directory.ts). */
const hasProfileConsent = sql`exists (select 1 from ${consents} c where c.user_id = ${talentProfiles.userId} and c.kind = 'profile' and c.withdrawn_at is null)`;

function scope(zoneCode: string | null): SQL {
  return zoneCode === null ? hasProfileConsent : and(sql`${talentProfiles.zoneCode} = ${zoneCode}`, hasProfileConsent)!;
}

const t = talentProfiles;
/** The columns toCanonical reads, plus id and names: nothing else leaves the database. */
const columns = {
  userId: t.userId,
  legalName: t.legalName,
  artistName: t.artistName,
  birthDate: t.birthDate,
  nationality: t.nationality,
  hukouProvince: t.hukouProvince,
  hukouCity: t.hukouCity,
  residenceSince: t.residenceSince,
  residenceDistrict: t.residenceDistrict,
  education: t.education,
  graduationDate: t.graduationDate,
  practiceStart: t.practiceStart,
  sector: t.sector,
  crafts: t.crafts,
  employment: t.employment,
  employerDistrict: t.employerDistrict,
  socialInsuranceMonthsJdz: t.socialInsuranceMonthsJdz,
  businessForm: t.businessForm,
  businessRegisteredDistrict: t.businessRegisteredDistrict,
  businessRegisteredDate: t.businessRegisteredDate,
  businessFirstTime: t.businessFirstTime,
  businessEmployeesInsured: t.businessEmployeesInsured,
  studioDistrict: t.studioDistrict,
  studioLeaseMonths: t.studioLeaseMonths,
  studioAreaM2: t.studioAreaM2,
  studioMonthlyRent: t.studioMonthlyRent,
  studioGovernmentFree: t.studioGovernmentFree,
  ownsHomeInJdz: t.ownsHomeInJdz,
  titleLevel: t.titleLevel,
  titleDate: t.titleDate,
  skillLevel: t.skillLevel,
  ichLevel: t.ichLevel,
  ichProject: t.ichProject,
  ichYear: t.ichYear,
  honours: t.honours,
  awards: t.awards,
  exhibitions: t.exhibitions,
  apprentices: t.apprentices,
  relocatedToJdzDate: t.relocatedToJdzDate,
  commitmentYears: t.commitmentYears,
  retired: t.retired,
  creditBad: t.creditBad,
  registeredUnemployed: t.registeredUnemployed,
  receiving: t.receiving,
  received: t.received,
};

/**
 * The policies one code's status depends on: itself, its gates and tier policies (criteria and amount rows,
 * transitively), and the members of its highest_tier_only groups (their rank and roots decide EXCLUDED). Statuses
 * over this sub-catalogue equal those over the whole catalogue; missing_fields may be ordered differently (the
 * evaluator orders them by how many policies of the catalogue ask for each).
 */
export function dependencyClosure(code: string, catalogue: readonly Policy[], groups: readonly ExclusionGroup[]): Policy[] {
  const byCode = new Map(catalogue.map((p) => [p.code, p]));
  const tierCodes = catalogue.filter((p) => p.tier).map((p) => p.code);
  const seen = new Set<string>();
  const visit = (c: string) => {
    if (seen.has(c) || !byCode.has(c)) return;
    seen.add(c);
    for (const v of byCode.get(c)!.versions) {
      const trees = [v.criteria, ...(v.benefit.amount_table ?? []).flatMap((r) => (r.when ? [r.when] : []))];
      for (const tree of trees) {
        const d = dependenciesOf(tree);
        d.gates.forEach(visit);
        if (d.readsTier) tierCodes.forEach(visit);
      }
    }
    for (const g of groups) if (g.rule === 'highest_tier_only' && g.policy_codes.includes(c)) g.policy_codes.forEach(visit);
  };
  visit(code);
  return catalogue.filter((p) => seen.has(p.code));
}

interface Match {
  row: ReverseMatchRow;
}

interface ScanStats {
  candidates: number;
  mode: PrefilterMode | 'none';
}

/** Streams the matches in talent-id order, batch by batch; `usePrefilter` false is the evaluate-everyone baseline. */
async function* scan(db: DbOrTx, args: ReverseMatchArgs, usePrefilter: boolean, stats: ScanStats): AsyncGenerator<Match> {
  const wanted = new Set<Status>(args.statuses);
  const sub = dependencyClosure(args.code, args.catalogue, args.groups);
  const mode = prefilterModeFor(args.statuses);
  stats.mode = usePrefilter ? mode : 'none';
  const where = usePrefilter ? and(scope(args.zoneCode), compilePrefilter(args.code, args.catalogue, args.groups, { evalDate: args.evalDate, mode, jdzDistricts: args.jdzDistricts }))! : scope(args.zoneCode);
  const batch = args.batchSize ?? DEFAULT_BATCH;
  // Only statuses, amounts, near-misses and missing fields are needed here: skip the explanation text.
  const options = { explain: false, ...(args.jdzDistricts ? { jdzDistricts: args.jdzDistricts } : {}) };
  if (args.statuses.length === 0 || sub.length === 0) return;
  let after: string | null = null;
  for (;;) {
    const rows = await db
      .select(columns)
      .from(talentProfiles)
      .where(after === null ? where : and(where, gt(talentProfiles.userId, after)))
      .orderBy(asc(talentProfiles.userId))
      .limit(batch);
    for (const r of rows) {
      stats.candidates++;
      const profile = toCanonical(r as ProfileColumns);
      const result = evaluateAll(profile, sub, args.groups, args.evalDate, options).find((x) => x.policyCode === args.code);
      if (!result || !wanted.has(result.status)) continue;
      yield {
        row: {
          talentId: r.userId,
          name: r.artistName ?? r.legalName,
          status: result.status as ReverseStatus,
          amountEstimate: result.amountEstimate,
          nearMiss: result.nearMiss,
          missingFields: result.missingFields,
        },
      };
    }
    if (rows.length < batch) return;
    after = rows[rows.length - 1]!.userId;
  }
}

async function countInScope(db: DbOrTx, zoneCode: string | null): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(talentProfiles).where(scope(zoneCode));
  return Number(row?.n ?? 0);
}

async function collect(db: DbOrTx, args: ReverseMatchArgs, usePrefilter: boolean): Promise<ReverseMatchResult> {
  const t0 = performance.now();
  const limit = Math.max(0, args.limit ?? DEFAULT_LIMIT);
  const offset = Math.max(0, args.offset ?? 0);
  const keep = offset + limit;
  const stats: ScanStats = { candidates: 0, mode: 'none' };
  const counts: Partial<Record<ReverseStatus, number>> = {};
  // Per status, the first offset+limit matches (scan order = talent id): enough for any page, whatever the zone size.
  const heads = new Map<ReverseStatus, ReverseMatchRow[]>();
  for await (const { row } of scan(db, args, usePrefilter, stats)) {
    counts[row.status] = (counts[row.status] ?? 0) + 1;
    const h = heads.get(row.status) ?? [];
    if (h.length < keep) h.push(row);
    heads.set(row.status, h);
  }
  const scanned = usePrefilter ? await countInScope(db, args.zoneCode) : stats.candidates;
  const ordered = STATUSES.flatMap((s) => heads.get(s as ReverseStatus) ?? []);
  const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  return { rows: ordered.slice(offset, offset + limit), counts, total, candidates: stats.candidates, scanned, ms: Math.round((performance.now() - t0) * 10) / 10, mode: stats.mode };
}

/** Talents in scope whose status for `code` is in `statuses`: SQL prefilter, then the exact evaluator. */
export function reverseMatch(db: DbOrTx, args: ReverseMatchArgs): Promise<ReverseMatchResult> {
  return collect(db, args, true);
}

/** The baseline: every talent in scope loaded and evaluated in JavaScript. Same result as reverseMatch. */
export function reverseMatchInJs(db: DbOrTx, args: ReverseMatchArgs): Promise<ReverseMatchResult> {
  return collect(db, args, false);
}

export const REVERSE_CSV_COLUMNS = ['talent_id', 'name', 'status', 'amount_estimate', 'near_miss_criterion', 'eligible_from', 'missing_fields'] as const;

/** One export row (cells not yet escaped), in REVERSE_CSV_COLUMNS order. */
export function reverseMatchCells(r: ReverseMatchRow): (string | number)[] {
  return [r.talentId, r.name ?? '', r.status, r.amountEstimate ?? '', r.nearMiss?.criterionId ?? '', r.nearMiss?.eligibleFrom ?? '', r.missingFields.join(' ')];
}

/**
 * The staff export: every match (not one page), streamed batch by batch, as CSV lines (RFC 4180, CRLF) with the
 * formula-injection guard of the talent export (csvField). The first line is the header (`header`, e.g. translated
 * column names, or REVERSE_CSV_COLUMNS). The caller adds the BOM and audits the export with its purpose.
 */
export async function* reverseMatchCsvLines(db: DbOrTx, args: Omit<ReverseMatchArgs, 'limit' | 'offset'>, header: readonly string[] = REVERSE_CSV_COLUMNS): AsyncGenerator<string> {
  yield `${header.map(csvField).join(',')}\r\n`;
  const stats: ScanStats = { candidates: 0, mode: 'none' };
  for await (const { row } of scan(db, args, true, stats)) yield `${reverseMatchCells(row).map(csvField).join(',')}\r\n`;
}
