import { toHandler } from '@/lib/api/route';
import { evidenceQueueRoute } from '@/lib/portfolio/api';

export const GET = toHandler(evidenceQueueRoute);
