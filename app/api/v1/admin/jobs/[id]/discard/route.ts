import { toHandler } from '@/lib/api/route';
import { adminDiscardJob } from '@/lib/jobs/api';

export const POST = toHandler(adminDiscardJob);
