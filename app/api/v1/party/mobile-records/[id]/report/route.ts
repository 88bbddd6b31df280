import { toHandler } from '@/lib/api/route';
import { reportMobileRecordRoute } from '@/lib/party/mobile-api';

export const POST = toHandler(reportMobileRecordRoute);
