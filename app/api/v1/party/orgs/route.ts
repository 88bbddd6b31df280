import { toHandler } from '@/lib/api/route';
import { listPartyOrgsRoute } from '@/lib/party/api';

export const GET = toHandler(listPartyOrgsRoute);
