import 'server-only';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/http/errors';
import { translate, type Locale } from '@/lib/i18n';
import { csvField } from '@/lib/talent/export';
import { contentDisposition } from '@/lib/uploads/filename';
import { reverseMatch } from './reverse';
import { loadCatalogue } from './store';
import { todayIso, versionInForce } from './service';
import { isoDate } from '@/lib/talent/profile-schema';

/**
 * Policy → people (issue 4 §6): the talents of the staff member's zone by status for one policy, compiled to an SQL
 * prefilter and evaluated exactly (lib/policies/reverse.ts). The zone always comes from the actor.
 */

export const MATCH_STATUSES = ['ELIGIBLE', 'NEAR_MISS', 'NEEDS_INFO', 'NEEDS_REVIEW'] as const;

export const matchesQuery = z.strictObject({
  status: z.enum(MATCH_STATUSES).optional().describe('One status; default ELIGIBLE, NEAR_MISS, NEEDS_INFO and NEEDS_REVIEW'),
  evalDate: isoDate.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type MatchesQuery = z.infer<typeof matchesQuery>;

export const matchesExportQuery = matchesQuery.omit({ page: true, pageSize: true }).extend({
  purpose: z.string().trim().min(4, 'validation.reasonRequired').max(200),
});

export const matchRowSchema = z.object({
  talentId: z.string(),
  name: z.string(),
  status: z.enum(['ELIGIBLE', 'NEAR_MISS', 'NEEDS_INFO', 'NEEDS_REVIEW', 'INELIGIBLE', 'EXCLUDED', 'ALREADY_RECEIVING', 'NOT_IN_FORCE']),
  amountEstimate: z.number().nullable(),
  nearMiss: z.object({ criterionId: z.string(), eligibleFrom: z.string().optional() }).nullable(),
  missingFields: z.array(z.string()),
});

export const matchesResponse = z.object({
  policyCode: z.string(),
  version: z.string().nullable(),
  evalDate: z.string(),
  counts: z.record(z.string(), z.number()),
  total: z.number(),
  page: z.number(),
  pageSize: z.number(),
  items: z.array(matchRowSchema),
  stats: z.object({ scanned: z.number(), candidates: z.number(), ms: z.number() }),
});

async function run(actor: Actor | null, code: string, q: { status?: (typeof MATCH_STATUSES)[number]; evalDate?: string }, ip: string, page: { limit?: number; offset?: number }) {
  const me = await authorize(actor, 'policies.match', undefined, { ip });
  const db = await getDb();
  const catalogue = await loadCatalogue(db);
  const policy = catalogue.policies.find((p) => p.code === code);
  if (!policy) throw new AppError('NOT_FOUND');
  const evalDate = q.evalDate ?? todayIso();
  const statuses = q.status ? [q.status] : [...MATCH_STATUSES];
  const res = await reverseMatch(db, { catalogue: catalogue.policies, groups: catalogue.groups, code, evalDate, zoneCode: me.zoneCode ?? '__none__', statuses, ...page });
  return { me, res, evalDate, version: versionInForce(policy, evalDate)?.version ?? null };
}

/** GET /api/v1/policies/{code}/matches?status= */
export async function policyMatches(actor: Actor | null, code: string, q: MatchesQuery, ip: string) {
  const { me, res, evalDate, version } = await run(actor, code, q, ip, { limit: q.pageSize, offset: (q.page - 1) * q.pageSize });
  await audit({ action: 'policy.matches', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'policy', targetId: code, ip, detail: { status: q.status ?? null, zone: me.zoneCode, total: res.total } });
  return {
    policyCode: code,
    version,
    evalDate,
    counts: res.counts as Record<string, number>,
    total: res.total,
    page: q.page,
    pageSize: q.pageSize,
    items: res.rows.map((r) => ({ talentId: r.talentId, name: r.name ?? '', status: r.status, amountEstimate: r.amountEstimate, nearMiss: r.nearMiss, missingFields: r.missingFields })),
    stats: { scanned: res.scanned, candidates: res.candidates, ms: res.ms },
  };
}

/** GET /api/v1/policies/{code}/matches/export — CSV (UTF-8 BOM, formula-guarded), audited with the purpose. */
export async function exportPolicyMatches(actor: Actor | null, code: string, q: z.infer<typeof matchesExportQuery>, locale: Locale, ip: string): Promise<Response> {
  const { me, res, evalDate } = await run(actor, code, q, ip, {});
  await audit({ action: 'policy.matches_export', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'policy', targetId: code, ip, detail: { status: q.status ?? null, purpose: q.purpose, zone: me.zoneCode, rows: res.rows.length } });
  const t = (k: 'name' | 'status' | 'amount' | 'nearMiss' | 'eligibleFrom' | 'missing') => translate(locale, `policyExport.${k}`);
  const lines = [[t('name'), t('status'), t('amount'), t('nearMiss'), t('eligibleFrom'), t('missing')].map(csvField).join(',')];
  for (const r of res.rows) {
    lines.push(
      [r.name ?? '', translate(locale, `policy.status_${r.status}`), r.amountEstimate ?? '', r.nearMiss?.criterionId ?? '', r.nearMiss?.eligibleFrom ?? '', r.missingFields.join(' ')]
        .map((v) => csvField(v))
        .join(','),
    );
  }
  const body = `\uFEFF${lines.join('\r\n')}\r\n`;
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': contentDisposition(`${code}-${q.status ?? 'matches'}-${evalDate}.csv`, 'attachment'),
      'cache-control': 'no-store',
    },
  });
}
