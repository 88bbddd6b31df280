import { toHandler } from '@/lib/api/route';
import { getPartyStatsOverviewRoute } from '@/lib/party/stats-api';

export const GET = toHandler(getPartyStatsOverviewRoute);
