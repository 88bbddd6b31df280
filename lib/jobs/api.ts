import 'server-only';
import { z } from 'zod';
import { defineRoute } from '@/lib/api/route';
import { jobDto, jobIdParam, listJobsQuery, queueStatsDto } from './schemas';
import { discardJobAsAdmin, getQueueStats, listJobsAsAdmin, retryJob } from './service';

export const adminJobStats = defineRoute({
  id: 'adminJobStats',
  method: 'GET',
  path: '/api/v1/admin/jobs/stats',
  summary: 'Background jobs: depth per type and status, oldest due job, retries, dead letters, undispatched events, worker heartbeats',
  tags: ['admin'],
  access: 'jobs.read',
  response: queueStatsDto,
  handler: ({ actor, ip }) => getQueueStats(actor, { ip }),
});

export const adminListJobs = defineRoute({
  id: 'adminListJobs',
  method: 'GET',
  path: '/api/v1/admin/jobs',
  summary: 'Jobs, newest first; `status=dead` lists the dead letters with their last error',
  tags: ['admin'],
  access: 'jobs.read',
  query: listJobsQuery,
  response: z.object({ items: z.array(jobDto), nextBefore: z.number().int().nullable() }),
  handler: ({ actor, query, ip }) => listJobsAsAdmin(actor, query, { ip }),
});

export const adminRetryJob = defineRoute({
  id: 'adminRetryJob',
  method: 'POST',
  path: '/api/v1/admin/jobs/{id}/retry',
  summary: 'Run a dead job again with a fresh set of attempts (409 when it is not dead)',
  tags: ['admin'],
  access: 'jobs.manage',
  params: jobIdParam,
  response: jobDto,
  handler: ({ actor, params, ip }) => retryJob(actor, params.id, { ip }),
});

export const adminDiscardJob = defineRoute({
  id: 'adminDiscardJob',
  method: 'POST',
  path: '/api/v1/admin/jobs/{id}/discard',
  summary: 'Set a dead or pending job aside for good (kept for the record; 409 otherwise)',
  tags: ['admin'],
  access: 'jobs.manage',
  params: jobIdParam,
  response: jobDto,
  handler: ({ actor, params, ip }) => discardJobAsAdmin(actor, params.id, { ip }),
});
