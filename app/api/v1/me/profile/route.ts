import { toHandler } from '@/lib/api/route';
import { getMyProfileRoute, patchMyProfileRoute, putMyProfileRoute } from '@/lib/talent/api';

export const GET = toHandler(getMyProfileRoute);
export const PUT = toHandler(putMyProfileRoute);
export const PATCH = toHandler(patchMyProfileRoute);
