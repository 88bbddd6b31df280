import { toHandler } from '@/lib/api/route';
import { getMyPartyActivityRoute } from '@/lib/party/activities-api';

export const GET = toHandler(getMyPartyActivityRoute);
