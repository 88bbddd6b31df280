import { toHandler } from '@/lib/api/route';
import { getPartyReportInboxRoute, submitPartyReportRoute } from '@/lib/party/reports-api';

export const GET = toHandler(getPartyReportInboxRoute);
export const POST = toHandler(submitPartyReportRoute);
