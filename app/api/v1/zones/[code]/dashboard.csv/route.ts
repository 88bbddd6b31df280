import { toHandler } from '@/lib/api/route';
import { getZoneDashboardCsvRoute } from '@/lib/policies/dashboard-api';

export const GET = toHandler(getZoneDashboardCsvRoute);
