import { toHandler } from '@/lib/api/route';
import { getPartyStatsDistrictRoute } from '@/lib/party/stats-api';

export const GET = toHandler(getPartyStatsDistrictRoute);
