import { toHandler } from '@/lib/api/route';
import { adminRetryJob } from '@/lib/jobs/api';

export const POST = toHandler(adminRetryJob);
