import { toHandler } from '@/lib/api/route';
import { getZoneDashboardRoute } from '@/lib/policies/dashboard-api';

export const GET = toHandler(getZoneDashboardRoute);
