import { toHandler } from '@/lib/api/route';
import { getPolicyRoute, updatePolicyRoute } from '@/lib/policies/api';

export const GET = toHandler(getPolicyRoute);
export const PATCH = toHandler(updatePolicyRoute);
