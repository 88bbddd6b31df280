import { toHandler } from '@/lib/api/route';
import { getPartyStatsDistrictCsvRoute } from '@/lib/party/stats-api';

export const GET = toHandler(getPartyStatsDistrictCsvRoute);
