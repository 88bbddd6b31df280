import 'server-only';
import type { DbOrTx } from '@/db/client';
import { jdzToday } from '@/lib/clock';
import { evaluateStatus } from '@/lib/policy-matching/evaluate';
import type { Status } from '@/lib/policy-matching/model';
import { formatYmd } from '@/lib/talent/dates';
import { hasConsent, loadMatchingProfile } from '@/lib/talent/queries';
import { loadCatalogue } from './store';

/**
 * Reads of the policy domain that other domains may use (ADR 010). No authorization here: the caller has authorized
 * its own use case (e.g. bookings asking whether the booker holds the policy that opens a space).
 */

/**
 * One talent's status for one policy today, as the policy engine decides it (the same evaluation as 我的政策), or
 * null when the talent has no profile, has withdrawn the profile consent (nothing is evaluated then), or the code is
 * not in the catalogue.
 */
export async function policyStatusOf(db: DbOrTx, userId: string, code: string): Promise<Status | null> {
  const catalogue = await loadCatalogue(db);
  if (!catalogue.policies.some((p) => p.code === code)) return null;
  const loaded = await loadMatchingProfile(db, userId);
  if (!loaded || !(await hasConsent(db, userId, 'profile'))) return null;
  return evaluateStatus(loaded.profile, catalogue.policies, catalogue.groups, formatYmd(jdzToday()), code).status;
}

/** Holders of a policy: ELIGIBLE now or already receiving it. NEEDS_INFO and NEEDS_REVIEW do not hold it. */
export async function holdsPolicy(db: DbOrTx, userId: string, code: string): Promise<boolean> {
  const status = await policyStatusOf(db, userId, code);
  return status === 'ELIGIBLE' || status === 'ALREADY_RECEIVING';
}
