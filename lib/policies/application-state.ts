/** What a policy card says about the talent's applications for it (pure: 我的政策 and its tests). */
export interface ApplicationState {
  id: string;
  status: 'submitted' | 'approved' | 'rejected';
  reason: string | null;
}

interface AppLike {
  id: string;
  policyCode: string;
  status: 'submitted' | 'approved' | 'rejected' | 'withdrawn';
  createdAt: string;
  decisionReason: string | null;
}

/**
 * Per policy, the latest application the talent did not withdraw — whatever its status. A rejection is news the card
 * must tell (issue 13 §5: a rejected application's card kept saying it was being reviewed, from an older one).
 */
export function applicationStateByPolicy(items: readonly AppLike[]): Record<string, ApplicationState> {
  const out: Record<string, ApplicationState> = {};
  const newestFirst = [...items].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  for (const a of newestFirst) if (a.status !== 'withdrawn') out[a.policyCode] ??= { id: a.id, status: a.status, reason: a.decisionReason };
  return out;
}
