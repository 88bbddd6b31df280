import { toHandler } from '@/lib/api/route';
import { getPartyMemberRoute } from '@/lib/party/api';

export const GET = toHandler(getPartyMemberRoute);
