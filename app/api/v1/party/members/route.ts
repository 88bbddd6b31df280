import { toHandler } from '@/lib/api/route';
import { createPartyMemberRoute, listPartyMembersRoute } from '@/lib/party/api';

export const GET = toHandler(listPartyMembersRoute);
export const POST = toHandler(createPartyMemberRoute);
