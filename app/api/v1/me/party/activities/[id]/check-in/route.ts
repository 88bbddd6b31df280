import { toHandler } from '@/lib/api/route';
import { checkInPartyActivityRoute } from '@/lib/party/activities-api';

export const POST = toHandler(checkInPartyActivityRoute);
