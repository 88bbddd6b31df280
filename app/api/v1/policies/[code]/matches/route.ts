import { toHandler } from '@/lib/api/route';
import { policyMatchesRoute } from '@/lib/policies/api';

export const GET = toHandler(policyMatchesRoute);
