import { toHandler } from '@/lib/api/route';
import { acceptMobileRecordRoute } from '@/lib/party/mobile-api';

export const POST = toHandler(acceptMobileRecordRoute);
