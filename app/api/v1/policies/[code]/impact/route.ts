import { toHandler } from '@/lib/api/route';
import { policyImpactRoute } from '@/lib/policies/impact-api';

export const POST = toHandler(policyImpactRoute);
