import { toHandler } from '@/lib/api/route';
import { getMyPartyReportsRoute } from '@/lib/party/reports-api';

export const GET = toHandler(getMyPartyReportsRoute);
