import { toHandler } from '@/lib/api/route';
import { endMobileRecordRoute } from '@/lib/party/mobile-api';

export const POST = toHandler(endMobileRecordRoute);
