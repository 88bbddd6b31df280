/**
 * A linked mentor who stops being public leaves search through the real sync path (issue 12 §3, ADR 017): the
 * talent's write records an event in its own transaction, the mentors consumer (lib/mentors/jobs.ts) turns it into
 * `mentor.changed`, and the embedded index's event cursor removes the document — no waiting for the nightly
 * reconciliation. Covered: withdrawing the profile consent (which switches public display off) and switching public
 * display off on the profile.
 */
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { domainEvents } from '@/db/schema';
import { EmbeddedSearchIndex } from '@/lib/search/embedded';
import { catchUp, ensureSearchReady, searchIndex, setSearchIndexForTests } from '@/lib/search/engine';
import { patchMyProfileRoute, setMyConsentRoute } from '@/lib/talent/api';
import { setupTestDb } from '@/tests/helpers/db';
import { bearer, makeTalent, tokenFor } from '@/tests/helpers/factories';
import { callRoute } from '@/tests/helpers/http';
import { drainJobs } from '@/tests/helpers/jobs';
import { saveMyMentorRoute } from './api';

const { db } = setupTestDb();

async function publicLinkedMentor() {
  const talent = await makeTalent(db(), { profile: { showcaseEnabled: true, crafts: ['qinghua_fill'] } });
  const h = bearer(await tokenFor(db(), talent));
  const res = await callRoute(saveMyMentorRoute, { headers: h, body: { displayName: '退出公开的师傅', district: '珠山区', acceptsApprentices: true, maxApprentices: 2 } });
  expect(res.status).toBe(200);
  return { h, mentorId: (res.json as { id: string }).id };
}

/** What the index holds for this id after the background work has run (consumers, then the cursor). */
async function indexed(id: string): Promise<boolean> {
  await drainJobs(db());
  await catchUp();
  const r = await searchIndex().search('mentors', { q: '', filter: null, facets: [], sort: [], page: 1, hitsPerPage: 100 });
  return r.hits.some((h) => h.id === id);
}

beforeEach(async () => {
  process.env.SEARCH_SYNC_MS = '0';
  setSearchIndexForTests(new EmbeddedSearchIndex());
  await ensureSearchReady();
});
afterEach(() => setSearchIndexForTests(null));

describe('a mentor who withdraws public display leaves the search index', () => {
  it('withdrawing the profile consent records an event in the same transaction; the document goes after the sync job', async () => {
    const m = await publicLinkedMentor();
    expect(await indexed(m.mentorId)).toBe(true);
    const before = (await db().select({ id: domainEvents.id }).from(domainEvents)).length;
    const res = await callRoute(setMyConsentRoute, { headers: m.h, params: { kind: 'profile' }, body: { granted: false } });
    expect(res.status).toBe(200);
    // The withdrawal itself recorded the event (committed with it), before any job ran.
    const after = await db().select({ type: domainEvents.type, payload: domainEvents.payload }).from(domainEvents).where(eq(domainEvents.type, 'talent.profile_changed'));
    expect((await db().select({ id: domainEvents.id }).from(domainEvents)).length).toBeGreaterThan(before);
    expect(after.some((e) => (e.payload as { fields: string[] }).fields.includes('consent.profile'))).toBe(true);
    expect(await indexed(m.mentorId)).toBe(false);
  });

  it('switching public display off on the profile removes the document too', async () => {
    const m = await publicLinkedMentor();
    expect(await indexed(m.mentorId)).toBe(true);
    expect((await callRoute(patchMyProfileRoute, { headers: m.h, body: { showcase_enabled: false } })).status).toBe(200);
    expect(await indexed(m.mentorId)).toBe(false);
  });
});
