import { toHandler } from '@/lib/api/route';
import { adminListJobs } from '@/lib/jobs/api';

export const GET = toHandler(adminListJobs);
