import 'server-only';
import { z } from 'zod';
import { defineRoute } from '@/lib/api/route';
import { APPLICATION_STATUSES, applicationListQuery, applyForPolicy, applyInput, decideApplication, decideInput, listApplications, listMyApplications, withdrawApplication } from './applications';
import { createPolicy, createPolicyInput, deleteDraft, policyMetaInput, publishInput, publishVersion, retireVersion, saveDraft, saveDraftInput, updatePolicyMeta } from './editor';
import { exportPolicyMatches, matchesExportQuery, matchesQuery, matchesResponse, policyMatches } from './matches';
import { previewInput, previewVersion } from './preview';
import { listPushRuns, PUSH_RUN_STATUSES, pushPolicyAsStaff } from './push';
import { evaluateInput, evaluateResponse, myMatchesResponse, policyCodeSchema, policyDetailSchema, policyListQuery, policySummarySchema } from './schemas';
import { catalogueListTag, evaluatePublic, getPolicy, listPolicies, myMatches } from './service';
import { isoDate } from '@/lib/talent/profile-schema';
import { readUpload } from '@/lib/uploads/form';
import { applicationMaterialFile, materialFileDto, materialFileParams, materialUploadFields, myMaterialFile, uploadApplicationMaterial } from './materials';

const codeParams = z.strictObject({ code: policyCodeSchema });
const versionParams = z.strictObject({ code: policyCodeSchema, version: z.string().regex(/^\d+\.\d+\.\d+$/) });
const idParams = z.strictObject({ id: z.uuid() });

const applicationDto = z.object({
  id: z.string(),
  policyCode: z.string(),
  policyTitle: z.object({ zh: z.string(), en: z.string() }),
  version: z.string(),
  origin: z.enum(['applied', 'auto']),
  status: z.enum(APPLICATION_STATUSES),
  periodKey: z.string(),
  materials: z.array(z.object({ code: z.string(), provided: z.boolean(), note: z.string().nullish() })),
  amountEstimate: z.number().nullable(),
  amountIsCeiling: z.boolean().describe('The amount is a ceiling (a loan, an interest subsidy, a finance policy), not money received'),
  benefitKind: z.string().nullable().describe('The benefit kind of the version applied for'),
  category: z.string().nullable(),
  evaluationStatus: z.string().nullable(),
  note: z.string().nullable(),
  decisionReason: z.string().nullable(),
  decidedAt: z.string().nullable(),
  createdAt: z.string(),
  talent: z.object({ id: z.string(), name: z.string() }).optional(),
  files: z.array(materialFileDto).optional(),
});
const versionRef = z.object({ code: z.string(), version: z.string(), status: z.enum(['draft', 'active', 'retired']) });
const pushRun = z.object({
  id: z.uuid(),
  policyCode: z.string(),
  version: z.string().nullable(),
  trigger: z.enum(['publish', 'manual']),
  status: z.enum(PUSH_RUN_STATUSES),
  scanned: z.number().int(),
  eligible: z.number().int(),
  notified: z.number().int(),
  grants: z.number().int(),
  error: z.string().nullable(),
  createdAt: z.iso.datetime(),
  startedAt: z.iso.datetime().nullable(),
  finishedAt: z.iso.datetime().nullable(),
});

export const evaluatePoliciesRoute = defineRoute({
  id: 'evaluatePolicies',
  method: 'POST',
  path: '/api/v1/policies/evaluate',
  summary: '政策计算器: evaluate a canonical §6.2 profile against every policy in force; public, rate-limited, stores nothing',
  tags: ['policies'],
  access: 'public',
  body: evaluateInput,
  response: evaluateResponse,
  maxBodyBytes: 32_768,
  handler: ({ body, ip }) => evaluatePublic(body, { ip }),
});

export const listPoliciesRoute = defineRoute({
  id: 'listPolicies',
  method: 'GET',
  path: '/api/v1/policies',
  summary: 'The policy catalogue (published policies; staff also see drafts). provenance ≠ published = demo data',
  tags: ['policies'],
  access: 'public',
  query: policyListQuery,
  response: z.object({ items: z.array(policySummarySchema), total: z.number() }),
  async handler({ req, actor, query, locale }) {
    // A conditional GET (If-None-Match) answers 304 while the catalogue, the day and the audience are unchanged.
    const etag = await catalogueListTag(actor, query);
    const headers = { etag, 'cache-control': 'private, no-cache', vary: 'Authorization, Cookie, Accept-Language', 'content-language': locale };
    const given = req.headers.get('if-none-match');
    if (given && given.split(',').some((t) => t.trim() === etag)) return new Response(null, { status: 304, headers });
    return new Response(JSON.stringify(await listPolicies(actor, query)), { status: 200, headers: { ...headers, 'content-type': 'application/json; charset=utf-8' } });
  },
});

export const getPolicyRoute = defineRoute({
  id: 'getPolicy',
  method: 'GET',
  path: '/api/v1/policies/{code}',
  summary: 'One policy with its versions (criteria, benefit, application, golden cases, changelog)',
  tags: ['policies'],
  access: 'public',
  params: codeParams,
  response: policyDetailSchema,
  handler: ({ actor, params }) => getPolicy(actor, params.code),
});

export const createPolicyRoute = defineRoute({
  id: 'createPolicy',
  method: 'POST',
  path: '/api/v1/policies',
  summary: 'Create a policy with its first draft version (validated: unknown field or op, value types, gates, cycles)',
  tags: ['policies'],
  access: 'policies.manage',
  body: createPolicyInput,
  response: versionRef,
  status: 201,
  maxBodyBytes: 131_072,
  handler: ({ actor, body, ip }) => createPolicy(actor, body, { ip }),
});

export const updatePolicyRoute = defineRoute({
  id: 'updatePolicy',
  method: 'PATCH',
  path: '/api/v1/policies/{code}',
  summary: 'Change policy metadata (titles, summary, issuer, tags, sources, provenance); criteria change through versions',
  tags: ['policies'],
  access: 'policies.manage',
  params: codeParams,
  body: policyMetaInput.omit({ code: true }),
  response: z.object({ code: z.string() }),
  handler: ({ actor, params, body, ip }) => updatePolicyMeta(actor, params.code, body, { ip }),
});

export const saveDraftRoute = defineRoute({
  id: 'savePolicyDraft',
  method: 'PUT',
  path: '/api/v1/policies/{code}/versions/{version}',
  summary: 'Create or replace a draft version; a published version is immutable (409)',
  tags: ['policies'],
  access: 'policies.manage',
  params: versionParams,
  body: saveDraftInput,
  response: versionRef,
  maxBodyBytes: 131_072,
  handler: ({ actor, params, body, ip }) => saveDraft(actor, params.code, params.version, body.version, { ip }),
});

export const deleteDraftRoute = defineRoute({
  id: 'deletePolicyDraft',
  method: 'DELETE',
  path: '/api/v1/policies/{code}/versions/{version}',
  summary: 'Discard a draft version (published versions cannot be deleted)',
  tags: ['policies'],
  access: 'policies.manage',
  params: versionParams,
  response: z.object({ code: z.string(), version: z.string(), deleted: z.boolean() }),
  handler: ({ actor, params, ip }) => deleteDraft(actor, params.code, params.version, { ip }),
});

export const publishVersionRoute = defineRoute({
  id: 'publishPolicyVersion',
  method: 'POST',
  path: '/api/v1/policies/{code}/versions/{version}/publish',
  summary: 'Publish a draft as an immutable active version with a changelog note. The push to newly eligible talents runs in the background: `push` is its queued run (follow it with GET /api/v1/policies/{code}/push-runs)',
  tags: ['policies'],
  access: 'policies.manage',
  params: versionParams,
  body: publishInput,
  response: versionRef.extend({ supersedes: z.string().nullable(), push: pushRun }),
  handler: ({ actor, params, body, ip }) => publishVersion(actor, params.code, params.version, body, { ip }),
});

export const retireVersionRoute = defineRoute({
  id: 'retirePolicyVersion',
  method: 'POST',
  path: '/api/v1/policies/{code}/versions/{version}/retire',
  summary: 'Retire an active version (kept for history; no longer evaluated)',
  tags: ['policies'],
  access: 'policies.manage',
  params: versionParams,
  response: versionRef,
  handler: ({ actor, params, ip }) => retireVersion(actor, params.code, params.version, { ip }),
});

export const previewPolicyRoute = defineRoute({
  id: 'previewPolicyVersion',
  method: 'POST',
  path: '/api/v1/policies/{code}/preview',
  summary: 'Validate a version document and preview it against its golden cases and sample talents of my zone (saves nothing)',
  tags: ['policies'],
  access: 'policies.manage',
  params: codeParams,
  body: previewInput,
  maxBodyBytes: 131_072,
  response: z.object({
    valid: z.boolean(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })),
    golden: z.array(z.object({ name: z.string(), expect: z.string(), actual: z.string(), expectedAmount: z.number().nullish(), actualAmount: z.number().nullable(), pass: z.boolean(), error: z.string().optional() })),
    sample: z.object({ evalDate: z.string(), counts: z.record(z.string(), z.number()), talents: z.array(z.object({ id: z.string(), name: z.string(), status: z.string(), amountEstimate: z.number().nullable() })) }),
  }),
  handler: ({ actor, params, body, ip }) => previewVersion(actor, params.code, body, { ip }),
});

export const policyMatchesRoute = defineRoute({
  id: 'policyMatches',
  method: 'GET',
  path: '/api/v1/policies/{code}/matches',
  summary: 'Policy → people: talents of my zone by status (SQL prefilter + exact evaluation)',
  tags: ['policies'],
  access: 'policies.match',
  params: codeParams,
  query: matchesQuery,
  response: matchesResponse,
  handler: ({ actor, params, query, ip }) => policyMatches(actor, params.code, query, ip),
});

export const policyMatchesExportRoute = defineRoute({
  id: 'exportPolicyMatches',
  method: 'GET',
  path: '/api/v1/policies/{code}/matches/export',
  summary: 'CSV of the matches of my zone (UTF-8 with BOM), audited with the stated purpose',
  tags: ['policies'],
  access: 'policies.match',
  params: codeParams,
  query: matchesExportQuery,
  handler: ({ actor, params, query, locale, ip }) => exportPolicyMatches(actor, params.code, query, locale, ip),
});

export const pushPolicyRoute = defineRoute({
  id: 'pushPolicy',
  method: 'POST',
  path: '/api/v1/policies/{code}/push',
  summary: '免申即享 / proactive push for one policy, run in the background: notify newly eligible talents, queue automatic grants (idempotent). Answers the queued run',
  tags: ['policies'],
  access: 'policies.manage',
  params: codeParams,
  response: pushRun,
  handler: ({ actor, params, ip }) => pushPolicyAsStaff(actor, params.code, { ip }),
});

export const listPushRunsRoute = defineRoute({
  id: 'listPolicyPushRuns',
  method: 'GET',
  path: '/api/v1/policies/{code}/push-runs',
  summary: 'The latest pushes of a policy (newest first, at most 10) with their progress and reports',
  tags: ['policies'],
  access: 'policies.read_drafts',
  params: codeParams,
  response: z.object({ items: z.array(pushRun) }),
  handler: ({ actor, params, ip }) => listPushRuns(actor, params.code, { ip }),
});

export const myMatchesRoute = defineRoute({
  id: 'myMatches',
  method: 'GET',
  path: '/api/v1/me/matches',
  summary: '我的政策: my profile against every policy in force, with the next question to answer',
  tags: ['policies'],
  access: 'matches.read_own',
  query: z.strictObject({ evalDate: isoDate.optional() }),
  response: myMatchesResponse,
  handler: ({ actor, query, ip }) => myMatches(actor, { evalDate: query.evalDate, ip }),
});

export const myApplicationsRoute = defineRoute({
  id: 'myApplications',
  method: 'GET',
  path: '/api/v1/me/applications',
  summary: 'My applications and automatic grants with their status',
  tags: ['applications'],
  access: 'applications.read_own',
  response: z.object({ items: z.array(applicationDto) }),
  handler: ({ actor, ip }) => listMyApplications(actor, { ip }),
});

export const applyRoute = defineRoute({
  id: 'applyForPolicy',
  method: 'POST',
  path: '/api/v1/me/applications',
  summary: 'Apply for a policy I am ELIGIBLE for (or NEEDS_REVIEW), confirming the listed materials',
  tags: ['applications'],
  access: 'applications.submit',
  body: applyInput,
  response: applicationDto,
  status: 201,
  handler: ({ actor, body, ip }) => applyForPolicy(actor, body, { ip }),
});

export const withdrawApplicationRoute = defineRoute({
  id: 'withdrawApplication',
  method: 'POST',
  path: '/api/v1/me/applications/{id}/withdraw',
  summary: 'Withdraw my application while it is still submitted',
  tags: ['applications'],
  access: 'applications.submit',
  params: idParams,
  response: applicationDto,
  handler: ({ actor, params, ip }) => withdrawApplication(actor, params.id, { ip }),
});

export const listApplicationsRoute = defineRoute({
  id: 'listApplications',
  method: 'GET',
  path: '/api/v1/applications',
  summary: 'The review queue of my zone (applications and 免申即享 grants)',
  tags: ['applications'],
  access: 'applications.read',
  query: applicationListQuery,
  response: z.object({ items: z.array(applicationDto) }),
  handler: ({ actor, query, ip }) => listApplications(actor, query, { ip }),
});

export const decideApplicationRoute = defineRoute({
  id: 'decideApplication',
  method: 'POST',
  path: '/api/v1/applications/{id}/decision',
  summary: '二次确认 (approve) or reject with a reason; approval marks the benefit as receiving/received',
  tags: ['applications'],
  access: 'applications.review',
  params: idParams,
  body: decideInput,
  response: applicationDto,
  handler: ({ actor, params, body, ip }) => decideApplication(actor, params.id, body, { ip }),
});

export const uploadApplicationMaterialRoute = defineRoute({
  id: 'uploadApplicationMaterial',
  method: 'POST',
  path: '/api/v1/me/applications/materials',
  summary: 'Upload the file for one listed material of a policy (PDF, JPEG, PNG or WebP up to 10 MB); submit references it by id',
  tags: ['applications'],
  access: 'applications.submit',
  multipart: { fileField: 'file' },
  body: materialUploadFields,
  response: materialFileDto,
  status: 201,
  async handler({ actor, req, ip }) {
    const { bytes, fields, fileName } = await readUpload(req, 'file');
    return uploadApplicationMaterial(actor, { policyCode: fields.policyCode ?? '', code: fields.code ?? '' }, bytes, fileName, { ip });
  },
});

export const myApplicationMaterialFileRoute = defineRoute({
  id: 'myApplicationMaterialFile',
  method: 'GET',
  path: '/api/v1/me/applications/materials/{materialId}',
  summary: 'One of my uploaded material files (before or after submission)',
  tags: ['applications'],
  access: 'applications.read_own',
  params: materialFileParams.pick({ materialId: true }),
  handler: ({ actor, params, ip }) => myMaterialFile(actor, params.materialId, { ip }),
});

export const applicationMaterialFileRoute = defineRoute({
  id: 'applicationMaterialFile',
  method: 'GET',
  path: '/api/v1/applications/{id}/materials/{materialId}',
  summary: 'A material file of an application, for the applicant or staff of its zone (audited read)',
  tags: ['applications'],
  access: 'authenticated',
  params: materialFileParams,
  handler: ({ actor, params, ip }) => applicationMaterialFile(actor, params.id, params.materialId, { ip }),
});
