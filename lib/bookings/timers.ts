import 'server-only';
import { sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { rowsOf } from '@/lib/jobs/queue';

/**
 * What the booking timers set (issue 11 §4; ADR 015), as one idempotent sweep run by the job runner
 * (lib/bookings/jobs.ts). Correctness never waits for it: reads derive the same statuses (effectiveStatus) and the
 * inserting transaction releases lapsed blockers on its window itself. The sweep makes stored rows catch up, so the
 * feeds, lists and statistics read plain columns:
 * - a hold past its expiry → expired; a request still pending at its start → expired;
 * - a confirmed booking of a check-in space without check-in once the grace has passed → no_show (auto-release;
 *   no-shows count against quotas);
 * - a confirmed or checked-in booking past its end → completed.
 * Every guarded UPDATE re-checks the status it moves from, so a second run (or two workers) changes nothing more.
 */
export async function sweepBookings(db: DbOrTx, now: Date): Promise<{ expired: number; noShow: number; completed: number }> {
  const at = sql`${now.toISOString()}::timestamptz`;
  const expired = rowsOf<{ id: string }>(
    await db.execute(sql`update bookings set status = 'expired', ical_sequence = ical_sequence + 1, updated_at = ${at}
      where (status = 'held' and hold_expires_at <= ${at}) or (status = 'pending' and starts_at <= ${at}) returning id`),
  ).length;
  const noShow = rowsOf<{ id: string }>(
    await db.execute(sql`update bookings b set status = 'no_show', ical_sequence = b.ical_sequence + 1, updated_at = ${at}
      from spaces s where s.id = b.space_id and s.checkin_required and b.status = 'confirmed' and b.checked_in_at is null
        and least(b.starts_at + s.checkin_grace_min * interval '1 minute', b.ends_at) <= ${at} returning b.id`),
  ).length;
  const completed = rowsOf<{ id: string }>(
    await db.execute(sql`update bookings set status = 'completed', updated_at = ${at} where status in ('confirmed', 'checked_in') and ends_at <= ${at} returning id`),
  ).length;
  return { expired, noShow, completed };
}
