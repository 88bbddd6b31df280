import { toHandler } from '@/lib/api/route';
import { reviewPartyReportRoute } from '@/lib/party/reports-api';

export const POST = toHandler(reviewPartyReportRoute);
