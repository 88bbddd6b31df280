import { toHandler } from '@/lib/api/route';
import { listPushRunsRoute } from '@/lib/policies/api';

export const GET = toHandler(listPushRunsRoute);
