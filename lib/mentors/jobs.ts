import 'server-only';
import { eq } from 'drizzle-orm';
import { mentors } from '@/db/schema';
import { recordEvent } from '@/lib/events';
import { subscribe } from '@/lib/jobs/registry';
import { talentProfileChanged } from '@/lib/talent/events';
import { mentorChanged } from './events';

/**
 * The mentors domain's reactions (issue 12). A linked mentor's page shows the talent's crafts, credentials and works
 * and is public only while the talent opts in to public display: when the talent's profile changes, the mentor
 * changed too — recorded as `mentor.changed` (talent_changed) so that search re-indexes it (or removes it). The
 * talent's own event names the talent, not the mentor. Idempotent: a repeated run records another harmless re-index.
 */
subscribe(talentProfileChanged, {
  name: 'mentors.changed_on_profile_change',
  handler: async (event, { db }) => {
    const [m] = await db.select({ id: mentors.id }).from(mentors).where(eq(mentors.talentId, event.payload.talentId)).limit(1);
    if (!m) return;
    await recordEvent(db, mentorChanged, m.id, { mentorId: m.id, change: 'talent_changed', mentorshipId: null }, { actorId: event.actorId });
  },
});
