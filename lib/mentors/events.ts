import { z } from 'zod';
import { defineEvent } from '@/lib/events';

/**
 * Events of the mentors domain (issue 12). `mentor.changed` is recorded in the same transaction as every change to a
 * mentor's profile or to one of its mentorships; the aggregate id is the mentor's id. Search re-indexes the mentor
 * (lib/mentors/search-source.ts); the payload names what changed, never personal data.
 */
export const MENTOR_CHANGES = ['created', 'updated', 'claimed', 'mentorship_requested', 'mentorship_accepted', 'mentorship_declined', 'mentorship_withdrawn', 'mentorship_ended', 'talent_changed'] as const;
export type MentorChange = (typeof MENTOR_CHANGES)[number];

export const mentorChanged = defineEvent(
  'mentor.changed',
  'mentor',
  z.object({
    mentorId: z.uuid(),
    change: z.enum(MENTOR_CHANGES),
    mentorshipId: z.uuid().nullable(),
  }),
);
