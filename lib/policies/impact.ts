import 'server-only';
import { and, asc, eq, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import { getDb, type DbOrTx } from '@/db/client';
import { rowsOf } from '@/lib/jobs/queue';
import { policies, policyVersions, talentProfiles } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/http/errors';
import { policyVersionSchema, STATUSES, validateCatalogue, validatePolicy, versionInForce, type ExclusionGroup, type Policy, type PolicyVersion, type Status } from '@/lib/policy-matching/model';
import type { ProfileColumns } from '@/lib/talent/profile-mapping';
import { isoDate } from '@/lib/talent/profile-schema';
import { matchingProfile } from '@/lib/talent/queries';
import { issuesToFieldErrors, publishedAround } from './editor';
import { costKindOf, draftCatalogue, evaluatePair, ImpactAccumulator, inForceOnly, sharedPairCatalogue, type ImpactSummary } from './impact-core';
import { columns, columnsFor, dependencyClosure, scope, tierHints } from './reverse';
import { compilePrefilter } from './sql-prefilter';
import { loadCatalogue, policyFromRow, versionFromRow } from './store';
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
}

export interface ImpactComputed extends ImpactSummary {
  inForceVersion: string | null;
  stats: { scanned: number; evaluated: number; ms: number; queryMs: number; evalMs: number; prefilter: boolean; filtered: boolean };
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

/** The comparison itself (no authorization): the service below and the benchmark call it. */
export async function computeImpact(db: DbOrTx, args: ImpactComputeArgs): Promise<ImpactComputed> {
  const t0 = performance.now();
  const usePrefilter = args.usePrefilter ?? true;
  const current = args.catalogue.find((p) => p.code === args.code) ?? null;
  const inForceVersion = current ? versionInForce(current, args.evalDate) : null;
  const meta = current ?? args.meta;
  const drafted = draftCatalogue(args.catalogue, args.code, args.draft, args.evalDate, args.meta);
  const subAfter = dependencyClosure(args.code, drafted, args.groups);
  const subBefore = inForceVersion ? dependencyClosure(args.code, args.catalogue, args.groups) : null;
  const acc = new ImpactAccumulator({
    sampleSize: args.sampleSize,
    costKindBefore: costKindOf(meta?.category, inForceVersion?.benefit),
    costKindAfter: costKindOf(meta?.category, args.draft.benefit),
  });
  const inForce = subBefore && inForceOnly(subBefore, args.evalDate);
  const draft = inForceOnly(subAfter, args.evalDate);
  const options = args.jdzDistricts ? { jdzDistricts: args.jdzDistricts } : {};
  // When nothing else depends on the policy, the policies it depends on are evaluated once for both sides.
  const shared = usePrefilter ? sharedPairCatalogue(args.code, inForce, draft, args.groups) : null;
  const ctx = { code: args.code, evalDate: args.evalDate, groups: args.groups, inForce, draft, shared, options };

  let prefilter: SQL | null = null;
  if (usePrefilter) {
    const opts = { evalDate: args.evalDate, mode: 'relaxed' as const, jdzDistricts: args.jdzDistricts };
    const after = compilePrefilter(args.code, drafted, args.groups, opts);
    prefilter = subBefore ? or(compilePrefilter(args.code, args.catalogue, args.groups, opts), after)! : after;
    // A prefilter that keeps nearly everyone only costs PostgreSQL time: read the projection plainly then.
    if ((await keptShare(db, scope(args.zoneCode), prefilter)) >= PREFILTER_MAX_SHARE) prefilter = null;
  }
  // Tier policies other than this one that do not depend on it (the same on both sides): an SQL hint each tells the
  // evaluator which of them a row cannot reach, so the derived tier skips them (as in policy → people).
  const hintCodes = usePrefilter ? tierCodesIndependentOf(args.code, [...(subBefore ?? []), ...subAfter], args.catalogue, drafted, args.groups) : [];
  const hints = tierHints(hintCodes, args.catalogue, { evalDate: args.evalDate, jdzDistricts: args.jdzDistricts });
  const selected = usePrefilter ? { ...columnsFor([...(subBefore ?? []), ...subAfter], args.groups), ...hints.cols } : columns;
  const batch = args.batchSize ?? DEFAULT_BATCH;
  // The in-scope count runs alongside the scan (a second connection on PostgreSQL).
  const scannedPromise = prefilter ? db.select({ n: sql<number>`count(*)::int` }).from(talentProfiles).where(scope(args.zoneCode)) : null;
  let evaluated = 0;
  let queryMs = 0;
  let evalMs = 0;
  type Row = Record<string, unknown> & { userId?: string; artistName?: string | null; legalName?: string | null };
  const fetch = async (cursor: string | null): Promise<Row[]> => {
    const where: SQL = prefilter ? and(scope(args.zoneCode, cursor), prefilter)! : scope(args.zoneCode, cursor);
    const q0 = performance.now();
    const rows = (await db.select(selected).from(talentProfiles).where(where).orderBy(asc(talentProfiles.userId)).limit(batch)) as Row[];
    queryMs += performance.now() - q0;
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
    for (const r of rows) {
      evaluated++;
      const knownNotMet = hints.knownNotMet(r);
      const { before, after: next } = evaluatePair(matchingProfile(r as unknown as ProfileColumns, args.evalDate), knownNotMet ? { ...ctx, options: { ...options, knownNotMet } } : ctx);
      acc.add({ id: r.userId!, name: r.artistName ?? r.legalName ?? null }, before, next);
    }
    evalMs += performance.now() - e0;
  }
  const scanned = scannedPromise ? Number((await scannedPromise)[0]?.n ?? 0) : evaluated;
  // Rows neither prefilter kept: INELIGIBLE on both sides (nothing in force: NOT_IN_FORCE before).
  acc.addBulk(subBefore ? 'INELIGIBLE' : 'NOT_IN_FORCE', 'INELIGIBLE', scanned - evaluated);
  const summary = acc.result();
  return { ...summary, inForceVersion: inForceVersion?.version ?? null, stats: { scanned, evaluated, ms: Math.round((performance.now() - t0) * 10) / 10, queryMs: Math.round(queryMs * 10) / 10, evalMs: Math.round(evalMs), prefilter: usePrefilter, filtered: prefilter !== null } };
}

/** Tier policies of either side, other than `code`, whose status depends on `code` on neither side. */
function tierCodesIndependentOf(code: string, sub: readonly Policy[], catalogue: readonly Policy[], drafted: readonly Policy[], groups: readonly ExclusionGroup[]): string[] {
  const codes = [...new Set(sub.filter((p) => p.tier && p.code !== code).map((p) => p.code))];
  const dependsOnCode = (c: string, cat: readonly Policy[]) => dependencyClosure(c, cat, groups).some((p) => p.code === code);
  return codes.filter((c) => !dependsOnCode(c, catalogue) && !dependsOnCode(c, drafted));
}

/** The draft document: given in the request, or a saved version of the policy (usually its draft). */
async function resolveDraft(db: DbOrTx, code: string, input: ImpactInput) {
  if ((input.version === undefined) === (input.versionNo === undefined)) throw new AppError('VALIDATION_FAILED', { fieldErrors: { version: ['validation.impactVersionOrNumber'] } });
  const [row] = await db.select().from(policies).where(eq(policies.code, code)).limit(1);
  if (!row) throw new AppError('NOT_FOUND');
  const versionRows = await db.select().from(policyVersions).where(eq(policyVersions.policyCode, code));
  let draft: PolicyVersion;
  if (input.versionNo !== undefined) {
    const found = versionRows.find((v) => v.version === input.versionNo);
    if (!found) throw new AppError('NOT_FOUND');
    draft = versionFromRow(found);
  } else draft = input.version as PolicyVersion;
  const { status: _s, ...doc } = draft;
  const policy = { ...policyFromRow(row), versions: [...publishedAround(versionRows, doc).versions, doc] } as Policy;
  return { meta: policyFromRow(row) as Omit<Policy, 'versions'>, draft: doc as PolicyVersion, policy };
}

/** POST /api/v1/policies/{code}/impact — the zone's counts under the draft versus the version in force. */
export async function impactPreview(actor: Actor | null, code: string, input: ImpactInput, meta: { ip: string }): Promise<ImpactResponse> {
  const me = await authorize(actor, 'policies.manage', undefined, { ip: meta.ip });
  // Reading the zone's talents is the policy → people permission, scoped to the actor's zone (never the request's).
  await authorize(me, 'policies.match', { zoneCode: me.zoneCode }, { ip: meta.ip });
  const db = await getDb();
  const { meta: policyMeta, draft, policy } = await resolveDraft(db, code, input);
  const catalogue = await loadCatalogue(db);
  const own = validatePolicy(policy);
  const issues = own.length ? own : validateCatalogue([...catalogue.policies.filter((p) => p.code !== code), policy], catalogue.groups).filter((i) => i.path.includes(code) || i.message.includes(code));
  if (issues.length) throw new AppError('VALIDATION_FAILED', { fieldErrors: issuesToFieldErrors(issues, 'version') });
  const evalDate = input.evalDate ?? todayIso();
  const zone = me.zoneCode ?? '__none__';
  const r = await computeImpact(db, { catalogue: catalogue.policies, groups: catalogue.groups, code, draft, meta: policyMeta, evalDate, zoneCode: zone, sampleSize: input.sampleSize });
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
