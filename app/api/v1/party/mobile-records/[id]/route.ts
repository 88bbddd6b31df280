import { toHandler } from '@/lib/api/route';
import { getMobileRecordRoute } from '@/lib/party/mobile-api';

export const GET = toHandler(getMobileRecordRoute);
