import { z } from 'zod';
import { defineEvent } from '@/lib/events';

/** Events of the policy domain (issue 8). */
export const policyVersionPublished = defineEvent(
  'policy.version_published',
  'policy',
  z.object({
    code: z.string().max(20),
    version: z.string().max(20),
    supersedes: z.string().max(20).nullable(),
    /** The push run created with the publish (policy_push_runs), which the push consumer fills in. */
    pushRunId: z.uuid(),
  }),
);

/** An active version was retired (issue 12 §3: search re-reads the policy; others may react). */
export const policyVersionRetired = defineEvent(
  'policy.version_retired',
  'policy',
  z.object({
    code: z.string().max(20),
    version: z.string().max(20),
  }),
);

/** A policy's metadata (titles, summary, issuer, level, category, tags, sources) was edited. Field names only. */
export const policyMetaUpdated = defineEvent(
  'policy.meta_updated',
  'policy',
  z.object({
    code: z.string().max(20),
  }),
);

/** A draft version was saved (created or edited): its impact snapshot is computed in the background (ADR 021). */
export const policyDraftSaved = defineEvent(
  'policy.draft_saved',
  'policy',
  z.object({
    code: z.string().max(20),
    version: z.string().max(20),
  }),
);
