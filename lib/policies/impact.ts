import 'server-only';
import { and, asc, desc, eq, isNotNull, ne, notInArray, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type DbOrTx } from '@/db/client';
import { enqueue, rowsOf } from '@/lib/jobs/queue';
import { defineJob } from '@/lib/jobs/registry';
import { policies, policyImpactRows, policyImpactSnapshots, policyVersions, talentProfiles } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/http/errors';
import { policyVersionSchema, STATUSES, validateCatalogue, validatePolicy, versionInForce, type ExclusionGroup, type Policy, type PolicyVersion, type Status } from '@/lib/policy-matching/model';
import type { ProfileColumns } from '@/lib/talent/profile-mapping';
import { isoDate } from '@/lib/talent/profile-schema';
import { policyCodeSchema } from './schemas';
import { matchingProfile } from '@/lib/talent/queries';
import { contentDigest, withoutDisplayFields } from './digest';
import { issuesToFieldErrors, publishedAround } from './editor';
import { costKindOf, draftCatalogue, evaluatePair, ImpactAccumulator, inForceOnly, sharedPairCatalogue, type ImpactSummary } from './impact-core';
import { columns, columnsFor, dependencyClosure, scope, tierHints } from './reverse';
import { compilePrefilter } from './sql-prefilter';
import { loadCatalogue, policyFromRow, versionFromRow, type Catalogue } from './store';
import { todayIso } from './service';

/**
 * 政策沙盘 / impact preview (issue 13 §1): before a draft is published, every talent of the staff member's zone is
 * evaluated under the version in force and under the draft in one pass — one read of the profile projection, both
 * versions evaluated per profile — and the counts by status, the transitions, who becomes eligible or loses it and
 * the estimated cost are compared. Nothing is saved but one audit row (names of the zone's talents are read, as in
 * policy → people).
 *
 * The SQL prefilter of each side (lib/policies/sql-prefilter.ts, 'relaxed' mode) keeps every row that could be
 * ELIGIBLE, NEAR_MISS, NEEDS_INFO, NEEDS_REVIEW, EXCLUDED or ALREADY_RECEIVING there; a row neither keeps is
 * INELIGIBLE on both sides (NOT_IN_FORCE on the left when nothing is in force), so only the union is loaded and
 * evaluated — unless a sample shows it keeps nearly everyone, when filtering costs PostgreSQL more than it saves.
 * Both sides share one evaluator when nothing else depends on the policy, and tier hints skip unreachable tiers
 * (ADR 020). `usePrefilter: false` evaluates everyone plainly (the agreement tests and the benchmark's check).
 */

export const impactInput = z.strictObject({
  version: policyVersionSchema.optional().describe('A draft version document (not saved). Give this or versionNo'),
  versionNo: z
    .string()
    .regex(/^\d+\.\d+\.\d+$/)
    .optional()
    .describe('A version already saved (usually the draft). Give this or version'),
  evalDate: isoDate.optional().describe('Evaluation date (default today in Jingdezhen); the draft is treated as in force on it'),
  sampleSize: z.number().int().min(0).max(50).default(20).describe('How many talents to list per direction (becomes eligible / loses eligibility)'),
});
export type ImpactInput = z.infer<typeof impactInput>;

const statusCounts = z.object(Object.fromEntries(STATUSES.map((s) => [s, z.number().int()])) as Record<Status, z.ZodNumber>);
const sideCost = z.object({
  kind: z.enum(['money', 'finance', 'non_cash']).describe('money: cash estimate; finance: a loan or interest ceiling (not money paid); non_cash: no cash amount'),
  eligible: z.number().int(),
  withAmount: z.number().int(),
  unknownAmount: z.number().int().describe('ELIGIBLE talents whose amount cannot be estimated'),
  total: z.number(),
});
const sample = z.object({ talentId: z.string(), name: z.string().nullable(), from: z.enum(STATUSES), to: z.enum(STATUSES), amountBefore: z.number().nullable(), amountAfter: z.number().nullable() });

export const impactResponse = z.object({
  policyCode: z.string(),
  evalDate: z.string(),
  zone: z.string().nullable(),
  inForceVersion: z.string().nullable().describe('null: nothing in force (a new policy) — every talent counts as new'),
  draftVersion: z.string(),
  isNew: z.boolean(),
  total: z.number().int(),
  before: statusCounts,
  after: statusCounts,
  delta: statusCounts,
  transitions: z.array(z.object({ from: z.enum(STATUSES), to: z.enum(STATUSES), count: z.number().int() })),
  gained: z.number().int(),
  lost: z.number().int(),
  changed: z.number().int(),
  samples: z.object({ gained: z.array(sample), lost: z.array(sample) }),
  cost: z.object({ before: sideCost, after: sideCost, delta: z.number() }),
  stats: z.object({
    scanned: z.number().int(),
    evaluated: z.number().int(),
    ms: z.number(),
    queryMs: z.number().describe('time spent reading the projection'),
    evalMs: z.number().describe('time spent evaluating both versions'),
    prefilter: z.boolean(),
    filtered: z.boolean().describe('whether the SQL prefilter narrowed the read (skipped when a sample shows it keeps 85 % of talents or more)'),
    fromSnapshot: z.number().int().describe('talents counted from the precomputed snapshot of this draft (the rest were evaluated live)'),
  }),
});
export type ImpactResponse = z.infer<typeof impactResponse>;

export interface ImpactComputeArgs {
  catalogue: readonly Policy[];
  groups: readonly ExclusionGroup[];
  code: string;
  draft: PolicyVersion;
  /** Metadata of the policy (category decides how the cost is reported); required for a code not in the catalogue. */
  meta?: Omit<Policy, 'versions'>;
  evalDate: string;
  /** The zone in scope; null = every zone. */
  zoneCode: string | null;
  sampleSize: number;
  usePrefilter?: boolean;
  jdzDistricts?: readonly string[];
  batchSize?: number;
  /**
   * A complete snapshot that answers this question (findImpactSnapshot): its rows count in the database, and only the
   * talents in scope it does not cover (no row, or a row of an older matching_rev) are evaluated live.
   */
  snapshotId?: string;
}

export interface ImpactComputed extends ImpactSummary {
  inForceVersion: string | null;
  stats: ImpactStats;
}

export interface ImpactStats {
  scanned: number;
  evaluated: number;
  ms: number;
  queryMs: number;
  evalMs: number;
  prefilter: boolean;
  filtered: boolean;
  /** Talents counted from a snapshot (0 without one). */
  fromSnapshot: number;
}

const DEFAULT_BATCH = 10_000;
/** Above this share of talents kept, the union prefilter is skipped (measured: from ~90 % it costs more than it saves). */
const PREFILTER_MAX_SHARE = 0.85;
/** About how many profiles the keep-share sample reads. */
const SAMPLE_ROWS = 2_000;

/**
 * The share of in-scope talents `prefilter` keeps, on a sample of about `sampleRows` profiles (whole pages,
 * TABLESAMPLE SYSTEM with a fixed seed; every row of a small table). 0 when nobody is in scope.
 */
export async function keptShare(db: DbOrTx, inScope: SQL, prefilter: SQL, sampleRows = SAMPLE_ROWS): Promise<number> {
  const [stat] = rowsOf<{ tuples: number }>(await db.execute(sql`select reltuples::float8 as tuples from pg_class where oid = 'talent_profiles'::regclass`));
  const tuples = Number(stat?.tuples ?? -1);
  const percent = tuples > sampleRows ? Math.max(0.1, Math.round((sampleRows / tuples) * 1000) / 10) : 100;
  const sample = percent >= 100 ? sql`${talentProfiles}` : sql`${talentProfiles} tablesample system (${percent}::real) repeatable (0)`;
  const [r] = rowsOf<{ n: number; kept: number }>(await db.execute(sql`select count(*)::int as n, (count(*) filter (where ${prefilter}))::int as kept from ${sample} where ${inScope}`));
  const n = Number(r?.n ?? 0);
  return n === 0 ? 0 : Number(r!.kept) / n;
}

/** The two sides of one comparison, worked out once per question (no database). */
function planImpact(args: ImpactComputeArgs, usePrefilter: boolean) {
  const current = args.catalogue.find((p) => p.code === args.code) ?? null;
  const inForceVersion = current ? versionInForce(current, args.evalDate) : null;
  const meta = current ?? args.meta;
  const drafted = draftCatalogue(args.catalogue, args.code, args.draft, args.evalDate, args.meta);
  const subAfter = dependencyClosure(args.code, drafted, args.groups);
  const subBefore = inForceVersion ? dependencyClosure(args.code, args.catalogue, args.groups) : null;
  const inForce = subBefore && inForceOnly(subBefore, args.evalDate);
  const draft = inForceOnly(subAfter, args.evalDate);
  const options = args.jdzDistricts ? { jdzDistricts: args.jdzDistricts } : {};
  // When nothing else depends on the policy, the policies it depends on are evaluated once for both sides.
  const shared = usePrefilter ? sharedPairCatalogue(args.code, inForce, draft, args.groups) : null;
  const ctx = { code: args.code, evalDate: args.evalDate, groups: args.groups, inForce, draft, shared, options };
  // Tier policies other than this one that do not depend on it (the same on both sides): an SQL hint each tells the
  // evaluator which of them a row cannot reach, so the derived tier skips them (as in policy → people).
  const hintCodes = usePrefilter ? tierCodesIndependentOf(args.code, [...(subBefore ?? []), ...subAfter], args.catalogue, drafted, args.groups) : [];
  const hints = tierHints(hintCodes, args.catalogue, { evalDate: args.evalDate, jdzDistricts: args.jdzDistricts });
  const selected = usePrefilter ? { ...columnsFor([...(subBefore ?? []), ...subAfter], args.groups), ...hints.cols } : columns;
  return { inForceVersion, meta, drafted, subBefore, ctx, options, hints, selected };
}

type Row = Record<string, unknown> & { userId?: string; artistName?: string | null; legalName?: string | null; matchingRev?: number };
interface PairRow {
  row: Row;
  before: { status: Status; amountEstimate: number | null };
  after: { status: Status; amountEstimate: number | null };
}
interface ScanState {
  evaluated: number;
  queryMs: number;
  evalMs: number;
  /** Whether the union prefilter narrowed the read. */
  filtered: boolean;
}

/**
 * Talents in scope (and `extra`), read in keyset batches and evaluated under both versions, batch by batch. With the
 * prefilter (usePrefilter and not readAll), only the union of both sides' relaxed prefilters is read, unless a sample
 * shows it keeps nearly everyone; the talents it drops are INELIGIBLE on both sides (the caller counts them).
 */
async function* scanPairs(db: DbOrTx, args: ImpactComputeArgs, plan: ReturnType<typeof planImpact>, state: ScanState, opts: { usePrefilter: boolean; readAll?: boolean; extra?: SQL }): AsyncGenerator<PairRow[]> {
  const inScope = (cursor: string | null) => (opts.extra ? and(scope(args.zoneCode, cursor), opts.extra)! : scope(args.zoneCode, cursor));
  let prefilter: SQL | null = null;
  if (opts.usePrefilter && !opts.readAll) {
    const popts = { evalDate: args.evalDate, mode: 'relaxed' as const, jdzDistricts: args.jdzDistricts };
    const after = compilePrefilter(args.code, plan.drafted, args.groups, popts);
    prefilter = plan.subBefore ? or(compilePrefilter(args.code, args.catalogue, args.groups, popts), after)! : after;
    // A prefilter that keeps nearly everyone only costs PostgreSQL time: read the projection plainly then.
    if ((await keptShare(db, inScope(null), prefilter)) >= PREFILTER_MAX_SHARE) prefilter = null;
  }
  state.filtered = prefilter !== null;
  const selected = opts.readAll ? { ...plan.selected, matchingRev: talentProfiles.matchingRev } : plan.selected;
  const batch = args.batchSize ?? DEFAULT_BATCH;
  const fetch = async (cursor: string | null): Promise<Row[]> => {
    const where: SQL = prefilter ? and(inScope(cursor), prefilter)! : inScope(cursor);
    const q0 = performance.now();
    const rows = (await db.select(selected).from(talentProfiles).where(where).orderBy(asc(talentProfiles.userId)).limit(batch)) as Row[];
    state.queryMs += performance.now() - q0;
    return rows;
  };
  // Keyset batches, pipelined: the next batch is read (on PostgreSQL by the server, in parallel) while this one is
  // evaluated, so memory stays at two batches and the database's time mostly hides behind the evaluation.
  let pending: Promise<Row[]> | null = fetch(null);
  while (pending) {
    const rows: Row[] = await pending;
    pending = rows.length === batch ? fetch(rows[rows.length - 1]!.userId!) : null;
    // Awaited on the next turn; a failure while this batch is evaluated must not surface as an unhandled rejection.
    pending?.catch(() => undefined);
    const e0 = performance.now();
    const out: PairRow[] = [];
    for (const r of rows) {
      const knownNotMet = plan.hints.knownNotMet(r);
      const ctx = knownNotMet ? { ...plan.ctx, options: { ...plan.options, knownNotMet } } : plan.ctx;
      out.push({ row: r, ...evaluatePair(matchingProfile(r as unknown as ProfileColumns, args.evalDate), ctx) });
    }
    state.evaluated += rows.length;
    state.evalMs += performance.now() - e0;
    yield out;
  }
}

/** The comparison itself (no authorization): the service below and the benchmark call it. */
export async function computeImpact(db: DbOrTx, args: ImpactComputeArgs): Promise<ImpactComputed> {
  const t0 = performance.now();
  const usePrefilter = args.usePrefilter ?? true;
  const plan = planImpact(args, usePrefilter);
  const acc = new ImpactAccumulator({
    sampleSize: args.sampleSize,
    costKindBefore: costKindOf(plan.meta?.category, plan.inForceVersion?.benefit),
    costKindAfter: costKindOf(plan.meta?.category, args.draft.benefit),
  });
  const state: ScanState = { evaluated: 0, queryMs: 0, evalMs: 0, filtered: false };
  let fromSnapshot = 0;
  let extra: SQL | undefined;
  const countInScope = (where: SQL) => db.select({ n: sql<number>`count(*)::int` }).from(talentProfiles).where(where).then((r) => Number(r[0]?.n ?? 0));
  let uncovered: number | null = null;
  if (args.snapshotId) {
    // Counted from the snapshot, with how many talents in scope it does not cover.
    const q0 = performance.now();
    extra = notCoveredBy(args.snapshotId);
    ({ counted: fromSnapshot, uncovered } = await addSnapshot(db, acc, args.snapshotId, args.zoneCode, args.sampleSize));
    state.queryMs += performance.now() - q0;
  }
  let scanned = 0;
  if (uncovered !== 0) {
    // The in-scope count runs alongside the scan (a second connection on PostgreSQL).
    const scannedPromise = uncovered === null && usePrefilter ? countInScope(scope(args.zoneCode)) : null;
    for await (const pairs of scanPairs(db, args, plan, state, { usePrefilter, extra })) {
      for (const { row, before, after } of pairs) acc.add({ id: row.userId!, name: row.artistName ?? row.legalName ?? null }, before, after);
    }
    scanned = uncovered ?? (scannedPromise ? await scannedPromise : state.evaluated);
  }
  // Rows neither prefilter kept: INELIGIBLE on both sides (nothing in force: NOT_IN_FORCE before).
  acc.addBulk(plan.subBefore ? 'INELIGIBLE' : 'NOT_IN_FORCE', 'INELIGIBLE', scanned - state.evaluated);
  const summary = acc.result();
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    ...summary,
    inForceVersion: plan.inForceVersion?.version ?? null,
    stats: { scanned: scanned + fromSnapshot, evaluated: state.evaluated, ms: round(performance.now() - t0), queryMs: round(state.queryMs), evalMs: Math.round(state.evalMs), prefilter: usePrefilter, filtered: state.filtered, fromSnapshot },
  };
}

// ——— Snapshots (ADR 021) ———

/**
 * What a snapshot must have been computed from for the draft side to be the same: the version document (without its
 * status) and the policy's fields that evaluation reads (a new policy's category, tier, groups…).
 */
export function draftKeyOf(code: string, meta: Omit<Policy, 'versions'> | undefined, draft: PolicyVersion): string {
  const { status: _s, ...doc } = draft;
  const { versions: _v, ...fields } = (meta ?? {}) as Partial<Policy>;
  return contentDigest('d', { code, meta: meta ? withoutDisplayFields(fields) : null, draft: doc });
}

export interface SnapshotKey {
  code: string;
  draftKey: string;
  factsKey: string;
  evalDate: string;
}

/** The complete snapshot for this question, if one has been computed. */
export async function findImpactSnapshot(db: DbOrTx, key: SnapshotKey): Promise<string | null> {
  const [r] = await db
    .select({ id: policyImpactSnapshots.id })
    .from(policyImpactSnapshots)
    .where(
      and(
        eq(policyImpactSnapshots.policyCode, key.code),
        eq(policyImpactSnapshots.draftKey, key.draftKey),
        eq(policyImpactSnapshots.factsKey, key.factsKey),
        eq(policyImpactSnapshots.evalDate, key.evalDate),
        isNotNull(policyImpactSnapshots.talents),
      ),
    )
    .limit(1);
  return r?.id ?? null;
}

const rowCovers = (snapshotId: string) =>
  sql`${policyImpactRows.snapshotId} = ${snapshotId} and ${policyImpactRows.userId} = ${talentProfiles.userId} and ${policyImpactRows.inputsRev} = ${talentProfiles.matchingRev}`;

/** SQL over talent_profiles: the snapshot has no row of this talent's current inputs (they are evaluated live). */
function notCoveredBy(snapshotId: string): SQL {
  return sql`not exists (select 1 from ${policyImpactRows} where ${rowCovers(snapshotId)})`;
}

/**
 * The talents in scope that the snapshot covers, counted by (before, after) in the database with their amount sums,
 * and the first samples each way. One outer join: its row without a snapshot side counts the talents it does not
 * cover (they are evaluated live).
 */
async function addSnapshot(db: DbOrTx, acc: ImpactAccumulator, snapshotId: string, zoneCode: string | null, sampleSize: number): Promise<{ counted: number; uncovered: number }> {
  const r = policyImpactRows;
  const cells = db.execute(sql`
    select ${r.before} as "before", ${r.after} as "after", count(*)::int as n,
      count(${r.amountBefore})::int as "nb", coalesce(sum(${r.amountBefore}), 0)::float8 as "sb",
      count(${r.amountAfter})::int as "na", coalesce(sum(${r.amountAfter}), 0)::float8 as "sa"
    from ${talentProfiles} left join ${r} on ${rowCovers(snapshotId)} where ${scope(zoneCode)} group by 1, 2`);
  const samples = (direction: 'gained' | 'lost') =>
    sampleSize === 0
      ? Promise.resolve([])
      : db
          .select({ talentId: talentProfiles.userId, artistName: talentProfiles.artistName, legalName: talentProfiles.legalName, from: r.before, to: r.after, amountBefore: r.amountBefore, amountAfter: r.amountAfter })
          .from(talentProfiles)
          .innerJoin(r, rowCovers(snapshotId))
          .where(and(scope(zoneCode), direction === 'gained' ? sql`${r.before} <> 'ELIGIBLE' and ${r.after} = 'ELIGIBLE'` : sql`${r.before} = 'ELIGIBLE' and ${r.after} <> 'ELIGIBLE'`))
          .orderBy(asc(talentProfiles.userId))
          .limit(sampleSize);
  const [cellRows, gained, lost] = await Promise.all([cells, samples('gained'), samples('lost')]);
  let counted = 0;
  let uncovered = 0;
  for (const c of rowsOf<{ before: Status | null; after: Status | null; n: number; nb: number; sb: number; na: number; sa: number }>(cellRows)) {
    const n = Number(c.n);
    if (c.before === null || c.after === null) {
      uncovered += n;
      continue;
    }
    counted += n;
    acc.addAggregate(c.before, c.after, n, { before: { n: Number(c.nb), sum: Number(c.sb) }, after: { n: Number(c.na), sum: Number(c.sa) } });
  }
  for (const x of [...gained, ...lost]) {
    acc.addSample({ talentId: x.talentId, name: x.artistName ?? x.legalName ?? null, from: x.from as Status, to: x.to as Status, amountBefore: x.amountBefore, amountAfter: x.amountAfter });
  }
  return { counted, uncovered };
}

export interface SnapshotArgs extends Omit<ImpactComputeArgs, 'zoneCode' | 'sampleSize' | 'snapshotId' | 'usePrefilter' | 'meta'> {
  /** The policy's row (policyFromRow), as the preview reads it: part of the draft key. */
  meta: Omit<Policy, 'versions'>;
  factsKey: string;
  /** The saved version's number (informative). */
  version: string;
  /** Rows inserted per statement (default 2,000). */
  insertBatch?: number;
  signal?: AbortSignal;
}

/**
 * Computes and stores the snapshot of one saved draft for every talent with profile consent, in one transaction: a
 * concurrent job for the same question waits on the unique key and then finds it done. Older snapshots of the policy
 * go. Returns the snapshot id and how many talents it holds (null id: it existed already).
 */
export async function computeImpactSnapshot(db: DbOrTx, args: SnapshotArgs): Promise<{ id: string | null; talents: number; ms: number }> {
  const t0 = performance.now();
  const key: SnapshotKey = { code: args.code, draftKey: draftKeyOf(args.code, args.meta, args.draft), factsKey: args.factsKey, evalDate: args.evalDate };
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(policyImpactSnapshots)
      .values({ policyCode: key.code, version: args.version, draftKey: key.draftKey, factsKey: key.factsKey, evalDate: key.evalDate })
      .onConflictDoNothing()
      .returning({ id: policyImpactSnapshots.id });
    if (!created) return { id: null, talents: 0, ms: Math.round(performance.now() - t0) };
    const full: ImpactComputeArgs = { ...args, zoneCode: null, sampleSize: 0 };
    const plan = planImpact(full, true);
    const state: ScanState = { evaluated: 0, queryMs: 0, evalMs: 0, filtered: false };
    const size = args.insertBatch ?? 2_000;
    for await (const pairs of scanPairs(tx, full, plan, state, { usePrefilter: true, readAll: true })) {
      args.signal?.throwIfAborted();
      for (let i = 0; i < pairs.length; i += size) {
        await tx.insert(policyImpactRows).values(
          pairs.slice(i, i + size).map(({ row, before, after }) => ({
            snapshotId: created.id,
            userId: row.userId!,
            inputsRev: Number(row.matchingRev),
            before: before.status,
            after: after.status,
            amountBefore: before.amountEstimate,
            amountAfter: after.amountEstimate,
          })),
        );
      }
    }
    await tx.update(policyImpactSnapshots).set({ talents: state.evaluated }).where(eq(policyImpactSnapshots.id, created.id));
    // Older snapshots of this version, and any of the policy that no longer answer today's catalogue and date, go.
    await tx
      .delete(policyImpactSnapshots)
      .where(
        and(
          eq(policyImpactSnapshots.policyCode, key.code),
          ne(policyImpactSnapshots.id, created.id),
          or(eq(policyImpactSnapshots.version, args.version), ne(policyImpactSnapshots.factsKey, key.factsKey), ne(policyImpactSnapshots.evalDate, key.evalDate)),
        ),
      );
    return { id: created.id, talents: state.evaluated, ms: Math.round(performance.now() - t0) };
  });
}

/** Tier policies of either side, other than `code`, whose status depends on `code` on neither side. */
function tierCodesIndependentOf(code: string, sub: readonly Policy[], catalogue: readonly Policy[], drafted: readonly Policy[], groups: readonly ExclusionGroup[]): string[] {
  const codes = [...new Set(sub.filter((p) => p.tier && p.code !== code).map((p) => p.code))];
  const dependsOnCode = (c: string, cat: readonly Policy[]) => dependencyClosure(c, cat, groups).some((p) => p.code === code);
  return codes.filter((c) => !dependsOnCode(c, catalogue) && !dependsOnCode(c, drafted));
}

/** What is wrong with the policy carrying the draft, on its own and within the catalogue (only issues about it). */
function draftIssues(catalogue: Catalogue, code: string, policy: Policy) {
  const own = validatePolicy(policy);
  return own.length ? own : validateCatalogue([...catalogue.policies.filter((p) => p.code !== code), policy], catalogue.groups).filter((i) => i.path.includes(code) || i.message.includes(code));
}

/** The draft document: given in the request, or a saved version of the policy (usually its draft). */
async function resolveDraft(db: DbOrTx, code: string, input: Pick<ImpactInput, 'version' | 'versionNo'>) {
  if ((input.version === undefined) === (input.versionNo === undefined)) throw new AppError('VALIDATION_FAILED', { fieldErrors: { version: ['validation.impactVersionOrNumber'] } });
  const [row] = await db.select().from(policies).where(eq(policies.code, code)).limit(1);
  if (!row) throw new AppError('NOT_FOUND');
  const versionRows = await db.select().from(policyVersions).where(eq(policyVersions.policyCode, code));
  let draft: PolicyVersion;
  let draftStatus: string | null = null;
  if (input.versionNo !== undefined) {
    const found = versionRows.find((v) => v.version === input.versionNo);
    if (!found) throw new AppError('NOT_FOUND');
    draft = versionFromRow(found);
    draftStatus = found.status;
  } else draft = input.version as PolicyVersion;
  const { status: _s, ...doc } = draft;
  const policy = { ...policyFromRow(row), versions: [...publishedAround(versionRows, doc).versions, doc] } as Policy;
  return { meta: policyFromRow(row) as Omit<Policy, 'versions'>, draft: doc as PolicyVersion, policy, draftStatus };
}

/** POST /api/v1/policies/{code}/impact — the zone's counts under the draft versus the version in force. */
export async function impactPreview(actor: Actor | null, code: string, input: ImpactInput, meta: { ip: string }): Promise<ImpactResponse> {
  const me = await authorize(actor, 'policies.manage', undefined, { ip: meta.ip });
  // Reading the zone's talents is the policy → people permission, scoped to the actor's zone (never the request's).
  await authorize(me, 'policies.match', { zoneCode: me.zoneCode }, { ip: meta.ip });
  const db = await getDb();
  const { meta: policyMeta, draft, policy, draftStatus } = await resolveDraft(db, code, input);
  const catalogue = await loadCatalogue(db);
  const issues = draftIssues(catalogue, code, policy);
  if (issues.length) throw new AppError('VALIDATION_FAILED', { fieldErrors: issuesToFieldErrors(issues, 'version') });
  const evalDate = input.evalDate ?? todayIso();
  const zone = me.zoneCode ?? '__none__';
  // A snapshot of this very draft (saved or not) against today's catalogue counts in the database (ADR 021); without
  // one, a saved draft gets one computed in the background for next time, and this answer is evaluated live.
  const key: SnapshotKey = { code, draftKey: draftKeyOf(code, policyMeta, draft), factsKey: catalogue.factsKey, evalDate };
  const snapshotId = await findImpactSnapshot(db, key);
  if (!snapshotId && input.versionNo !== undefined && draftStatus === 'draft' && evalDate === todayIso()) await requestImpactSnapshot(db, { code, version: input.versionNo }, key);
  const r = await computeImpact(db, { catalogue: catalogue.policies, groups: catalogue.groups, code, draft, meta: policyMeta, evalDate, zoneCode: zone, sampleSize: input.sampleSize, ...(snapshotId ? { snapshotId } : {}) });
  await audit({
    action: 'policy.impact',
    result: 'ok',
    actorId: me.id,
    actorRole: me.role,
    targetType: 'policy',
    targetId: code,
    ip: meta.ip,
    detail: { zone: me.zoneCode, draft: draft.version, inForce: r.inForceVersion, evalDate, gained: r.gained, lost: r.lost, listed: r.samples.gained.length + r.samples.lost.length },
  });
  const { stats, inForceVersion, ...summary } = r;
  return { policyCode: code, evalDate, zone: me.zoneCode, inForceVersion, draftVersion: draft.version, isNew: inForceVersion === null, ...summary, stats };
}

/**
 * Snapshots of saved drafts for today against the catalogue in force: of one version, of one policy's drafts, or of
 * every draft (after a publish and every night). A draft that does not validate against today's catalogue is skipped
 * (the preview would refuse it too); snapshots of versions that are no longer drafts go.
 */
export async function refreshImpactSnapshots(db: DbOrTx, opts: { code?: string; version?: string; evalDate?: string; signal?: AbortSignal } = {}) {
  const catalogue = await loadCatalogue(db);
  const evalDate = opts.evalDate ?? todayIso();
  const drafts = await db
    .select()
    .from(policyVersions)
    .where(and(eq(policyVersions.status, 'draft'), opts.code ? eq(policyVersions.policyCode, opts.code) : undefined, opts.version ? eq(policyVersions.version, opts.version) : undefined))
    .orderBy(asc(policyVersions.policyCode), desc(policyVersions.updatedAt));
  const computed: { code: string; version: string; talents: number; ms: number }[] = [];
  const skipped: { code: string; version: string }[] = [];
  for (const v of drafts) {
    opts.signal?.throwIfAborted();
    const { meta, draft, policy } = await resolveDraft(db, v.policyCode, { versionNo: v.version });
    if (draftIssues(catalogue, v.policyCode, policy).length) {
      skipped.push({ code: v.policyCode, version: v.version });
      continue;
    }
    const r = await computeImpactSnapshot(db, { catalogue: catalogue.policies, groups: catalogue.groups, code: v.policyCode, draft, meta, evalDate, factsKey: catalogue.factsKey, version: v.version, signal: opts.signal });
    if (r.id) computed.push({ code: v.policyCode, version: v.version, talents: r.talents, ms: r.ms });
  }
  if (!opts.code) {
    const stillDrafts = db.select({ code: policyVersions.policyCode }).from(policyVersions).where(eq(policyVersions.status, 'draft'));
    await db.delete(policyImpactSnapshots).where(notInArray(policyImpactSnapshots.policyCode, stillDrafts));
  }
  return { computed, skipped };
}

/** The snapshot job (ADR 021): `{}` every draft, `{ code }` one policy's, `{ code, version }` one draft. */
export const impactSnapshotJob = defineJob({
  type: 'policies.impact_snapshot',
  payload: z.strictObject({ code: policyCodeSchema.optional(), version: z.string().regex(/^\d+\.\d+\.\d+$/).optional() }),
  maxAttempts: 3,
  handler: (p, { db, signal }) => refreshImpactSnapshots(db, { ...p, signal }),
});

/** Once per question: the job that computes the snapshot `key` would find (idempotency key = the question). */
export async function requestImpactSnapshot(db: DbOrTx, target: { code: string; version?: string }, key: SnapshotKey): Promise<void> {
  await enqueue(db, impactSnapshotJob, target, { idempotencyKey: `impact:${key.code}:${key.draftKey}:${key.factsKey}:${key.evalDate}` });
}
