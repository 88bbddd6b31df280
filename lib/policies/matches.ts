import 'server-only';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/http/errors';
import { translate, type Locale } from '@/lib/i18n';
import { contentDisposition } from '@/lib/uploads/filename';
import { reverseMatch, reverseMatchCsvLines, type ReverseMatchRow } from './reverse';
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

/** Authorizes, loads the catalogue and resolves the date and statuses; the zone always comes from the actor. */
async function scope(actor: Actor | null, code: string, q: { status?: (typeof MATCH_STATUSES)[number]; evalDate?: string }, ip: string) {
  const me = await authorize(actor, 'policies.match', undefined, { ip });
  const catalogue = await loadCatalogue(await getDb());
  const policy = catalogue.policies.find((p) => p.code === code);
  if (!policy) throw new AppError('NOT_FOUND');
  const evalDate = q.evalDate ?? todayIso();
  return { me, catalogue, policy, evalDate, statuses: q.status ? [q.status] : [...MATCH_STATUSES] };
}

/** GET /api/v1/policies/{code}/matches?status= */
export async function policyMatches(actor: Actor | null, code: string, q: MatchesQuery, ip: string) {
  const { me, catalogue, policy, evalDate, statuses } = await scope(actor, code, q, ip);
  const res = await reverseMatch(await getDb(), { catalogue: catalogue.policies, groups: catalogue.groups, code, evalDate, zoneCode: me.zoneCode ?? '__none__', statuses, limit: q.pageSize, offset: (q.page - 1) * q.pageSize, factsKey: catalogue.factsKey });
  const version = versionInForce(policy, evalDate)?.version ?? null;
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

/**
 * GET /api/v1/policies/{code}/matches/export — every match of the zone as CSV (UTF-8 BOM, formula-guarded), streamed
 * batch by batch; audited with the stated purpose.
 */
export async function exportPolicyMatches(actor: Actor | null, code: string, q: z.infer<typeof matchesExportQuery>, locale: Locale, ip: string): Promise<Response> {
  const { me, catalogue, evalDate, statuses } = await scope(actor, code, q, ip);
  await audit({ action: 'policy.matches_export', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'policy', targetId: code, ip, detail: { status: q.status ?? null, purpose: q.purpose, zone: me.zoneCode } });
  const header = (['name', 'status', 'amount', 'nearMiss', 'eligibleFrom', 'missing'] as const).map((k) => translate(locale, `policyExport.${k}`));
  const cells = (r: ReverseMatchRow) => [r.name ?? '', translate(locale, `policy.status_${r.status}`), r.amountEstimate ?? '', r.nearMiss?.criterionId ?? '', r.nearMiss?.eligibleFrom ?? '', r.missingFields.join(' ')];
  const lines = reverseMatchCsvLines(await getDb(), { catalogue: catalogue.policies, groups: catalogue.groups, code, evalDate, zoneCode: me.zoneCode ?? '__none__', statuses }, header, cells);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode('\uFEFF'));
    },
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await lines.return(undefined);
    },
  });
  return new Response(body, {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': contentDisposition(`${code}-${q.status ?? 'matches'}-${evalDate}.csv`, 'attachment'),
      'cache-control': 'no-store',
    },
  });
}
