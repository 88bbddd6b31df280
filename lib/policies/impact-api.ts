import 'server-only';
import { z } from 'zod';
import { defineRoute } from '@/lib/api/route';
import { impactInput, impactPreview, impactResponse } from './impact';
import { policyCodeSchema } from './schemas';

export const policyImpactRoute = defineRoute({
  id: 'policyImpact',
  method: 'POST',
  path: '/api/v1/policies/{code}/impact',
  summary:
    '政策沙盘 / impact preview: every talent of my zone under a draft version (a document, or a saved versionNo) versus the version in force — counts by status and deltas, transitions, who becomes eligible or loses it, estimated cost (finance ceilings apart). Saves nothing',
  tags: ['policies'],
  access: 'policies.manage',
  params: z.strictObject({ code: policyCodeSchema }),
  body: impactInput,
  response: impactResponse,
  maxBodyBytes: 131_072,
  handler: ({ actor, params, body, ip }) => impactPreview(actor, params.code, body, { ip }),
});
