'use server';

import { createAction } from '@/lib/actions/create-action';
import { impactInput, impactPreview } from './impact';
import { policyCodeSchema } from './schemas';

/** 政策沙盘 in the editor: the same service as POST /api/v1/policies/{code}/impact (nothing saved). */
export const impactAction = createAction({
  name: 'policy.impact',
  input: impactInput.extend({ code: policyCodeSchema }),
  access: 'policies.manage',
  run: ({ code, ...input }, { actor, ip }) => impactPreview(actor, code, input, { ip }),
});
