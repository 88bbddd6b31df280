import { asc, eq, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { preparedOnce } from '@/db/prepared';
import { now } from '@/lib/clock';
import { catalogueRevision, exclusionGroups, policies, policyVersions } from '@/db/schema';
import type { ExclusionGroup, Policy, PolicyVersion } from '@/lib/policy-matching/model';
import { contentDigest, withoutDisplayFields } from './digest';

/**
 * Policies in the database ⇄ the pure model of lib/policy-matching. The catalogue the evaluator runs on holds every
 * policy with its active versions (drafts and retired versions are never evaluated); it is cached per process and
 * revalidated by one cheap query (the catalogue revision, bumped in the same transaction as every change), so a
 * publish on another server instance is seen at the next request.
 */

export type PolicyRow = typeof policies.$inferSelect;
export type VersionRow = typeof policyVersions.$inferSelect;

export interface Catalogue {
  policies: Policy[];
  groups: ExclusionGroup[];
  /** Changes whenever a policy, version or group changes (a draft saved or a title edited too). */
  revision: string;
  /**
   * Changes only when what the evaluator reads changes: a digest of the policies with their active versions and the
   * groups, without the display texts (titles, summaries, tags, sources). The key of precomputed statuses (ADR 018):
   * a draft saved or a title corrected leaves them answering.
   */
  factsKey: string;
}

/** The evaluation key of a catalogue (Catalogue.factsKey). */
export function evaluationKey(policies: readonly Policy[], groups: readonly ExclusionGroup[]): string {
  return contentDigest('e', { policies: policies.map(withoutDisplayFields), groups });
}

type PolicyMeta = Omit<Policy, 'versions'>;

/** Policy metadata columns → the model (without versions). */
export function policyFromRow(r: PolicyRow): PolicyMeta {
  return {
    code: r.code,
    title_zh: r.titleZh,
    ...(r.titleEn ? { title_en: r.titleEn } : {}),
    ...(r.summaryZh ? { summary_zh: r.summaryZh } : {}),
    ...(r.summaryEn ? { summary_en: r.summaryEn } : {}),
    ...(r.issuer ? { issuer: r.issuer } : {}),
    ...(r.level ? { level: r.level as Policy['level'] } : {}),
    category: r.category as Policy['category'],
    provenance: r.provenance as Policy['provenance'],
    ...(r.tier ? { tier: r.tier as Policy['tier'] } : {}),
    region_scope: r.regionScope,
    tags: r.tags,
    sources: r.sources,
    ...(r.exclusionGroups.length ? { exclusion_groups: r.exclusionGroups } : {}),
  } as PolicyMeta;
}

/** The model's metadata → columns. */
export function policyToRow(p: PolicyMeta): Omit<typeof policies.$inferInsert, 'createdBy'> {
  return {
    code: p.code,
    titleZh: p.title_zh,
    titleEn: p.title_en ?? null,
    summaryZh: p.summary_zh ?? null,
    summaryEn: p.summary_en ?? null,
    issuer: p.issuer ?? null,
    level: p.level ?? null,
    category: p.category,
    provenance: p.provenance,
    tier: p.tier ?? null,
    regionScope: p.region_scope ?? [],
    tags: p.tags ?? [],
    sources: p.sources ?? [],
    exclusionGroups: p.exclusion_groups ?? [],
  };
}

/**
 * The version document with its row's lifecycle columns: status, and the effective range (a superseded version's
 * effective_to is set on its row when the successor is published; the immutable document keeps its original range).
 */
export function versionFromRow(r: VersionRow): PolicyVersion {
  const { effective_to: _to, ...doc } = r.definition as unknown as PolicyVersion;
  return { ...doc, effective_from: r.effectiveFrom, ...(r.effectiveTo ? { effective_to: r.effectiveTo } : {}), status: r.status } as PolicyVersion;
}

export function versionToRow(code: string, v: PolicyVersion): Pick<typeof policyVersions.$inferInsert, 'policyCode' | 'version' | 'effectiveFrom' | 'effectiveTo' | 'definition'> {
  const { status: _status, ...definition } = v;
  return { policyCode: code, version: v.version, effectiveFrom: v.effective_from, effectiveTo: v.effective_to ?? null, definition: definition as unknown as Record<string, unknown> };
}

/**
 * The catalogue's revision: bumped by triggers in the same transaction as every change to the three tables (migration
 * 0009), so a publish or retire on another instance is seen here at the next request, whatever either clock says.
 * Missing row (a freshly truncated test database): 0.
 */
export async function revisionOf(db: DbOrTx): Promise<string> {
  const [r] = await preparedOnce(db, 'catalogue_revision', (d) =>
    d
      .select({ n: sql<string>`coalesce((select ${catalogueRevision.revision}::text from ${catalogueRevision} where ${catalogueRevision.id} = 1), '0')` })
      .from(sql`(select 1) as one`)
  ).execute();
  return `r${r?.n ?? '0'}`;
}

const cache = ((globalThis as { __jpCatalogue?: { value: Catalogue | null } }).__jpCatalogue ??= { value: null });

/** Every policy with its active versions, and the exclusion groups, in code order. */
export async function loadCatalogue(db: DbOrTx): Promise<Catalogue> {
  const revision = await revisionOf(db);
  if (cache.value && cache.value.revision === revision) return cache.value;
  const [pRows, vRows, gRows] = await Promise.all([
    db.select().from(policies).orderBy(asc(policies.code)),
    db.select().from(policyVersions).where(eq(policyVersions.status, 'active')).orderBy(asc(policyVersions.policyCode), asc(policyVersions.effectiveFrom)),
    db.select().from(exclusionGroups).orderBy(asc(exclusionGroups.id)),
  ]);
  const byCode = new Map<string, PolicyVersion[]>();
  for (const v of vRows) byCode.set(v.policyCode, [...(byCode.get(v.policyCode) ?? []), versionFromRow(v)]);
  const catPolicies = pRows.filter((p) => byCode.has(p.code)).map((p) => ({ ...policyFromRow(p), versions: byCode.get(p.code)! }) as Policy);
  const catGroups = gRows.map(
    (g) =>
      ({
        id: g.id,
        rule: g.rule as ExclusionGroup['rule'],
        policy_codes: g.policyCodes,
        ...(g.scope ? { scope: g.scope } : {}),
        ...(g.renewsOn ? { renews_on: g.renewsOn } : {}),
        ...(g.noteZh ? { note_zh: g.noteZh } : {}),
      }) as ExclusionGroup,
  );
  const value: Catalogue = { policies: catPolicies, groups: catGroups, revision, factsKey: evaluationKey(catPolicies, catGroups) };
  cache.value = value;
  return value;
}

/** Values derived from the catalogue and keyed by its revision (the public summaries of service.ts). */
export const derivedCache = ((globalThis as { __jpCatalogueDerived?: { key: string; value: unknown } }).__jpCatalogueDerived ??= { key: '', value: null });

/** Forgets the cached catalogue (tests that swap databases). */
export function clearCatalogueCache(): void {
  cache.value = null;
  derivedCache.key = '';
  derivedCache.value = null;
}

/**
 * Seeds a catalogue (idempotent, three statements): inserts missing policies, versions (as active) and groups;
 * existing rows are left as they are (staff edits win over the shipped seed).
 */
export async function seedCatalogue(db: DbOrTx, catalogue: readonly Policy[], groups: readonly ExclusionGroup[]): Promise<{ policies: number; versions: number }> {
  if (!catalogue.length) return { policies: 0, versions: 0 };
  const p = await db
    .insert(policies)
    .values(catalogue.map(({ versions: _v, ...meta }) => policyToRow(meta)))
    .onConflictDoNothing()
    .returning({ code: policies.code });
  const versionRows = catalogue.flatMap((policy) =>
    policy.versions.map((version) => ({
      ...versionToRow(policy.code, version),
      status: version.status === 'retired' ? ('retired' as const) : ('active' as const),
      publishedAt: now(),
      changelogNote: version.changelog?.at(-1)?.note ?? null,
    })),
  );
  const v = await db.insert(policyVersions).values(versionRows).onConflictDoNothing().returning({ id: policyVersions.id });
  if (groups.length) {
    await db
      .insert(exclusionGroups)
      .values(groups.map((g) => ({ id: g.id, rule: g.rule, policyCodes: g.policy_codes, scope: g.scope ?? null, renewsOn: g.renews_on ?? null, noteZh: g.note_zh ?? null })))
      .onConflictDoNothing();
  }
  return { policies: p.length, versions: v.length };
}
