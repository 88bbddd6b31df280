import { toHandler } from '@/lib/api/route';
import { revealPartyMemberRoute } from '@/lib/party/api';

export const POST = toHandler(revealPartyMemberRoute);
