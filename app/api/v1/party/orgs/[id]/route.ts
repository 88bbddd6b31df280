import { toHandler } from '@/lib/api/route';
import { getPartyOrgRoute, updatePartyOrgRoute } from '@/lib/party/api';

export const GET = toHandler(getPartyOrgRoute);
export const PATCH = toHandler(updatePartyOrgRoute);
