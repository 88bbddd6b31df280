import { toHandler } from '@/lib/api/route';
import { getMyMobileRecordRoute } from '@/lib/party/mobile-api';

export const GET = toHandler(getMyMobileRecordRoute);
