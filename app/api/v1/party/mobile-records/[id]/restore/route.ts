import { toHandler } from '@/lib/api/route';
import { restoreMobileRecordRoute } from '@/lib/party/mobile-api';

export const POST = toHandler(restoreMobileRecordRoute);
