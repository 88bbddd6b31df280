import { toHandler } from '@/lib/api/route';
import { exportPartyMembersRoute } from '@/lib/party/api';

export const GET = toHandler(exportPartyMembersRoute);
