import { toHandler } from '@/lib/api/route';
import { dissolvePartyOrgRoute } from '@/lib/party/api';

export const POST = toHandler(dissolvePartyOrgRoute);
