import { toHandler } from '@/lib/api/route';
import { adminJobStats } from '@/lib/jobs/api';

export const GET = toHandler(adminJobStats);
