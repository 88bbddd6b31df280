import { toHandler } from '@/lib/api/route';
import { createPartyOrgRoute, listPartyOrgsRoute } from '@/lib/party/api';

export const GET = toHandler(listPartyOrgsRoute);
export const POST = toHandler(createPartyOrgRoute);
