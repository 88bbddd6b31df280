import { toHandler } from '@/lib/api/route';
import { getPartyOrgRoute } from '@/lib/party/api';

export const GET = toHandler(getPartyOrgRoute);
