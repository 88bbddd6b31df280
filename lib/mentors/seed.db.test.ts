/** The demo mentors (db/seed-mentors.ts): idempotent, all labelled demo, two linked to demo talents, 青花 findable. */
import { describe, expect, it } from 'vitest';
import { MENTOR_IDS, seedDemoMentors } from '@/db/seed-mentors';
import { setupTestDb } from '@/tests/helpers/db';
import { makeTalent } from '@/tests/helpers/factories';
import { listMentors } from './service';
import { mentorListQuery } from './schemas';

const { db } = setupTestDb();

describe('demo mentors', () => {
  it('seeds nine mentors once, two linked to demo talents; the directory lists them with 青花 first-class', async () => {
    await makeTalent(db(), { email: 'lin.qingci@demo.local', profile: { showcaseEnabled: true, crafts: ['famille_rose'], honours: [{ id: 'hn', type: '市级大师', year: 2023 }] } });
    await makeTalent(db(), { email: 'zhou.yao@demo.local', profile: { showcaseEnabled: true, crafts: ['wood_firing'], ichLevel: 'municipal', ichProject: '景德镇传统柴窑烧制技艺' } });
    expect(await seedDemoMentors(db())).toBe(9);
    expect(await seedDemoMentors(db())).toBe(0);
    const all = await listMentors(mentorListQuery.parse({ pageSize: '50' }));
    expect(all.total).toBe(9);
    expect(all.items.every((m) => m.demo)).toBe(true);
    expect(all.items.filter((m) => m.linked).map((m) => m.id).sort()).toEqual([MENTOR_IDS.linQingci, MENTOR_IDS.zhouYao].sort());
    const qinghua = await listMentors(mentorListQuery.parse({ craft: 'qinghua_fill', accepting: '1' }));
    expect(qinghua.items.map((m) => m.name)).toEqual(['汪青岚']);
    const zhou = all.items.find((m) => m.id === MENTOR_IDS.zhouYao)!;
    expect(zhou.crafts).toEqual(['wood_firing']);
    expect(zhou.credentials).toEqual([{ kind: 'ich', label: '景德镇传统柴窑烧制技艺', level: 'municipal', year: null, state: 'claimed' }]);
  });
});
