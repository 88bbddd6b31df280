import { z } from 'zod';
import { defineEvent } from '@/lib/events';

/**
 * Events of the talent domain (issue 8). Other domains subscribe to them (lib/<domain>/jobs.ts) instead of being
 * called from lib/talent/service.ts. Payloads carry ids and field names, never personal data.
 */
export const talentProfileChanged = defineEvent(
  'talent.profile_changed',
  'talent',
  z.object({
    talentId: z.uuid(),
    /** The profile fields written (column names), or ['consent.profile'] when the profile consent was granted or withdrawn. */
    fields: z.array(z.string().max(80)).max(200),
  }),
);
