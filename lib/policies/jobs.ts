import 'server-only';
import { subscribe } from '@/lib/jobs/registry';
import { talentProfileChanged } from '@/lib/talent/events';
import { policyVersionPublished } from './events';
import { pushForTalent, runPush } from './push';

/**
 * The policy domain's background work (issue 8): the 免申即享 / proactive push as consumers of events, so neither
 * the talent service nor the publish request runs it inline. Both are idempotent (notification keys, grant guard).
 */
subscribe(talentProfileChanged, {
  name: 'policies.push_on_profile_change',
  handler: (event, { db }) => pushForTalent(db, event.payload.talentId),
});

subscribe(policyVersionPublished, {
  name: 'policies.push_on_publish',
  handler: (event, { db }) => runPush(db, event.payload.pushRunId),
});

export { runPushJob } from './push';
