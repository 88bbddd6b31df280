import { toHandler } from '@/lib/api/route';
import { confirmOutflowMobileRecordRoute } from '@/lib/party/mobile-api';

export const POST = toHandler(confirmOutflowMobileRecordRoute);
