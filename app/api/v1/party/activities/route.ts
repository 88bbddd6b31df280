import { toHandler } from '@/lib/api/route';
import { createPartyActivityRoute, listPartyActivitiesRoute } from '@/lib/party/activities-api';

export const GET = toHandler(listPartyActivitiesRoute);
export const POST = toHandler(createPartyActivityRoute);
