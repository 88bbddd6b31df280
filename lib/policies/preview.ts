import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { policies, policyVersions, talentProfiles, users } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { evaluateAll } from '@/lib/policy-matching/evaluate';
import { runGoldenCases, withVersion, type GoldenCaseResult } from '@/lib/policy-matching/golden';
import { policyVersionSchema, validateCatalogue, validatePolicy, type Policy, type PolicyVersion, type Status, type ValidationIssue } from '@/lib/policy-matching/model';
import type { ProfileColumns } from '@/lib/talent/profile-mapping';
import { consentInForce, matchingProfile, matchingProfileColumns } from '@/lib/talent/queries';
import { publishedAround } from './editor';
import { loadCatalogue, policyFromRow } from './store';
import { todayIso } from './service';

/**
 * Editor preview (issue 4 §7): validation with paths, the draft's golden cases, and the draft evaluated against
 * sample talents of the actor's zone — nothing is saved. Validation problems are returned, not thrown, so the
 * builder can show them next to the nodes while the person edits.
 */

export const previewInput = z.strictObject({
  version: z.unknown().describe('A PolicyVersion document (criteria, benefit, application, test_cases …)'),
  policy: z.unknown().optional().describe('Policy metadata for a policy that does not exist yet'),
  evalDate: z.string().optional(),
  sampleSize: z.number().int().min(0).max(50).default(20),
});

export interface PreviewResult {
  valid: boolean;
  issues: ValidationIssue[];
  golden: (GoldenCaseResult & { error?: string })[];
  sample: { evalDate: string; counts: Partial<Record<Status, number>>; talents: { id: string; name: string; status: Status; amountEstimate: number | null }[] };
}

export async function previewVersion(actor: Actor | null, code: string, input: z.infer<typeof previewInput>, meta: { ip: string }): Promise<PreviewResult> {
  const me = await authorize(actor, 'policies.manage', undefined, { ip: meta.ip });
  const db = await getDb();
  const shape = policyVersionSchema.safeParse(input.version);
  if (!shape.success) {
    const issues = shape.error.issues.map((i) => ({ path: `version${i.path.map((k) => (typeof k === 'number' ? `[${k}]` : `.${String(k)}`)).join('')}`, message: i.message }));
    return { valid: false, issues, golden: [], sample: { evalDate: todayIso(), counts: {}, talents: [] } };
  }
  const version: PolicyVersion = { ...shape.data, status: 'active' } as PolicyVersion;
  const [row] = await db.select().from(policies).where(eq(policies.code, code)).limit(1);
  const metaModel = row ? policyFromRow(row) : ({ code, title_zh: code, category: 'living', provenance: 'modelled', ...(input.policy as object | undefined) } as Omit<Policy, 'versions'>);
  const others = row ? publishedAround(await db.select().from(policyVersions).where(eq(policyVersions.policyCode, code)), version).versions : [];
  const policy = { ...metaModel, versions: [...others, version] } as Policy;
  const catalogue = await loadCatalogue(db);
  const issues = [...validatePolicy(policy)];
  if (!issues.length) issues.push(...validateCatalogue([...catalogue.policies.filter((p) => p.code !== code), policy], catalogue.groups).filter((i) => i.path.includes(code) || i.message.includes(code)));
  if (issues.length) return { valid: false, issues, golden: [], sample: { evalDate: todayIso(), counts: {}, talents: [] } };

  const golden = (version.test_cases ?? []).map((c) => {
    try {
      return runGoldenCases(code, { ...version, test_cases: [c] }, catalogue.policies, catalogue.groups)[0]!;
    } catch (err) {
      return { name: c.name, expect: c.expect, actual: 'NOT_IN_FORCE' as Status, expectedAmount: c.amount, actualAmount: null, pass: false, error: err instanceof Error ? err.message : String(err) };
    }
  });

  const evalDate = input.evalDate ?? todayIso();
  const cat = withVersion(catalogue.policies, code, version);
  const rows = await db
    .select({ p: matchingProfileColumns, name: sql<string>`coalesce(${talentProfiles.artistName}, ${talentProfiles.legalName}, ${users.displayName})` })
    .from(talentProfiles)
    .innerJoin(users, eq(users.id, talentProfiles.userId))
    .where(and(eq(talentProfiles.zoneCode, me.zoneCode ?? '__none__'), consentInForce()))
    .orderBy(desc(talentProfiles.updatedAt))
    .limit(input.sampleSize);
  const counts: Partial<Record<Status, number>> = {};
  const talents = rows.map((r) => {
    const res = evaluateAll(matchingProfile(r.p as unknown as ProfileColumns), cat, catalogue.groups, evalDate).find((x) => x.policyCode === code)!;
    counts[res.status] = (counts[res.status] ?? 0) + 1;
    return { id: r.p.userId, name: r.name, status: res.status, amountEstimate: res.amountEstimate };
  });
  // Names of talents of the zone: the same sensitive read as policy → people (policy.matches), audited alike.
  if (talents.length) {
    await audit({ action: 'policy.preview_sample', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'policy', targetId: code, ip: meta.ip, detail: { zone: me.zoneCode, returned: talents.length, evalDate } });
  }
  return { valid: true, issues: [], golden, sample: { evalDate, counts, talents } };
}
