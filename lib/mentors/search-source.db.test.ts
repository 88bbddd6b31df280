/**
 * The mentors search source (issue 12 §3): public mentors only, an allow-list of public fields, removal (null) when a
 * mentor is gone or not public, and every public mentor in loadAll's pages.
 */
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { mentors, talentProfiles, users } from '@/db/schema';
import { setupTestDb } from '@/tests/helpers/db';
import { makeTalent } from '@/tests/helpers/factories';
import { mentorSearchSource } from './search-source';

const { db } = setupTestDb();

const ALLOWED = ['id', 'name', 'crafts', 'titles', 'honours', 'ichLevel', 'verified', 'district', 'studio', 'bio', 'works', 'acceptsApprentices', 'openPlaces', 'demo', 'updatedAt', 'url'].sort();

describe('mentor search documents', () => {
  it('holds public fields only; a linked mentor without the public-display opt-in is removed', async () => {
    const [unlinked] = await db()
      .insert(mentors)
      .values({ displayName: '陈青花', district: '珠山区', studioLocation: '陶溪川 B 区', crafts: ['qinghua_fill'], credentials: [{ kind: 'honour', label: '省级工艺美术大师' }], bio: '青花分水四十年', acceptsApprentices: true, maxApprentices: 2, demo: true })
      .returning();
    const shown = await makeTalent(db(), { phone: '13800138000', profile: { showcaseEnabled: true, crafts: ['famille_rose'], birthDate: '1970-05-01', ichLevel: 'provincial', ichProject: '景德镇手工制瓷技艺', titleLevel: '正高', titleDate: '2015-01-01' } });
    const hidden = await makeTalent(db(), { profile: { showcaseEnabled: false, crafts: ['sculpture'] } });
    const [linked] = await db().insert(mentors).values({ displayName: '刘粉彩', district: '昌江区', talentId: shown.id }).returning();
    const [secret] = await db().insert(mentors).values({ displayName: '不公开', district: '昌江区', talentId: hidden.id }).returning();
    const docs = await mentorSearchSource.load([unlinked!.id, linked!.id, secret!.id, 'not-a-uuid']);
    expect(docs.get(secret!.id)).toBeNull();
    expect(docs.get('not-a-uuid')).toBeNull();
    const u = docs.get(unlinked!.id)!;
    expect(Object.keys(u).sort()).toEqual(ALLOWED);
    expect(u).toMatchObject({ name: '陈青花', crafts: ['青花（分水/混水）', 'qinghua_fill'], honours: ['省级工艺美术大师'], verified: false, district: '珠山区', studio: '陶溪川 B 区', acceptsApprentices: true, openPlaces: 2, demo: true, url: `/mentors/${unlinked!.id}` });
    const l = docs.get(linked!.id)!;
    expect(l).toMatchObject({ crafts: ['粉彩', 'famille_rose'], titles: ['正高'], honours: ['景德镇手工制瓷技艺'], ichLevel: 'provincial', acceptsApprentices: false, openPlaces: 0 });
    const text = JSON.stringify([...docs.values()]);
    expect(text).not.toMatch(/13800138000|1970-05-01|birth|phone/);
    // An administrator disables the talent's account: the page and its document go (and come back when re-enabled).
    await db().update(users).set({ disabledAt: new Date() }).where(eq(users.id, shown.id));
    expect((await mentorSearchSource.load([linked!.id])).get(linked!.id)).toBeNull();
    await db().update(users).set({ disabledAt: null }).where(eq(users.id, shown.id));
    expect((await mentorSearchSource.load([linked!.id])).get(linked!.id)).not.toBeNull();
    // The talent withdraws the opt-in: the mentor's document goes.
    await db().update(talentProfiles).set({ showcaseEnabled: false }).where(eq(talentProfiles.userId, shown.id));
    expect((await mentorSearchSource.load([linked!.id])).get(linked!.id)).toBeNull();
    // loadAll pages every public mentor.
    const all: string[] = [];
    for await (const page of mentorSearchSource.loadAll()) all.push(...page.map((d) => d.id));
    expect(all).toEqual([unlinked!.id]);
    expect(mentorSearchSource.events).toEqual(['mentor.changed']);
    expect(mentorSearchSource.idsOf!({ aggregateId: unlinked!.id, payload: {} })).toEqual([unlinked!.id]);
  });
});
