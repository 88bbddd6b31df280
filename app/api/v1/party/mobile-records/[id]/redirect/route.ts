import { toHandler } from '@/lib/api/route';
import { redirectMobileRecordRoute } from '@/lib/party/mobile-api';

export const POST = toHandler(redirectMobileRecordRoute);
