import { describe, expect, it } from 'vitest';
import { applicationStateByPolicy } from './application-state';

const app = (id: string, policyCode: string, status: 'submitted' | 'approved' | 'rejected' | 'withdrawn', createdAt: string, decisionReason: string | null = null) => ({ id, policyCode, status, createdAt, decisionReason });

/**
 * Issue 13 §5: "after a staff member rejects an application its card still says 待审核". 我的政策 kept only
 * submitted and approved applications and took the first of those per policy, so a rejected application fell back to
 * an older one of the same policy still waiting (another period) — or vanished, with no word of the rejection.
 */
describe('the application state shown on a policy card', () => {
  it('is the latest application of the policy, rejected ones included', () => {
    const state = applicationStateByPolicy([
      app('a2', 'JP-010', 'rejected', '2026-12-02T08:00:00Z', '材料不全'),
      app('a1', 'JP-010', 'submitted', '2026-11-02T08:00:00Z'),
    ]);
    expect(state['JP-010']).toEqual({ id: 'a2', status: 'rejected', reason: '材料不全' });
  });

  it('does not depend on the order it is given', () => {
    const state = applicationStateByPolicy([app('a1', 'JP-010', 'submitted', '2026-11-02T08:00:00Z'), app('a2', 'JP-010', 'rejected', '2026-12-02T08:00:00Z')]);
    expect(state['JP-010']?.status).toBe('rejected');
  });

  it('shows an approval and a waiting application, and forgets a withdrawn one', () => {
    const state = applicationStateByPolicy([
      app('b1', 'JP-001', 'approved', '2026-10-01T00:00:00Z'),
      app('c1', 'JP-002', 'submitted', '2026-12-01T00:00:00Z'),
      app('d1', 'JP-003', 'withdrawn', '2026-12-01T00:00:00Z'),
    ]);
    expect(state['JP-001']?.status).toBe('approved');
    expect(state['JP-002']?.status).toBe('submitted');
    expect(state['JP-003']).toBeUndefined();
  });
});
