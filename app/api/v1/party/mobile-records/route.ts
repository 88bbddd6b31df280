import { toHandler } from '@/lib/api/route';
import { createMobileRecordRoute, listMobileRecordsRoute } from '@/lib/party/mobile-api';

export const GET = toHandler(listMobileRecordsRoute);
export const POST = toHandler(createMobileRecordRoute);
