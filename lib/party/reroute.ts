import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { OPEN_TRANSFER_STATES, partyOrgs, transferCases, transferEvents } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';

/** Committee types that run a transfer queue (a re-routed case goes to the nearest ACTIVE one above). */
const COMMITTEES = ['district_committee', 'primary_committee', 'working_committee'] as const;

/**
 * T19: the open cases a dissolved organisation was handling go to its parent committee's queue — the nearest ACTIVE
 * committee above it — each with a `reroute` event (I3). Runs inside the dissolving transaction (the organisation is
 * already DISSOLVED there). Returns the number of cases moved and where they went.
 *
 * Written by the organisations side (issue 9 item 1) as the body the brief describes; the transfer engine owns this file
 * and may refine it (e.g. cases whose source or target was the dissolved organisation, notifications).
 */
export async function rerouteOpenCases(tx: Tx, dissolvedOrgId: string, actor: Actor): Promise<{ moved: number; toOrgId: string | null }> {
  const [org] = await tx.select({ path: partyOrgs.path }).from(partyOrgs).where(eq(partyOrgs.id, dissolvedOrgId)).limit(1);
  if (!org) return { moved: 0, toOrgId: null };
  const ancestors = org.path.split('/').filter(Boolean).slice(0, -1);
  let target: string | null = null;
  if (ancestors.length) {
    const rows = await tx
      .select({ id: partyOrgs.id, path: partyOrgs.path })
      .from(partyOrgs)
      .where(and(inArray(partyOrgs.id, ancestors), eq(partyOrgs.status, 'ACTIVE'), inArray(partyOrgs.orgType, [...COMMITTEES])))
      .orderBy(desc(sql`length(${partyOrgs.path})`))
      .limit(1);
    target = rows[0]?.id ?? null;
  }
  if (!target) return { moved: 0, toOrgId: null };
  const cases = await tx
    .select({ id: transferCases.id, state: transferCases.state })
    .from(transferCases)
    .where(and(eq(transferCases.currentHandlerOrgId, dissolvedOrgId), inArray(transferCases.state, [...OPEN_TRANSFER_STATES])))
    .for('update');
  const at = now();
  for (const c of cases) {
    await tx.update(transferCases).set({ currentHandlerOrgId: target, updatedAt: at }).where(eq(transferCases.id, c.id));
    const [last] = await tx.select({ seq: sql<number>`coalesce(max(${transferEvents.seq}), 0)::int` }).from(transferEvents).where(eq(transferEvents.caseId, c.id));
    await tx.insert(transferEvents).values({
      caseId: c.id,
      seq: Number(last?.seq ?? 0) + 1,
      action: 'reroute',
      fromState: c.state,
      toState: c.state,
      actorUserId: actor.id,
      actorRole: 'system',
      actorOrgId: target,
      comment: `dissolved:${dissolvedOrgId}`,
      at,
    });
  }
  return { moved: cases.length, toOrgId: target };
}
