import { describe, expect, it } from 'vitest';
import { policyApplications } from '@/db/schema';
import { resolveSession } from '@/lib/auth/sessions';
import { evaluateAll } from '@/lib/policy-matching/evaluate';
import { setupTestDb } from '@/tests/helpers/db';
import { makeTalent, makeUser, tokenFor } from '@/tests/helpers/factories';
import { seedSimplePolicy } from '@/tests/helpers/policies';
import { getApplicationForStaff } from './staff-application';

/** Issue 13 §5: the staff application page shows labels, not codes, speaks of the applicant and links the profile. */
const t = setupTestDb();

async function actorOf(userId: string) {
  const resolved = await resolveSession(t.db(), await tokenFor(t.db(), { id: userId }));
  if (!('actor' in resolved)) throw new Error('no actor');
  return resolved.actor;
}

async function apply(talentId: string, evaluation: Record<string, unknown>) {
  const [row] = await t
    .db()
    .insert(policyApplications)
    .values({ talentId, policyCode: 'JP-901', version: '1.0.0', periodKey: 'once', zoneCode: 'jkq', evaluation, status: 'submitted', materials: [{ code: 'id_card', provided: true }] })
    .returning();
  return row!;
}

describe('staff application detail', () => {
  it('phrases the snapshot in the third person, names materials and carries the talent number', async () => {
    const policy = await seedSimplePolicy(t.db());
    const talent = await makeTalent(t.db(), { profile: { nationality: 'JP' } });
    const [r] = evaluateAll({ nationality: 'JP' }, [policy], [], '2026-06-01');
    const app = await apply(talent.id, { status: r!.status, evalDate: '2026-06-01', criteria: r!.criteria });
    const staff = await makeUser(t.db(), 'zone_staff', { zoneCode: 'jkq' });
    const a = await getApplicationForStaff(await actorOf(staff.id), app.id);
    expect(a.materialNames).toEqual({ id_card: { zh: '身份证', en: 'ID card' } });
    expect(a.evaluation.criteria).toHaveLength(1);
    const c = a.evaluation.criteria[0]!;
    expect(c.id).toBe('c_cn');
    expect(c.text).toEqual({ zh: '国籍须为中国（申请人填写的是：日本）', en: 'Nationality must be China (the applicant entered: Japan)' });
    // The talent's own view of the same snapshot stays in the second person.
    expect(c.explanation!.zh).toBe('国籍须为中国（您填写的是：日本）');
    expect(a.talent.id).toBe(talent.id);
    expect(a.talent.number).toMatch(new RegExp(`^JP\\d{4}-${talent.id.slice(0, 8).toUpperCase()}$`));
  });

  it('a snapshot taken before facts were stored reads the criterion from its policy version, never its id', async () => {
    await seedSimplePolicy(t.db());
    const talent = await makeTalent(t.db());
    const app = await apply(talent.id, { status: 'ELIGIBLE', criteria: [{ id: 'c_cn', result: 'MET', explanation: { zh: '符合：国籍 = CN（当前：CN）', en: 'Met: nationality = CN' } }, { id: 'c_gone', result: 'MET' }] });
    const staff = await makeUser(t.db(), 'zone_staff', { zoneCode: 'jkq' });
    const a = await getApplicationForStaff(await actorOf(staff.id), app.id);
    expect(a.evaluation.criteria.map((c) => c.text.zh)).toEqual(['国籍须为中国', '（该条件已不在此版本中）']);
    expect(a.evaluation.criteria.map((c) => c.text.en)).toEqual(['Nationality must be China', '(criterion no longer in this version)']);
  });
});
