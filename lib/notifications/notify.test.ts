import { describe, expect, it, vi } from 'vitest';
import type { DbOrTx } from '@/db/client';
import { notify } from './service';

/** notify() refuses what no domain registered, before touching the database (the DB path: tests/policies.db.test.ts). */
describe('notify', () => {
  const fakeDb = () => {
    const values = vi.fn((_row: Record<string, unknown>) => ({ onConflictDoNothing: () => ({ returning: async () => [{ id: 'n1' }] }) }));
    const insert = vi.fn(() => ({ values }));
    return { db: { insert } as unknown as DbOrTx, insert, values };
  };

  it('rejects an unregistered kind at run time (and at compile time)', async () => {
    const { db, insert } = fakeDb();
    // @ts-expect-error — not a registered kind
    await expect(notify(db, 'u1', 'bookings.confirmed', 'k', {})).rejects.toThrow(/not registered/);
    expect(insert).not.toHaveBeenCalled();
  });

  it('rejects a payload its kind does not accept', async () => {
    const { db, insert } = fakeDb();
    // @ts-expect-error — policyCode is required
    await expect(notify(db, 'u1', 'policy.eligible', 'k', { title: { zh: '甲', en: 'A' } })).rejects.toThrow();
    expect(insert).not.toHaveBeenCalled();
  });

  it('stores a registered kind with its payload (extra keys kept)', async () => {
    const { db, values } = fakeDb();
    await expect(notify(db, 'u1', 'application.approved', 'application:a1:approve', { applicationId: 'a1', policyCode: 'JP-003', note: 'kept' })).resolves.toBe(true);
    expect(values).toHaveBeenCalledWith({ userId: 'u1', kind: 'application.approved', dedupeKey: 'application:a1:approve', payload: { applicationId: 'a1', policyCode: 'JP-003', note: 'kept' } });
  });
});
