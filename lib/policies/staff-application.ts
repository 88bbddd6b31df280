import 'server-only';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { policies, policyApplications, policyVersions, talentProfiles, users } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/http/errors';
import { isFieldLeaf, isGateLeaf, isManualLeaf, leavesOf, withLeafIds, type CriterionResult, type PolicyVersion } from '@/lib/policy-matching/model';
import { conditionSentence, criterionSentence, type CriterionFacts } from '@/lib/policy-matching/phrases';
import { talentNumber } from '@/lib/talent/talent-number';
import { amountKind, type ApplicationDto } from './applications';
import { materialsForApplications } from './materials';

/**
 * One application for the staff detail view (/staff/applications/[id]): the queue row plus the evaluation snapshot
 * taken at submission (criteria with their results and explanations). Zone-scoped like the queue; audited.
 */
export interface StaffApplicationDetail extends ApplicationDto {
  /** `number` is the talent number people read (JP2026-…); `id` keys the staff talent page. */
  talent: { id: string; name: string; number: string };
  /** Names of the listed materials, from the application's policy version (code → name). */
  materialNames: Record<string, { zh: string; en: string }>;
  evaluation: {
    status: string | null;
    evalDate: string | null;
    /**
     * `text` is the criterion in the third person ("申请人已毕业 77 个月"), phrased again from the snapshot's facts;
     * snapshots taken before facts were stored fall back to the criterion's own wording in the policy version, then to
     * the stored explanation.
     */
    criteria: { id: string; result: string; explanation?: { zh: string; en: string }; text: { zh: string; en: string } }[];
    /** A seeded demo application (db/demo-district.ts): its materials are demo data without files. */
    demo?: boolean;
  };
}

const RESULTS = new Set(['MET', 'NOT_MET', 'UNKNOWN', 'REVIEW']);

/** The third-person sentence of one snapshot criterion (see StaffApplicationDetail.evaluation.criteria). */
export function staffCriterionText(
  c: { id: string; result: string; explanation?: { zh: string; en: string }; facts?: CriterionFacts },
  version: PolicyVersion | null,
  gateTitles: Map<string, { zh: string; en: string }> = new Map(),
): { zh: string; en: string } {
  const result = (RESULTS.has(c.result) ? c.result : 'UNKNOWN') as CriterionResult;
  if (c.facts && typeof c.facts === 'object' && typeof c.facts.kind === 'string') {
    try {
      return { zh: criterionSentence(c.facts, result, { lang: 'zh', person: 'they' }), en: criterionSentence(c.facts, result, { lang: 'en', person: 'they' }) };
    } catch {
      // a malformed stored snapshot: fall through to the version's own wording
    }
  }
  const leaf = version ? leavesOf(withLeafIds(version.criteria)).find((l) => l.id === c.id) : undefined;
  if (leaf && isFieldLeaf(leaf)) {
    const facts = { field: leaf.field, op: leaf.op, value: leaf.value, filter: leaf.filter, label: { zh: leaf.label_zh, en: leaf.label_en } };
    return { zh: conditionSentence(facts, 'zh'), en: conditionSentence(facts, 'en') };
  }
  if (leaf && isGateLeaf(leaf)) {
    const title = gateTitles.get(leaf.gate);
    const facts: CriterionFacts = { kind: 'gate', gate: leaf.gate, ...(title ? { gateTitle: title } : {}) };
    return { zh: criterionSentence(facts, 'MET', { lang: 'zh', person: 'they' }), en: criterionSentence(facts, 'MET', { lang: 'en', person: 'they' }) };
  }
  if (leaf && isManualLeaf(leaf)) return { zh: leaf.label_zh ?? '专家评审', en: leaf.label_en ?? leaf.label_zh ?? 'Committee review' };
  if (c.explanation) return c.explanation;
  return { zh: '（该条件已不在此版本中）', en: '(criterion no longer in this version)' };
}

export async function getApplicationForStaff(actor: Actor | null, id: string, meta: { ip?: string } = {}): Promise<StaffApplicationDetail> {
  await authorize(actor, 'applications.read', undefined, { ip: meta.ip });
  const db = await getDb();
  const [row] = await db
    .select({
      a: policyApplications,
      name: sql<string>`coalesce(${talentProfiles.artistName}, ${talentProfiles.legalName}, ${users.displayName})`,
      registeredAt: sql<Date | string | null>`coalesce(${talentProfiles.createdAt}, ${users.createdAt})`,
      zh: policies.titleZh,
      en: policies.titleEn,
      category: policies.category,
      definition: policyVersions.definition,
    })
    .from(policyApplications)
    .innerJoin(users, eq(users.id, policyApplications.talentId))
    .leftJoin(talentProfiles, eq(talentProfiles.userId, policyApplications.talentId))
    .leftJoin(policies, eq(policies.code, policyApplications.policyCode))
    .leftJoin(policyVersions, and(eq(policyVersions.policyCode, policyApplications.policyCode), eq(policyVersions.version, policyApplications.version)))
    .where(eq(policyApplications.id, id))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND');
  const me = await authorize(actor, 'applications.read', { zoneCode: row.a.zoneCode }, { ip: meta.ip, targetType: 'policy_application', targetId: id });
  await audit({ action: 'application.read', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'policy_application', targetId: id, ip: meta.ip ?? null });
  const ev = row.a.evaluation as { status?: unknown; evalDate?: unknown; criteria?: unknown; demo?: unknown };
  const version = row.definition ? (row.definition as unknown as PolicyVersion) : null;
  const gates = version ? [...new Set(leavesOf(version.criteria).filter(isGateLeaf).map((l) => l.gate))] : [];
  const gateTitles = new Map<string, { zh: string; en: string }>();
  if (gates.length)
    for (const g of await db.select({ code: policies.code, zh: policies.titleZh, en: policies.titleEn }).from(policies).where(inArray(policies.code, gates)))
      gateTitles.set(g.code, { zh: g.zh, en: g.en ?? g.zh });
  const criteria = Array.isArray(ev.criteria)
    ? (ev.criteria as Record<string, unknown>[]).map((c) => {
        const base = {
          id: String(c.id ?? ''),
          result: String(c.result ?? ''),
          ...(c.explanation && typeof c.explanation === 'object' ? { explanation: c.explanation as { zh: string; en: string } } : {}),
        };
        return { ...base, text: staffCriterionText({ ...base, facts: c.facts as CriterionFacts | undefined }, version, gateTitles) };
      })
    : [];
  const materialNames: Record<string, { zh: string; en: string }> = {};
  for (const m of version?.application?.materials ?? []) materialNames[m.code] = { zh: m.name_zh, en: m.name_en ?? m.name_zh };
  const a = row.a;
  const files = (await materialsForApplications(db, [a.id])).get(a.id) ?? [];
  return {
    id: a.id,
    policyCode: a.policyCode,
    policyTitle: { zh: row.zh ?? a.policyCode, en: row.en ?? row.zh ?? a.policyCode },
    version: a.version,
    origin: a.origin,
    status: a.status,
    periodKey: a.periodKey,
    materials: a.materials,
    files,
    amountEstimate: a.amountEstimate,
    ...amountKind({ title: { zh: '', en: '' }, category: row.category, kinds: new Map([[a.version, version?.benefit?.kind ?? null]]) }, a.version),
    evaluationStatus: typeof ev.status === 'string' ? ev.status : null,
    note: a.note,
    decisionReason: a.decisionReason,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    talent: { id: a.talentId, name: row.name, number: talentNumber(a.talentId, row.registeredAt) },
    materialNames,
    evaluation: { status: typeof ev.status === 'string' ? ev.status : null, evalDate: typeof ev.evalDate === 'string' ? ev.evalDate : null, criteria, ...(ev.demo === true ? { demo: true } : {}) },
  };
}
