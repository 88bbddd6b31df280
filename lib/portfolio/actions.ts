'use server';

import { z } from 'zod';
import { createAction } from '@/lib/actions/create-action';
import { creditRespondInput, evidenceReviewInput, workInput } from './schemas';
import { createWork, deleteWork, respondToCredit, reviewEvidence, updateWork } from './service';

export const createWorkAction = createAction({
  name: 'portfolio.createWork',
  input: workInput,
  access: 'works.manage',
  run: (input, { actor, ip }) => createWork(actor, input, ip),
  revalidate: ['/portfolio'],
});

export const updateWorkAction = createAction({
  name: 'portfolio.updateWork',
  input: z.strictObject({ id: z.uuid(), work: workInput }),
  access: 'works.manage',
  run: ({ id, work }, { actor, ip }) => updateWork(actor, id, work, ip),
  revalidate: ['/portfolio'],
});

export const deleteWorkAction = createAction({
  name: 'portfolio.deleteWork',
  input: z.strictObject({ id: z.uuid() }),
  access: 'works.manage',
  run: ({ id }, { actor, ip }) => deleteWork(actor, id, ip),
  revalidate: ['/portfolio'],
});

export const respondCreditAction = createAction({
  name: 'portfolio.respondCredit',
  input: creditRespondInput,
  access: 'credits.respond',
  run: ({ id, accept }, { actor, ip }) => respondToCredit(actor, id, accept, ip),
  revalidate: ['/portfolio'],
});

export const reviewEvidenceAction = createAction({
  name: 'verification.review',
  input: z.strictObject({ id: z.uuid(), review: evidenceReviewInput }),
  access: 'evidence.review',
  run: ({ id, review }, { actor, ip }) => reviewEvidence(actor, id, review, ip),
  revalidate: ['/staff/verification'],
});
