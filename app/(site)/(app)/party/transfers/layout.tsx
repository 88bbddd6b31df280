import type { ReactNode } from 'react';
import { forbidden } from 'next/navigation';
import { auditDenial } from '@/lib/auth/authorize';
import { requirePageActor } from '@/lib/auth/page';
import { can } from '@/lib/auth/permissions';

/**
 * 组织关系转接 pages: organisers (queue, case, letter, incoming registration) and members (their own case and letter).
 * Everyone else gets the 403 page here, before any loading boundary streams a 200 (see app/(site)/(app)/dashboard/loading.tsx);
 * the transfer service still decides on every case.
 */
export default async function TransfersLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  if (!can(actor, 'party_transfers.read') && !can(actor, 'party_record.read_own')) {
    await auditDenial(actor, 'party_transfers.read', { via: 'page' });
    forbidden();
  }
  return children;
}
