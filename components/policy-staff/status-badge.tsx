'use client';

import { useT } from '@/components/i18n/provider';
import { Badge } from '@/components/ui/card';

const TONE: Record<string, 'success' | 'warning' | 'danger' | 'info' | 'neutral'> = {
  ELIGIBLE: 'success',
  NEAR_MISS: 'warning',
  NEEDS_INFO: 'info',
  NEEDS_REVIEW: 'info',
  INELIGIBLE: 'neutral',
  EXCLUDED: 'neutral',
  ALREADY_RECEIVING: 'success',
  NOT_IN_FORCE: 'neutral',
  draft: 'warning',
  active: 'success',
  retired: 'neutral',
  submitted: 'info',
  approved: 'success',
  rejected: 'danger',
  withdrawn: 'neutral',
};

/** An evaluation status (ELIGIBLE …), a version status (draft / active / retired) or an application status. */
export function StatusBadge({ status }: { status: string }) {
  const t = useT();
  const key = /^[A-Z_]+$/.test(status) ? `policy.status_${status}` : `policyStaff.state_${status}`;
  return <Badge tone={TONE[status] ?? 'neutral'}>{t(key)}</Badge>;
}
