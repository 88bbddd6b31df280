import { z } from 'zod';
import { CRAFT_CODES } from '@/lib/talent/crafts';
import { JDZ_DISTRICT_OPTIONS } from '@/lib/talent/zones';
import { MENTORSHIP_ACTIONS, MENTORSHIP_STATUSES } from './core';

/** Zod schemas of the mentors domain (issue 12), shared by the forms, the server actions and the API (OpenAPI). */

const text = (max: number, key = 'mentors.tooLong') => z.string().trim().max(max, key);
const optionalText = (max: number) =>
  text(max)
    .nullish()
    .transform((v) => (v ? v : null));

export const mentorCredentialInput = z.strictObject({
  kind: z.enum(['title', 'honour', 'ich']),
  label: text(60).min(1, 'validation.required'),
  year: z.number().int().min(1950).max(2100).nullish(),
});

export const mentorWorkInput = z.strictObject({
  title: text(80).min(1, 'validation.required'),
  year: z.number().int().min(1900).max(2100).nullish(),
});

/** The fields every mentor profile has (an unlinked one's crafts and credentials are entered here). */
const mentorFields = {
  displayName: text(40).min(1, 'validation.required'),
  district: z.enum(JDZ_DISTRICT_OPTIONS),
  studioLocation: optionalText(120),
  bio: optionalText(2000),
  acceptsApprentices: z.boolean(),
  maxApprentices: z.number().int().min(0, 'mentors.maxInvalid').max(50, 'mentors.maxInvalid'),
};

const acceptingNeedsPlaces = (v: { acceptsApprentices: boolean; maxApprentices: number }, ctx: z.RefinementCtx) => {
  if (v.acceptsApprentices && v.maxApprentices < 1) ctx.addIssue({ code: 'custom', path: ['maxApprentices'], message: 'mentors.maxNeeded' });
};

/** Staff record a mentor without an account (unlinked): crafts, credentials and works are entered, not verified. */
export const mentorInput = z
  .strictObject({
    ...mentorFields,
    crafts: z.array(z.enum(CRAFT_CODES)).min(1, 'validation.required').max(10),
    credentials: z.array(mentorCredentialInput).max(10).default([]),
    works: z.array(mentorWorkInput).max(20).default([]),
    demo: z.boolean().default(false),
  })
  .superRefine(acceptingNeedsPlaces);
export type MentorInput = z.input<typeof mentorInput>;

/** PATCH: any subset of the staff fields. */
export const mentorPatch = z
  .strictObject({
    displayName: mentorFields.displayName.optional(),
    district: mentorFields.district.optional(),
    studioLocation: mentorFields.studioLocation.optional(),
    bio: mentorFields.bio.optional(),
    acceptsApprentices: z.boolean().optional(),
    maxApprentices: mentorFields.maxApprentices.optional(),
    crafts: z.array(z.enum(CRAFT_CODES)).min(1, 'validation.required').max(10).optional(),
    credentials: z.array(mentorCredentialInput).max(10).optional(),
    works: z.array(mentorWorkInput).max(20).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'validation.required' });
export type MentorPatch = z.input<typeof mentorPatch>;

/**
 * A talent's own mentor profile (linked to their account): crafts, title, honours, ICH status and works come from
 * their profile and portfolio with the verification state, so only these fields are entered.
 */
export const myMentorInput = z.strictObject(mentorFields).superRefine(acceptingNeedsPlaces);
export type MyMentorInput = z.input<typeof myMentorInput>;

const flag = z
  .enum(['1', '0', 'true', 'false'])
  .optional()
  .transform((v) => (v === undefined ? undefined : v === '1' || v === 'true'));

export const mentorListQuery = z.strictObject({
  craft: z.enum(CRAFT_CODES).optional(),
  district: z.enum(JDZ_DISTRICT_OPTIONS).optional(),
  accepting: flag,
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(12),
});
export type MentorListQuery = z.output<typeof mentorListQuery>;

export const mentorIdParam = z.strictObject({ id: z.uuid() });

export const credentialDto = z.object({
  kind: z.enum(['title', 'honour', 'ich']),
  label: z.string(),
  level: z.string().nullable(),
  year: z.number().int().nullable(),
  /** verified / pending / claimed: from the linked talent's evidence; recorded: entered by staff, not verified. */
  state: z.enum(['verified', 'pending', 'claimed', 'recorded']),
});

export const mentorCardDto = z.object({
  id: z.uuid(),
  name: z.string(),
  linked: z.boolean(),
  demo: z.boolean(),
  crafts: z.array(z.string()),
  credentials: z.array(credentialDto),
  district: z.string(),
  studioLocation: z.string().nullable(),
  bioExcerpt: z.string().nullable(),
  acceptsApprentices: z.boolean(),
  maxApprentices: z.number().int(),
  freePlaces: z.number().int(),
});
export type MentorCardDto = z.infer<typeof mentorCardDto>;

export const mentorDto = mentorCardDto.extend({
  bio: z.string().nullable(),
  works: z.array(z.object({ id: z.uuid().nullable(), title: z.string(), year: z.number().int().nullable(), thumbUrl: z.string().nullable() })),
  /** Apprentices recorded through the portal (accepted mentorships), a count only. */
  portalApprentices: z.number().int(),
  /** Whether the profile is shown to the public (a linked mentor needs the talent's public-display opt-in). */
  published: z.boolean(),
  /** The viewer's relation: their own profile, and their open request to this mentor. */
  mine: z.boolean(),
  myRequest: z.object({ id: z.uuid(), status: z.enum(MENTORSHIP_STATUSES) }).nullable(),
});
export type MentorDto = z.infer<typeof mentorDto>;

export const mentorListDto = z.object({ items: z.array(mentorCardDto), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });

export const mentorshipRequestInput = z.strictObject({
  mentorId: z.uuid(),
  message: text(1000).min(2, 'mentors.messageRequired'),
});
export type MentorshipRequestInput = z.input<typeof mentorshipRequestInput>;

const isoDate = z.iso.date();

/** accept carries the agreement (start date, months); every action may carry a message. */
export const mentorshipActionBody = z.strictObject({
  message: optionalText(1000),
  startDate: isoDate.optional(),
  months: z.number().int().min(1, 'mentors.monthsInvalid').max(120, 'mentors.monthsInvalid').optional(),
});
export type MentorshipActionBody = z.input<typeof mentorshipActionBody>;

export const mentorshipActionParams = z.strictObject({ id: z.uuid(), action: z.enum(MENTORSHIP_ACTIONS) });

export const mentorshipActionInput = z
  .strictObject({ id: z.uuid(), action: z.enum(MENTORSHIP_ACTIONS), message: optionalText(1000), startDate: isoDate.optional(), months: z.number().int().min(1, 'mentors.monthsInvalid').max(120, 'mentors.monthsInvalid').optional() })
  .superRefine((v, ctx) => {
    if (v.action === 'decline' && !v.message) ctx.addIssue({ code: 'custom', path: ['message'], message: 'mentors.messageRequired' });
  });
export type MentorshipActionInput = z.input<typeof mentorshipActionInput>;

export const mentorshipDto = z.object({
  id: z.uuid(),
  mentorId: z.uuid(),
  mentorName: z.string(),
  apprenticeName: z.string(),
  status: z.enum(MENTORSHIP_STATUSES),
  requestMessage: z.string(),
  responseMessage: z.string().nullable(),
  startDate: z.string().nullable(),
  months: z.number().int().nullable(),
  createdAt: z.iso.datetime(),
  respondedAt: z.iso.datetime().nullable(),
  /** The steps the viewer may take now. */
  actions: z.array(z.enum(MENTORSHIP_ACTIONS)),
});
export type MentorshipDto = z.infer<typeof mentorshipDto>;

export const myMentorshipsDto = z.object({
  /** Requests I made as an apprentice. */
  sent: z.array(mentorshipDto),
  /** Requests to my mentor profile (empty without one). */
  received: z.array(mentorshipDto),
  /** My mentor profile's id, if I have one. */
  mentorId: z.uuid().nullable(),
});
export type MyMentorshipsDto = z.infer<typeof myMentorshipsDto>;
