import { toHandler } from '@/lib/api/route';
import { policyMatchesExportRoute } from '@/lib/policies/api';

export const GET = toHandler(policyMatchesExportRoute);
