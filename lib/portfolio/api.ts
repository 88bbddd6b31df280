import 'server-only';
import { z } from 'zod';
import { defineRoute } from '@/lib/api/route';
import { readUpload } from '@/lib/uploads/form';
import { creditRespondInput, evidenceDto, evidenceReviewInput, evidenceSubmitFields, imageVariantQuery, workDto, workIdParam, workImageParams, workInput } from './schemas';
import {
  addWorkImage,
  createWork,
  deleteWork,
  evidenceFileResponse,
  listEvidenceQueue,
  listMyCreditRequests,
  listMyEvidence,
  listMyWorks,
  respondToCredit,
  reviewEvidence,
  submitEvidence,
  updateWork,
  workImageResponse,
} from './service';

export const listMyWorksRoute = defineRoute({
  id: 'listMyWorks',
  method: 'GET',
  path: '/api/v1/me/works',
  summary: 'My works with images and process-step credits',
  tags: ['portfolio'],
  access: 'works.manage',
  response: z.object({ items: z.array(workDto) }),
  handler: async ({ actor }) => ({ items: await listMyWorks(actor) }),
});

export const createWorkRoute = defineRoute({
  id: 'createWork',
  method: 'POST',
  path: '/api/v1/me/works',
  summary: 'Create a work (title, year, size, techniques, visibility, credits per process step)',
  tags: ['portfolio'],
  access: 'works.manage',
  body: workInput,
  response: workDto,
  status: 201,
  handler: ({ actor, body, ip }) => createWork(actor, body, ip),
});

export const updateWorkRoute = defineRoute({
  id: 'updateWork',
  method: 'PUT',
  path: '/api/v1/me/works/{id}',
  summary: 'Replace a work’s details and credits',
  tags: ['portfolio'],
  access: 'works.manage',
  params: workIdParam,
  body: workInput,
  response: workDto,
  handler: ({ actor, params, body, ip }) => updateWork(actor, params.id, body, ip),
});

export const deleteWorkRoute = defineRoute({
  id: 'deleteWork',
  method: 'DELETE',
  path: '/api/v1/me/works/{id}',
  summary: 'Delete a work and its images',
  tags: ['portfolio'],
  access: 'works.manage',
  params: workIdParam,
  status: 204,
  async handler({ actor, params, ip }) {
    await deleteWork(actor, params.id, ip);
    return new Response(null, { status: 204 });
  },
});

export const addWorkImageRoute = defineRoute({
  id: 'addWorkImage',
  method: 'POST',
  path: '/api/v1/me/works/{id}/images',
  summary: 'Upload an image (JPEG, PNG or WebP up to 10 MB; re-encoded, metadata stripped)',
  tags: ['portfolio'],
  access: 'works.manage',
  params: workIdParam,
  multipart: { fileField: 'file' },
  response: workDto,
  status: 201,
  async handler({ actor, params, req, ip }) {
    const { bytes } = await readUpload(req, 'file');
    return addWorkImage(actor, params.id, bytes, ip);
  },
});

export const getWorkImageRoute = defineRoute({
  id: 'getWorkImage',
  method: 'GET',
  path: '/api/v1/works/{id}/images/{imageId}',
  summary: 'A work image (public works, or the owner)',
  tags: ['portfolio'],
  access: 'public',
  params: workImageParams,
  query: imageVariantQuery,
  handler: ({ actor, params, query, ip }) => workImageResponse(actor, params.id, params.imageId, query.size, { ip }),
});

export const listMyCreditsRoute = defineRoute({
  id: 'listMyCredits',
  method: 'GET',
  path: '/api/v1/me/credits',
  summary: 'Credits other talents gave me on their works, to confirm or decline',
  tags: ['portfolio'],
  access: 'credits.respond',
  handler: async ({ actor }) => ({ items: await listMyCreditRequests(actor) }),
});

export const respondCreditRoute = defineRoute({
  id: 'respondCredit',
  method: 'POST',
  path: '/api/v1/me/credits/{id}',
  summary: 'Confirm or decline a credit naming me',
  tags: ['portfolio'],
  access: 'credits.respond',
  params: z.strictObject({ id: z.uuid() }),
  body: creditRespondInput.omit({ id: true }),
  handler: ({ actor, params, body, ip }) => respondToCredit(actor, params.id, body.accept, ip),
});

export const listMyEvidenceRoute = defineRoute({
  id: 'listMyEvidence',
  method: 'GET',
  path: '/api/v1/me/evidence',
  summary: 'Evidence I filed and its verification state',
  tags: ['verification'],
  access: 'profile.read_own',
  response: z.object({ items: z.array(evidenceDto) }),
  handler: async ({ actor }) => ({ items: await listMyEvidence(actor) }),
});

export const submitEvidenceRoute = defineRoute({
  id: 'submitEvidence',
  method: 'POST',
  path: '/api/v1/me/evidence',
  summary: 'File evidence (an image) for a title, honour, ICH status or award in my profile',
  tags: ['verification'],
  access: 'evidence.submit',
  multipart: { fileField: 'file' },
  body: evidenceSubmitFields,
  response: evidenceDto,
  status: 201,
  async handler({ actor, req, ip }) {
    const { bytes, fields } = await readUpload(req, 'file');
    const parsed = evidenceSubmitFields.safeParse(fields);
    if (!parsed.success) {
      const { AppError } = await import('@/lib/http/errors');
      throw new AppError('VALIDATION_FAILED', { fieldErrors: Object.fromEntries(parsed.error.issues.map((i) => [i.path.join('.') || '_', [i.message]])) });
    }
    return submitEvidence(actor, parsed.data, bytes, ip);
  },
});

export const evidenceQueueRoute = defineRoute({
  id: 'evidenceQueue',
  method: 'GET',
  path: '/api/v1/evidence',
  summary: 'Verification queue of the caller’s zone',
  tags: ['verification'],
  access: 'evidence.read',
  query: z.strictObject({ status: z.enum(['pending', 'verified', 'rejected']).default('pending') }),
  response: z.object({ items: z.array(evidenceDto) }),
  handler: async ({ actor, query, ip }) => ({ items: await listEvidenceQueue(actor, query.status, ip) }),
});

export const reviewEvidenceRoute = defineRoute({
  id: 'reviewEvidence',
  method: 'POST',
  path: '/api/v1/evidence/{id}/review',
  summary: 'Verify or reject evidence (a reason is required to reject)',
  tags: ['verification'],
  access: 'evidence.review',
  params: z.strictObject({ id: z.uuid() }),
  body: evidenceReviewInput,
  response: evidenceDto,
  handler: ({ actor, params, body, ip }) => reviewEvidence(actor, params.id, body, ip),
});

export const evidenceFileRoute = defineRoute({
  id: 'evidenceFile',
  method: 'GET',
  path: '/api/v1/evidence/{id}/file',
  summary: 'The evidence image, for its owner or the zone’s staff (audited)',
  tags: ['verification'],
  access: 'authenticated',
  params: z.strictObject({ id: z.uuid() }),
  handler: ({ actor, params, ip }) => evidenceFileResponse(actor, params.id, ip),
});
