import { z } from 'zod';
import { CRAFT_CODES } from '@/lib/talent/crafts';

export const creditInput = z.strictObject({
  step: z.enum(CRAFT_CODES),
  /** A registered talent who did this step (they confirm or decline), or just a name. */
  talentId: z.uuid().optional(),
  name: z.string().trim().min(1, 'validation.nameInvalid').max(40, 'validation.nameInvalid').optional(),
});

export const workInput = z
  .strictObject({
    title: z.string().trim().min(1, 'validation.required').max(80, 'validation.titleTooLong'),
    year: z.number().int().min(1900).max(2100).nullish(),
    size: z.string().trim().max(60).nullish(),
    techniques: z.array(z.enum(CRAFT_CODES)).max(20).default([]),
    description: z.string().trim().max(2000).nullish(),
    visibility: z.enum(['public', 'private']).default('private'),
    credits: z.array(creditInput).max(20).default([]),
  })
  .superRefine((v, ctx) => {
    v.credits.forEach((c, i) => {
      if (!c.talentId && !c.name) ctx.addIssue({ code: 'custom', path: ['credits', i, 'name'], message: 'validation.required' });
    });
  });
export type WorkInput = z.input<typeof workInput>;

export const workIdParam = z.strictObject({ id: z.uuid() });
export const workImageParams = z.strictObject({ id: z.uuid(), imageId: z.uuid() });
export const imageVariantQuery = z.strictObject({ size: z.enum(['full', 'thumb']).default('full') });
export const creditRespondInput = z.strictObject({ id: z.uuid(), accept: z.boolean() });

export const creditDto = z.object({
  id: z.uuid(),
  step: z.string(),
  talent_id: z.uuid().nullable(),
  name: z.string(),
  status: z.enum(['pending', 'confirmed', 'declined']),
});
export const workDto = z.object({
  id: z.uuid(),
  owner_id: z.uuid(),
  title: z.string(),
  year: z.number().int().nullable(),
  size: z.string().nullable(),
  techniques: z.array(z.string()),
  description: z.string().nullable(),
  visibility: z.enum(['public', 'private']),
  images: z.array(z.object({ id: z.uuid(), width: z.number().int(), height: z.number().int(), url: z.string(), thumb_url: z.string() })),
  credits: z.array(creditDto),
  created_at: z.iso.datetime(),
});
export type WorkDto = z.infer<typeof workDto>;

export const evidenceSubmitFields = z.strictObject({
  subject: z.enum(['title', 'honour', 'ich', 'award']),
  itemId: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/).optional(),
  note: z.string().trim().max(500).optional(),
});

export const evidenceReviewInput = z
  .strictObject({
    decision: z.enum(['verified', 'rejected']),
    reason: z.string().trim().max(500).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.decision === 'rejected' && (!v.reason || v.reason.length < 2)) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'validation.rejectReasonRequired' });
  });

export const evidenceDto = z.object({
  id: z.uuid(),
  talent_id: z.uuid(),
  talent_name: z.string().optional(),
  subject: z.enum(['title', 'honour', 'ich', 'award']),
  item_id: z.string().nullable(),
  claim: z.record(z.string(), z.unknown()),
  note: z.string().nullable(),
  status: z.enum(['pending', 'verified', 'rejected']),
  reason: z.string().nullable(),
  created_at: z.iso.datetime(),
  reviewed_at: z.iso.datetime().nullable(),
  file_url: z.string(),
});
export type EvidenceDto = z.infer<typeof evidenceDto>;
