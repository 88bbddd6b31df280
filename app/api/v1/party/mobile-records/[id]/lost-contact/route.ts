import { toHandler } from '@/lib/api/route';
import { lostContactMobileRecordRoute } from '@/lib/party/mobile-api';

export const POST = toHandler(lostContactMobileRecordRoute);
