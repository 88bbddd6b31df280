import 'server-only';
import { eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { policies, policyApplications, talentProfiles, users } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/http/errors';
import type { ApplicationDto } from './applications';
import { materialsForApplications } from './materials';

/**
 * One application for the staff detail view (/staff/applications/[id]): the queue row plus the evaluation snapshot
 * taken at submission (criteria with their results and explanations). Zone-scoped like the queue; audited.
 */
export interface StaffApplicationDetail extends ApplicationDto {
  talent: { id: string; name: string };
  evaluation: {
    status: string | null;
    evalDate: string | null;
    criteria: { id: string; result: string; explanation?: { zh: string; en: string } }[];
    /** A seeded demo application (db/demo-district.ts): its materials are demo data without files. */
    demo?: boolean;
  };
}

export async function getApplicationForStaff(actor: Actor | null, id: string, meta: { ip?: string } = {}): Promise<StaffApplicationDetail> {
  await authorize(actor, 'applications.read', undefined, { ip: meta.ip });
  const db = await getDb();
  const [row] = await db
    .select({ a: policyApplications, name: sql<string>`coalesce(${talentProfiles.artistName}, ${talentProfiles.legalName}, ${users.displayName})`, zh: policies.titleZh, en: policies.titleEn })
    .from(policyApplications)
    .innerJoin(users, eq(users.id, policyApplications.talentId))
    .leftJoin(talentProfiles, eq(talentProfiles.userId, policyApplications.talentId))
    .leftJoin(policies, eq(policies.code, policyApplications.policyCode))
    .where(eq(policyApplications.id, id))
    .limit(1);
  if (!row) throw new AppError('NOT_FOUND');
  const me = await authorize(actor, 'applications.read', { zoneCode: row.a.zoneCode }, { ip: meta.ip, targetType: 'policy_application', targetId: id });
  await audit({ action: 'application.read', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'policy_application', targetId: id, ip: meta.ip ?? null });
  const ev = row.a.evaluation as { status?: unknown; evalDate?: unknown; criteria?: unknown; demo?: unknown };
  const criteria = Array.isArray(ev.criteria)
    ? (ev.criteria as Record<string, unknown>[]).map((c) => ({
        id: String(c.id ?? ''),
        result: String(c.result ?? ''),
        ...(c.explanation && typeof c.explanation === 'object' ? { explanation: c.explanation as { zh: string; en: string } } : {}),
      }))
    : [];
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
    evaluationStatus: typeof ev.status === 'string' ? ev.status : null,
    note: a.note,
    decisionReason: a.decisionReason,
    decidedAt: a.decidedAt?.toISOString() ?? null,
    createdAt: a.createdAt.toISOString(),
    talent: { id: a.talentId, name: row.name },
    evaluation: { status: typeof ev.status === 'string' ? ev.status : null, evalDate: typeof ev.evalDate === 'string' ? ev.evalDate : null, criteria, ...(ev.demo === true ? { demo: true } : {}) },
  };
}
