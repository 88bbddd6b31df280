import 'server-only';
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { evidence, policyApplications, talentProfiles } from '@/db/schema';
import { authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/http/errors';
import { reverseMatch } from './reverse';
import { loadCatalogue } from './store';
import {
  applicationsByPolicy,
  approvedAmountsPerMonth,
  countByMonthAndKey,
  defaultPeriod,
  periodBounds,
  uptake,
  validatePeriod,
  verificationAges,
  type ApplicationStatus,
  type PeriodError,
} from '@/lib/insights/core';

// Localised text (zh · en) until the dashboard's dictionary lands.
const PERIOD_MESSAGES: Record<PeriodError, string> = {
  FROM_INVALID: '起始月份格式应为 YYYY-MM · Start month must be YYYY-MM',
  TO_INVALID: '结束月份格式应为 YYYY-MM · End month must be YYYY-MM',
  FROM_AFTER_TO: '起始月份不能晚于结束月份 · The start month cannot be after the end month',
  TOO_LONG: '时间段最长 60 个月 · The period can be at most 60 months',
};

/**
 * Zone staff dashboard (issue 13 §1): one zone over a period of months. Authorization here: applications.read with
 * the zone as scope, so another zone's code is refused (403, audited) and talents are refused.
 * Uptake runs the policy → people match once per policy of the catalogue for the zone (≈48 passes; affordable for a
 * zone of a few hundred talents, the cost grows with the zone's size).
 */
export async function zoneDashboard(actor: Actor | null, zoneCode: string, q: { from?: string; to?: string }, meta: { ip?: string } = {}) {
  await authorize(actor, 'applications.read', { zoneCode }, { ip: meta.ip, targetType: 'zone', targetId: zoneCode });
  const at = now();
  const def = defaultPeriod(at);
  const period = validatePeriod(q.from ?? def.from, q.to ?? def.to);
  if (!period.ok) {
    const field = period.error === 'TO_INVALID' ? 'to' : 'from';
    throw new AppError('VALIDATION_FAILED', { fieldErrors: { [field]: [PERIOD_MESSAGES[period.error]] } });
  }
  const { from, to } = period;
  const { start, end } = periodBounds(from, to);
  const db = await getDb();

  const talents = await db
    .select({ at: talentProfiles.createdAt, crafts: talentProfiles.crafts, district: talentProfiles.residenceDistrict })
    .from(talentProfiles)
    .where(and(eq(talentProfiles.zoneCode, zoneCode), gte(talentProfiles.createdAt, start), lt(talentProfiles.createdAt, end)));
  const byCraft = countByMonthAndKey(
    talents.flatMap((t): { at: Date; key: string | null }[] => (t.crafts?.length ? t.crafts.map((c) => ({ at: t.at, key: c })) : [{ at: t.at, key: null }])),
    from,
    to,
  );
  const byDistrict = countByMonthAndKey(talents.map((t) => ({ at: t.at, key: t.district })), from, to);

  const pending = await db
    .select({ submittedAt: evidence.createdAt, kind: evidence.subject })
    .from(evidence)
    .innerJoin(talentProfiles, eq(talentProfiles.userId, evidence.talentId))
    .where(and(eq(talentProfiles.zoneCode, zoneCode), eq(evidence.status, 'pending')));
  const verification = verificationAges(pending, at);

  const apps = await db
    .select({ policyCode: policyApplications.policyCode, status: policyApplications.status, decidedAt: policyApplications.decidedAt, amount: sql<string | null>`${policyApplications.amountEstimate}::text` })
    .from(policyApplications)
    .where(and(eq(policyApplications.zoneCode, zoneCode), gte(policyApplications.createdAt, start), lt(policyApplications.createdAt, end)));
  const catalogue = await loadCatalogue(db);
  const finance = new Set(catalogue.policies.filter((p) => p.category === 'finance').map((p) => p.code));
  const applications = applicationsByPolicy(apps.map((a) => ({ policyCode: a.policyCode, status: a.status as ApplicationStatus })));
  const amounts = approvedAmountsPerMonth(
    apps.filter((a) => a.status === 'approved' && a.decidedAt).map((a) => ({ decidedAt: a.decidedAt!, amount: a.amount, finance: finance.has(a.policyCode) })),
    from,
    to,
  );

  const evalDate = at.toISOString().slice(0, 10);
  const eligible: Record<string, number> = {};
  for (const p of catalogue.policies) {
    const r = await reverseMatch(db, { catalogue: catalogue.policies, groups: catalogue.groups, code: p.code, evalDate, zoneCode, statuses: ['ELIGIBLE'], limit: 1 });
    eligible[p.code] = r.total;
  }
  const applied: Record<string, number> = {};
  for (const a of apps) if (a.status !== 'withdrawn') applied[a.policyCode] = (applied[a.policyCode] ?? 0) + 1;

  return { zoneCode, from, to, registrations: { byCraft, byDistrict, total: talents.length }, verification, applications, amounts, uptake: uptake(applied, eligible) };
}
