import 'server-only';
import { and, asc, gt, inArray, sql, type SQL } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { talentMatchFacts, talentProfiles } from '@/db/schema';
import { csvField } from '@/lib/http/csv';
import { evaluatePolicy } from '@/lib/policy-matching/evaluate';
import { STATUSES, dependencyClosure, type CriterionNode, type EvaluationResult, type ExclusionGroup, type Policy, type Status } from '@/lib/policy-matching/model';
import { prefilterModeFor, type PrefilterMode } from '@/lib/policy-matching/prefilter';
import type { ProfileColumns } from '@/lib/talent/profile-mapping';
import { consentInForce, derivedProfileColumns, matchingProfile, profileConsentInForceAfter } from '@/lib/talent/queries';
import { FACT_LETTER, LETTER_STATUS, factsMissing, factsValid, type FactsKey } from './match-facts';
import { compilePrefilter, mayHoldOrMeetSql } from './sql-prefilter';

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
  /**
   * The catalogue's key for precomputed match facts (./match-facts.ts): the store's revision of `catalogue`. When
   * given (and no custom jdzDistricts), counts and pages come from the facts that answer (evalDate, key) and only the
   * talents without such facts are evaluated live; absent, everyone in scope is evaluated live.
   */
  factsKey?: string;
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
  /** 'facts': counted from precomputed facts (candidates = the talents evaluated live: those without facts, and the page). */
  mode: PrefilterMode | 'none' | 'facts';
}

const DEFAULT_LIMIT = 50;
const DEFAULT_BATCH = 2000;
/**
 * With a prefilter each batch is a (parallel) sequential scan of the table that sorts the survivors, so fewer,
 * larger batches win: 20,000 candidates of the pruned columns are a few MB.
 */
const DEFAULT_PREFILTER_BATCH = 20_000;

/** Only people who have not withdrawn their profile consent (the talent domain's one predicate; bounded when paging). */
const hasProfileConsent = (after: string | null) => (after === null ? consentInForce() : profileConsentInForceAfter(after));

export function scope(zoneCode: string | null, after: string | null = null): SQL {
  const inScope = zoneCode === null ? hasProfileConsent(after) : and(sql`${talentProfiles.zoneCode} = ${zoneCode}`, hasProfileConsent(after))!;
  return after === null ? inScope : and(inScope, gt(talentProfiles.userId, after))!;
}

const t = talentProfiles;
/** The columns of the matching projection (lib/talent/queries.ts), plus id and names: nothing else leaves the database. */
export const columns = {
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
  ...derivedProfileColumns,
};

export { dependencyClosure } from '@/lib/policy-matching/model';

interface Match {
  row: ReverseMatchRow;
}

interface ScanStats {
  candidates: number;
  mode: PrefilterMode | 'none' | 'facts';
}

/** Profile roots (a raw field, or a nested object) → the columns that hold them. */
const ROOT_COLUMNS: Record<string, (keyof typeof columns)[]> = {
  birth_date: ['birthDate'],
  nationality: ['nationality'],
  hukou_province: ['hukouProvince'],
  hukou_city: ['hukouCity'],
  residence_since: ['residenceSince'],
  residence_district: ['residenceDistrict'],
  education: ['education'],
  graduation_date: ['graduationDate'],
  practice_start: ['practiceStart'],
  sector: ['sector'],
  crafts: ['crafts'],
  employment: ['employment'],
  employer_district: ['employerDistrict'],
  social_insurance_months_jdz: ['socialInsuranceMonthsJdz'],
  business: ['businessForm', 'businessRegisteredDistrict', 'businessRegisteredDate', 'businessFirstTime', 'businessEmployeesInsured'],
  studio: ['studioDistrict', 'studioLeaseMonths', 'studioAreaM2', 'studioMonthlyRent', 'studioGovernmentFree'],
  owns_home_in_jdz: ['ownsHomeInJdz'],
  title: ['titleLevel', 'titleDate'],
  skill_level: ['skillLevel'],
  honours: ['honours'],
  ich: ['ichLevel', 'ichProject', 'ichYear'],
  awards: ['awards'],
  exhibitions: ['exhibitions'],
  apprentices: ['apprentices', 'portalApprentices'],
  relocated_to_jdz_date: ['relocatedToJdzDate'],
  commitment_years: ['commitmentYears'],
  retired: ['retired'],
  credit_bad: ['creditBad'],
  registered_unemployed: ['registeredUnemployed'],
  receiving: ['receiving'],
  received: ['received'],
  portfolio_count: ['portfolioCount'],
};

/** Derived fields → the roots lib/talent/derived.ts reads for them. */
const DERIVED_ROOTS: Record<string, string[]> = {
  age: ['birth_date'],
  is_local_hukou: ['nationality', 'hukou_city'],
  months_in_jdz: ['residence_since'],
  months_since_graduation: ['graduation_date'],
  practice_years: ['practice_start'],
  business_operating_months: ['business'],
  years_since_title: ['title'],
  works_in_jdz: ['employment', 'employer_district', 'business', 'studio'],
  works_or_lives_in_jdz: ['employment', 'employer_district', 'business', 'studio', 'residence_district', 'residence_since'],
  'business.registered_in_jdz': ['business'],
  honours_b_level_count: ['honours', 'ich'],
  awards_or_exhibitions: ['awards', 'exhibitions'],
  tier: [],
};

/**
 * Only the columns the policies of the closure read (criteria, amount rows, amount bases, exclusion renewals), plus
 * id, names, receiving and received: rows of 100,000 talents travel and parse much faster without the unused jsonb.
 * Anything unrecognised falls back to every column.
 */
export function columnsFor(closure: readonly Policy[], groups: readonly ExclusionGroup[]): Partial<typeof columns> {
  const roots = new Set<string>(['receiving', 'received']);
  const addField = (f: string): boolean => {
    if (f in DERIVED_ROOTS) {
      DERIVED_ROOTS[f]!.forEach((r) => roots.add(r));
      return true;
    }
    const root = f.includes('.') ? f.split('.')[0]! : f;
    if (!(root in ROOT_COLUMNS)) return false;
    roots.add(root);
    return true;
  };
  const codes = new Set(closure.map((p) => p.code));
  const fields: string[] = [];
  const walk = (n: CriterionNode) => {
    if (n.kind === 'leaf') {
      if (n.field) fields.push(n.field);
    } else if (n.kind === 'not') walk(n.child);
    else n.children.forEach(walk);
  };
  for (const p of closure) {
    for (const v of p.versions) {
      walk(v.criteria);
      for (const row of v.benefit.amount_table ?? []) {
        if (row.when) walk(row.when);
        if (row.of) fields.push(row.of.field);
      }
      if (v.benefit.of) fields.push(v.benefit.of.field);
      if (v.benefit.per) fields.push(v.benefit.per.field);
    }
  }
  for (const g of groups) if (g.policy_codes.some((c) => codes.has(c))) for (const f of Object.values(g.renews_on ?? {})) fields.push(f);
  if (!fields.every(addField)) return columns;
  const picked: Partial<typeof columns> = { userId: columns.userId, legalName: columns.legalName, artistName: columns.artistName };
  for (const r of roots) for (const c of ROOT_COLUMNS[r]!) (picked as Record<string, unknown>)[c] = columns[c];
  return picked;
}

/**
 * Tier policies of a closure (the reverse match: all but the target itself): the derived tier evaluates each of them
 * for every candidate, yet most people can reach none. Each gets an SQL hint (mayHoldOrMeetSql), selected as
 * `__hint{i}`; `knownNotMet(row)` gives the codes whose hint is false in a row, passed to the evaluator as
 * `knownNotMet`, which is exact because the hint is a necessary condition.
 */
export function tierHints(codes: readonly string[], catalogue: readonly Policy[], opts: { evalDate: string; jdzDistricts?: readonly string[] }) {
  const cols: Record<string, SQL<boolean>> = {};
  codes.forEach((c, i) => (cols[`__hint${i}`] = mayHoldOrMeetSql(c, catalogue, { evalDate: opts.evalDate, jdzDistricts: opts.jdzDistricts })));
  // One set per combination of hints (bit i set = hint i false).
  const sets = new Map<number, ReadonlySet<string>>();
  const knownNotMet = (r: Record<string, unknown>): ReadonlySet<string> | undefined => {
    let bits = 0;
    for (let i = 0; i < codes.length; i++) if (r[`__hint${i}`] === false) bits |= 1 << i;
    if (bits === 0) return undefined;
    let set = sets.get(bits);
    if (!set) sets.set(bits, (set = new Set(codes.filter((_, i) => bits & (1 << i)))));
    return set;
  };
  return { cols, knownNotMet };
}

/** Streams the matches in talent-id order, batch by batch; `usePrefilter` false is the evaluate-everyone baseline. */
async function* scan(db: DbOrTx, args: ReverseMatchArgs, usePrefilter: boolean, stats: ScanStats, extra?: SQL): AsyncGenerator<Match> {
  const wanted = new Set<Status>(args.statuses);
  const sub = dependencyClosure(args.code, args.catalogue, args.groups);
  const mode = prefilterModeFor(args.statuses);
  stats.mode = usePrefilter ? mode : 'none';
  const prefilter = usePrefilter ? compilePrefilter(args.code, args.catalogue, args.groups, { evalDate: args.evalDate, mode, jdzDistricts: args.jdzDistricts }) : null;
  // The baseline loads whole profiles and evaluates them without hints, as evaluating everyone naively would; the
  // compiled path reads only what the policies of the closure need, plus the tier hints.
  const hints = tierHints(usePrefilter ? sub.filter((p) => p.tier && p.code !== args.code).map((p) => p.code) : [], args.catalogue, args);
  const selected = usePrefilter ? { ...columnsFor(sub, args.groups), ...hints.cols } : columns;
  const whereAfter = (after: string | null) => and(scope(args.zoneCode, after), prefilter ?? undefined, extra)!;
  const batch = args.batchSize ?? (usePrefilter ? DEFAULT_PREFILTER_BATCH : DEFAULT_BATCH);
  // Only statuses, amounts, near-misses and missing fields are needed here: skip the explanation text.
  const options = { explain: false, ...(args.jdzDistricts ? { jdzDistricts: args.jdzDistricts } : {}) };
  if (args.statuses.length === 0 || sub.length === 0) return;
  let after: string | null = null;
  for (;;) {
    const rows = await db
      .select(selected)
      .from(talentProfiles)
      .where(whereAfter(after))
      .orderBy(asc(talentProfiles.userId))
      .limit(batch);
    for (const r of rows as Record<string, unknown>[]) {
      stats.candidates++;
      const profile = matchingProfile(r as unknown as ProfileColumns, args.evalDate);
      const knownNotMet = hints.knownNotMet(r);
      const result = evaluatePolicy(profile, sub, args.groups, args.evalDate, args.code, knownNotMet ? { ...options, knownNotMet } : options);
      if (!wanted.has(result.status)) continue;
      yield {
        row: {
          talentId: r.userId as string,
          name: (r.artistName ?? r.legalName ?? null) as string | null,
          status: result.status as ReverseStatus,
          amountEstimate: result.amountEstimate,
          nearMiss: result.nearMiss,
          missingFields: result.missingFields,
        },
      };
    }
    if (rows.length < batch) return;
    after = (rows[rows.length - 1] as Record<string, unknown>).userId as string;
  }
}

/** Counts keyed in STATUSES order, whatever order they were found in. */
function inStatusOrder(counts: Partial<Record<ReverseStatus, number>>): Partial<Record<ReverseStatus, number>> {
  return Object.fromEntries(STATUSES.flatMap((s) => (counts[s as ReverseStatus] !== undefined ? [[s, counts[s as ReverseStatus]]] : [])));
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
  // The in-scope count runs alongside the scan (a second connection on PostgreSQL).
  const scannedPromise = usePrefilter ? countInScope(db, args.zoneCode) : null;
  for await (const { row } of scan(db, args, usePrefilter, stats)) {
    counts[row.status] = (counts[row.status] ?? 0) + 1;
    const h = heads.get(row.status) ?? [];
    if (h.length < keep) h.push(row);
    heads.set(row.status, h);
  }
  const scanned = scannedPromise ? await scannedPromise : stats.candidates;
  const ordered = STATUSES.flatMap((s) => heads.get(s as ReverseStatus) ?? []);
  const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  return { rows: ordered.slice(offset, offset + limit), counts: inStatusOrder(counts), total, candidates: stats.candidates, scanned, ms: Math.round((performance.now() - t0) * 10) / 10, mode: stats.mode };
}

/**
 * The same result as collect(), counted from precomputed facts: per status, the facts' count and their first
 * offset+limit talent ids, merged with the live evaluation of the talents in scope whose facts do not answer the
 * question; then only the page is evaluated live (for amounts, near-misses and missing fields). Null if a page row's
 * live status differs from its fact (it cannot, short of a bug): the caller then evaluates everyone live.
 */
async function collectFromFacts(db: DbOrTx, args: ReverseMatchArgs, key: FactsKey): Promise<ReverseMatchResult | null> {
  const t0 = performance.now();
  const limit = Math.max(0, args.limit ?? DEFAULT_LIMIT);
  const offset = Math.max(0, args.offset ?? 0);
  const keep = offset + limit;
  const stats: ScanStats = { candidates: 0, mode: 'facts' };
  const letters = args.statuses.map((st) => FACT_LETTER[st]);
  if (letters.length === 0) return { rows: [], counts: {}, total: 0, candidates: 0, scanned: await countInScope(db, args.zoneCode), ms: 0, mode: 'facts' };
  const st = sql<string>`(${talentMatchFacts.statuses} ->> ${args.code})`;
  const where = and(scope(args.zoneCode), sql`${st} in (${sql.join(letters.map((l) => sql`${l}`), sql`, `)})`)!;
  const scannedPromise = countInScope(db, args.zoneCode);
  // The talents whose facts do not answer, evaluated live; on PostgreSQL this runs beside the fact queries below.
  // Per status their count and their first offset+limit rows (scan order = talent id): memory stays bounded.
  const stale = (async () => {
    const n: Partial<Record<ReverseStatus, number>> = {};
    const first = new Map<ReverseStatus, ReverseMatchRow[]>();
    // Usually every fact answers: a bare anti-join finds that out faster than the prefiltered scan.
    const anyStale = await db.select({ one: sql<number>`1` }).from(talentProfiles).where(and(scope(args.zoneCode), factsMissing(key))).limit(1);
    if (anyStale.length === 0) return { n, first };
    for await (const { row } of scan(db, args, true, stats, factsMissing(key))) {
      n[row.status] = (n[row.status] ?? 0) + 1;
      const h = first.get(row.status) ?? [];
      if (h.length < keep) h.push(row);
      first.set(row.status, h);
    }
    return { n, first };
  })();
  stale.catch(() => {}); // awaited below; a failure of the fact queries first must not leave it unhandled
  const countRows = await db.select({ s: st, n: sql<number>`count(*)::int` }).from(talentProfiles).innerJoin(talentMatchFacts, factsValid(key)).where(where).groupBy(sql`1`);
  // Per status, the first offset+limit ids in talent-id order: one LIMIT query each, which stops early on the id index.
  const headRows =
    keep === 0
      ? []
      : (
          await Promise.all(
            letters.map((l) =>
              db
                .select({ userId: talentProfiles.userId })
                .from(talentProfiles)
                .innerJoin(talentMatchFacts, factsValid(key))
                .where(and(scope(args.zoneCode), sql`${st} = ${l}`))
                .orderBy(asc(talentProfiles.userId))
                .limit(keep)
                .then((rows) => rows.map((r) => ({ userId: r.userId, s: l as string }))),
            ),
          )
        ).flat();

  const counts: Partial<Record<ReverseStatus, number>> = {};
  for (const r of countRows) counts[LETTER_STATUS[r.s]!] = Number(r.n);
  // Per status, entries in talent-id order: ids from the facts, rows from the live evaluation of the rest.
  const heads = new Map<ReverseStatus, { id: string; row?: ReverseMatchRow }[]>();
  const headOf = (status: ReverseStatus) => {
    let h = heads.get(status);
    if (!h) heads.set(status, (h = []));
    return h;
  };
  for (const r of headRows) headOf(LETTER_STATUS[r.s]!).push({ id: r.userId });
  const staleResult = await stale;
  for (const [status, n] of Object.entries(staleResult.n) as [ReverseStatus, number][]) counts[status] = (counts[status] ?? 0) + n;
  for (const [status, rows] of staleResult.first) headOf(status).push(...rows.map((row) => ({ id: row.talentId, row })));
  const page = STATUSES.flatMap((s) => (heads.get(s as ReverseStatus) ?? []).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)).slice(0, keep)).slice(offset, offset + limit);
  const need = page.filter((e) => !e.row).map((e) => e.id);
  if (need.length) {
    const live = new Map<string, ReverseMatchRow>();
    for await (const { row } of scan(db, args, true, stats, inArray(talentProfiles.userId, need))) live.set(row.talentId, row);
    for (const e of page) {
      if (e.row) continue;
      const row = live.get(e.id);
      const expected = STATUSES.find((s) => (heads.get(s as ReverseStatus) ?? []).includes(e));
      if (!row || row.status !== expected) return null;
      e.row = row;
    }
  }
  const total = Object.values(counts).reduce((a, b) => a + (b ?? 0), 0);
  return { rows: page.map((e) => e.row!), counts: inStatusOrder(counts), total, candidates: stats.candidates, scanned: await scannedPromise, ms: Math.round((performance.now() - t0) * 10) / 10, mode: 'facts' };
}

/**
 * Talents in scope whose status for `code` is in `statuses`: from precomputed facts where they answer the question
 * (args.factsKey), else SQL prefilter, then the exact evaluator.
 */
export async function reverseMatch(db: DbOrTx, args: ReverseMatchArgs): Promise<ReverseMatchResult> {
  if (args.factsKey && !args.jdzDistricts) {
    const r = await collectFromFacts(db, args, { evalDate: args.evalDate, catalogueKey: args.factsKey });
    if (r) return r;
  }
  return collect(db, args, true);
}

/** The baseline: every talent in scope loaded and evaluated in JavaScript. Same result as reverseMatch. */
export function reverseMatchInJs(db: DbOrTx, args: ReverseMatchArgs): Promise<ReverseMatchResult> {
  return collect(db, args, false);
}

/**
 * Every match, streamed in talent-id order through one scan (the push): memory stays at one batch whatever the
 * population, and nothing is scanned twice. `onProgress` receives the number of candidates evaluated so far.
 */
export async function* reverseMatchStream(db: DbOrTx, args: Omit<ReverseMatchArgs, 'limit' | 'offset'>, onProgress?: (candidates: number) => void): AsyncGenerator<ReverseMatchRow> {
  const stats: ScanStats = { candidates: 0, mode: 'none' };
  for await (const { row } of scan(db, args, true, stats)) {
    onProgress?.(stats.candidates);
    yield row;
  }
  onProgress?.(stats.candidates);
}

export const REVERSE_CSV_COLUMNS = ['talent_id', 'name', 'status', 'amount_estimate', 'near_miss_criterion', 'eligible_from', 'missing_fields'] as const;

/** One export row (cells not yet escaped), in REVERSE_CSV_COLUMNS order. */
export function reverseMatchCells(r: ReverseMatchRow): (string | number)[] {
  return [r.talentId, r.name ?? '', r.status, r.amountEstimate ?? '', r.nearMiss?.criterionId ?? '', r.nearMiss?.eligibleFrom ?? '', r.missingFields.join(' ')];
}

/**
 * The staff export: every match (not one page), streamed batch by batch, as CSV lines (RFC 4180, CRLF) with the
 * formula-injection guard (lib/http/csv.ts). The first line is the header (`header`, e.g. translated column names,
 * or REVERSE_CSV_COLUMNS). The caller adds the BOM and audits the export with its purpose.
 */
export async function* reverseMatchCsvLines(
  db: DbOrTx,
  args: Omit<ReverseMatchArgs, 'limit' | 'offset'>,
  header: readonly string[] = REVERSE_CSV_COLUMNS,
  cells: (r: ReverseMatchRow) => (string | number)[] = reverseMatchCells,
): AsyncGenerator<string> {
  yield `${header.map(csvField).join(',')}\r\n`;
  const stats: ScanStats = { candidates: 0, mode: 'none' };
  for await (const { row } of scan(db, args, true, stats)) yield `${cells(row).map(csvField).join(',')}\r\n`;
}
