import { z } from 'zod';
import { defineEvent } from '@/lib/events';

/**
 * Events of the portfolio domain: what a talent's public showcase shows changed (a work, its images, a credit on it,
 * or a piece of evidence staff reviewed). The cached showcases are renewed on them (lib/cache/public-pages.ts, ADR
 * 019); the payload names the talent whose page changed, never the content.
 */
export const portfolioChanged = defineEvent(
  'portfolio.changed',
  'talent',
  z.object({
    talentId: z.uuid(),
    change: z.enum(['work_created', 'work_updated', 'work_deleted', 'work_image_added', 'credit_answered', 'evidence_reviewed']),
  }),
);
