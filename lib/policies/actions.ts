'use server';

import { z } from 'zod';
import { createAction } from '@/lib/actions/create-action';
import { applyForPolicy, applyInput, decideApplication, decideInput, withdrawApplication } from './applications';
import { createPolicy, createPolicyInput, deleteDraft, policyMetaInput, publishInput, publishVersion, retireVersion, saveDraft, saveDraftInput, updatePolicyMeta } from './editor';
import { previewInput, previewVersion } from './preview';
import { pushPolicyAsStaff } from './push';
import { evaluateInput, policyCodeSchema } from './schemas';
import { evaluatePublic } from './service';

const code = { code: policyCodeSchema };
const versionRef = { code: policyCodeSchema, version: z.string().regex(/^\d+\.\d+\.\d+$/) };

/** 政策计算器: the anonymous questionnaire re-evaluates after every answer (nothing is stored). */
export const evaluateAction = createAction({
  name: 'policy.evaluate',
  input: evaluateInput,
  access: 'public',
  run: (input, { ip }) => evaluatePublic(input, { ip }),
});

export const applyAction = createAction({
  name: 'policy.apply',
  input: applyInput,
  access: 'applications.submit',
  run: (input, { actor, ip }) => applyForPolicy(actor, input, { ip }),
  revalidate: ['/my-policies', '/applications'],
});

export const withdrawApplicationAction = createAction({
  name: 'policy.withdrawApplication',
  input: z.strictObject({ id: z.uuid() }),
  access: 'applications.submit',
  run: ({ id }, { actor, ip }) => withdrawApplication(actor, id, { ip }),
  revalidate: ['/applications'],
});

export const decideApplicationAction = createAction({
  name: 'policy.decideApplication',
  input: decideInput.and(z.object({ id: z.uuid() })),
  access: 'applications.review',
  run: ({ id, decision, reason }, { actor, ip }) => decideApplication(actor, id, { decision, reason }, { ip }),
  revalidate: ['/staff/applications'],
});

export const createPolicyAction = createAction({
  name: 'policy.create',
  input: createPolicyInput,
  access: 'policies.manage',
  run: (input, { actor, ip }) => createPolicy(actor, input, { ip }),
  revalidate: ['/staff/policies'],
});

export const updatePolicyMetaAction = createAction({
  name: 'policy.updateMeta',
  input: policyMetaInput,
  access: 'policies.manage',
  run: ({ code: c, ...meta }, { actor, ip }) => updatePolicyMeta(actor, c, meta, { ip }),
  revalidate: ['/staff/policies'],
});

export const saveDraftAction = createAction({
  name: 'policy.saveDraft',
  input: saveDraftInput.extend(code),
  access: 'policies.manage',
  run: ({ code: c, version }, { actor, ip }) => saveDraft(actor, c, version.version, version, { ip }),
  revalidate: ['/staff/policies'],
});

export const deleteDraftAction = createAction({
  name: 'policy.deleteDraft',
  input: z.strictObject(versionRef),
  access: 'policies.manage',
  run: ({ code: c, version }, { actor, ip }) => deleteDraft(actor, c, version, { ip }),
  revalidate: ['/staff/policies'],
});

export const publishVersionAction = createAction({
  name: 'policy.publish',
  input: publishInput.extend(versionRef),
  access: 'policies.manage',
  run: ({ code: c, version, changelogNote }, { actor, ip }) => publishVersion(actor, c, version, { changelogNote }, { ip }),
  revalidate: ['/staff/policies', '/policies'],
});

export const retireVersionAction = createAction({
  name: 'policy.retire',
  input: z.strictObject(versionRef),
  access: 'policies.manage',
  run: ({ code: c, version }, { actor, ip }) => retireVersion(actor, c, version, { ip }),
  revalidate: ['/staff/policies', '/policies'],
});

export const previewAction = createAction({
  name: 'policy.preview',
  input: previewInput.extend(code),
  access: 'policies.manage',
  run: ({ code: c, ...input }, { actor, ip }) => previewVersion(actor, c, input, { ip }),
});

export const pushPolicyAction = createAction({
  name: 'policy.push',
  input: z.strictObject(code),
  access: 'policies.manage',
  run: ({ code: c }, { actor, ip }) => pushPolicyAsStaff(actor, c, { ip }),
});
