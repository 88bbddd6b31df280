import { toHandler } from '@/lib/api/route';
import { getPartyActivityRoute } from '@/lib/party/activities-api';

export const GET = toHandler(getPartyActivityRoute);
