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
