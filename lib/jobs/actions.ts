'use server';

import { createAction } from '@/lib/actions/create-action';
import { jobIdParam } from './schemas';
import { discardJobAsAdmin, retryJob } from './service';

export const retryJobAction = createAction({
  name: 'jobs.retry',
  input: jobIdParam,
  access: 'jobs.manage',
  run: ({ id }, { actor, ip }) => retryJob(actor, id, { ip }),
  revalidate: ['/admin/jobs'],
});

export const discardJobAction = createAction({
  name: 'jobs.discard',
  input: jobIdParam,
  access: 'jobs.manage',
  run: ({ id }, { actor, ip }) => discardJobAsAdmin(actor, id, { ip }),
  revalidate: ['/admin/jobs'],
});
