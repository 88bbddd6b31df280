import { inArray } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { partyDuesPayments, partyMembers } from '@/db/schema';
import { nextMonth } from './dues-calculator';

/**
 * §2.7 dues ledger — what paid-through means. A member's paid-through month starts from the baseline kept on the
 * member (party_members.last_dues_month: months paid before the portal kept a ledger; null = nothing before the join
 * month) and extends month by month while the ledger (party_dues_payments, unique per member and month across both
 * ends) holds the next month. A gap stops it: a later month paid ahead does not cover an unpaid earlier one.
 *
 * Lapse flags, dashboards and the T3 transfer guard all read it from here.
 */
export async function paidThroughMonths(db: DbOrTx, memberIds: readonly string[]): Promise<Map<string, string | null>> {
  const ids = [...new Set(memberIds)];
  const out = new Map<string, string | null>();
  if (!ids.length) return out;
  const members = await db
    .select({ id: partyMembers.id, lastDuesMonth: partyMembers.lastDuesMonth, joinDate: partyMembers.joinDate })
    .from(partyMembers)
    .where(inArray(partyMembers.id, ids));
  const paid = await db
    .select({ memberId: partyDuesPayments.memberId, month: partyDuesPayments.month })
    .from(partyDuesPayments)
    .where(inArray(partyDuesPayments.memberId, ids));
  const months = new Map<string, Set<string>>();
  for (const p of paid) {
    let s = months.get(p.memberId);
    if (!s) months.set(p.memberId, (s = new Set()));
    s.add(p.month);
  }
  for (const m of members) out.set(m.id, extendPaidThrough(m.lastDuesMonth, m.joinDate, months.get(m.id) ?? new Set()));
  return out;
}

/** One member's paid-through month (see paidThroughMonths). */
export async function paidThroughMonth(db: DbOrTx, memberId: string): Promise<string | null> {
  return (await paidThroughMonths(db, [memberId])).get(memberId) ?? null;
}

/**
 * Pure: the baseline extended by the ledger's consecutive months. Without a baseline the chain starts at the join
 * month (the month before it counts as "paid through"), and if nothing is paid the result stays null.
 */
export function extendPaidThrough(baseline: string | null, joinDate: string, ledgerMonths: ReadonlySet<string>): string | null {
  let through: string | null = baseline;
  let next = baseline ? nextMonth(baseline) : joinDate.slice(0, 7);
  while (ledgerMonths.has(next)) {
    through = next;
    next = nextMonth(next);
  }
  return through;
}
