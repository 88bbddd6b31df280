import { toHandler } from '@/lib/api/route';
import { listApplicationsRoute } from '@/lib/policies/api';

export const GET = toHandler(listApplicationsRoute);
