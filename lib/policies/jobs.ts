import 'server-only';
import { enqueue } from '@/lib/jobs/queue';
import { defineRecurring, subscribe } from '@/lib/jobs/registry';
import { talentProfileChanged } from '@/lib/talent/events';
import { policyDraftSaved, policyVersionPublished } from './events';
import { impactSnapshotJob } from './impact';
import { forgetWithoutConsent, refreshMatchFactsJob } from './match-facts';
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

/**
 * Precomputed match facts (ADR 018): a talent's own after each profile change, everyone's after a publish (the
 * catalogue revision moved, so every fact is out of date) and every night for the new Jingdezhen day. Until a refresh
 * has run, the reverse match evaluates the uncovered talents live: late facts cost time, never correctness.
 */
subscribe(talentProfileChanged, {
  name: 'policies.match_facts_on_profile_change',
  handler: (event, ctx) => refreshMatchFactsJob.handler({ userIds: [event.payload.talentId] }, ctx),
});

subscribe(policyVersionPublished, {
  name: 'policies.match_facts_on_publish',
  handler: (_event, { db }) => enqueue(db, refreshMatchFactsJob, {}).then(() => undefined),
});

subscribe(talentProfileChanged, {
  name: 'policies.forget_without_consent',
  handler: async (event, { db }) => {
    if (event.payload.fields.includes('consent.profile')) await forgetWithoutConsent(db, event.payload.talentId);
  },
});

defineRecurring({ name: 'policies.match_facts.nightly', schedule: { daily: '00:10' }, type: refreshMatchFactsJob.type, payload: {} });

/**
 * 政策沙盘 snapshots (ADR 021): a saved draft's comparison with the version in force for every talent, so the preview
 * counts in the database. After a save (that draft), after a publish (every draft: the catalogue moved) and every night
 * (the new day). Until one has run, the preview evaluates live: late snapshots cost time, never correctness.
 */
subscribe(policyDraftSaved, {
  name: 'policies.impact_snapshot_on_draft_saved',
  handler: (event, { db }) => enqueue(db, impactSnapshotJob, { code: event.payload.code, version: event.payload.version }).then(() => undefined),
});

subscribe(policyVersionPublished, {
  name: 'policies.impact_snapshots_on_publish',
  handler: (_event, { db }) => enqueue(db, impactSnapshotJob, {}).then(() => undefined),
});

defineRecurring({ name: 'policies.impact_snapshots.nightly', schedule: { daily: '00:20' }, type: impactSnapshotJob.type, payload: {} });
