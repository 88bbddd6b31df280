import 'server-only';
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { OPEN_TRANSFER_STATES, partyOrgs, transferCases } from '@/db/schema';
import type { Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { rerouteTargetFor, stepDeadlineFor, type OrgNode } from './transfer-machine';
import { appendEvent as appendTransferEvent } from './transfer-store';

/**
 * T19: when an organisation is dissolved, every open case it was handling, or that targets it, goes to its parent
 * committee's queue — the nearest ACTIVE committee above it (transfer-machine.ts rerouteTargetFor) — with a `reroute`
 * event (I3) and a notification to the new handler. A case that targeted the dissolved organisation is addressed to
 * that committee instead (it assigns a branch at T14); a dissolved organisation is never a target again (the machine
 * refuses it with ORG_DISSOLVED). Runs inside the dissolving transaction (the organisation is already DISSOLVED
 * there, lib/party/orgs.ts). Returns the number of cases moved and where they went.
 */
export async function rerouteOpenCases(tx: Tx, dissolvedOrgId: string, actor: Actor): Promise<{ moved: number; toOrgId: string | null }> {
  const [org] = await tx.select().from(partyOrgs).where(eq(partyOrgs.id, dissolvedOrgId)).limit(1);
  if (!org) return { moved: 0, toOrgId: null };
  const ancestorIds = org.path.split('/').filter(Boolean);
  const chain = await tx.select().from(partyOrgs).where(inArray(partyOrgs.id, ancestorIds));
  const target = rerouteTargetFor(new Map<string, OrgNode>(chain.map((o) => [o.id, o])), dissolvedOrgId)?.id ?? null;
  if (!target) return { moved: 0, toOrgId: null };
  const cases = await tx
    .select()
    .from(transferCases)
    .where(and(inArray(transferCases.state, [...OPEN_TRANSFER_STATES]), or(eq(transferCases.currentHandlerOrgId, dissolvedOrgId), eq(transferCases.toOrgId, dissolvedOrgId))))
    .for('update');
  const at = now();
  for (const c of cases) {
    const handled = c.currentHandlerOrgId === dissolvedOrgId;
    const targeted = c.toOrgId === dissolvedOrgId;
    const handler = handled ? target : c.currentHandlerOrgId;
    await tx
      .update(transferCases)
      .set({
        ...(handled ? { currentHandlerOrgId: target, stepDeadline: stepDeadlineFor(c.state, at) } : {}),
        ...(targeted ? { toOrgId: target } : {}),
        updatedAt: at,
      })
      .where(and(eq(transferCases.id, c.id), eq(transferCases.state, c.state)));
    const what = [handled ? '办理组织' : null, targeted ? '接收组织' : null].filter(Boolean).join('、');
    await appendTransferEvent(
      tx,
      c.id,
      { action: 'reroute', fromState: c.state, toState: c.state, actorUserId: actor.id, actorRole: 'system', actorOrgId: target, comment: `${org.nameZh}已撤销，${what}改为上级党组织`, handlerOrgId: handler },
      null,
    );
  }
  return { moved: cases.length, toOrgId: target };
}
