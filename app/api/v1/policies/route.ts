import { toHandler } from '@/lib/api/route';
import { createPolicyRoute, listPoliciesRoute } from '@/lib/policies/api';

export const GET = toHandler(listPoliciesRoute);
export const POST = toHandler(createPolicyRoute);
