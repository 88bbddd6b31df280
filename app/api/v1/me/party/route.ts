import { toHandler } from '@/lib/api/route';
import { getMyPartyRoute } from '@/lib/party/api';

export const GET = toHandler(getMyPartyRoute);
