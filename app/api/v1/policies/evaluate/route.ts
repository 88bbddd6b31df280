import { toHandler } from '@/lib/api/route';
import { evaluatePoliciesRoute } from '@/lib/policies/api';

export const POST = toHandler(evaluatePoliciesRoute);
