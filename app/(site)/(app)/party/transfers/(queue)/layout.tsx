import type { ReactNode } from 'react';
import { requirePagePermission } from '@/lib/auth/page';

/** The queue and incoming registration are the organisers' (members follow their case on 我的党组织). */
export default async function TransferQueueLayout({ children }: { children: ReactNode }) {
  await requirePagePermission('party_transfers.read');
  return children;
}
