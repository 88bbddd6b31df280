import { toHandler } from '@/lib/api/route';
import { applyRoute, myApplicationsRoute } from '@/lib/policies/api';

export const GET = toHandler(myApplicationsRoute);
export const POST = toHandler(applyRoute);
