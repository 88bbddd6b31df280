import { toHandler } from '@/lib/api/route';
import { rotatePartyOrgQrRoute } from '@/lib/party/api';

export const POST = toHandler(rotatePartyOrgQrRoute);
