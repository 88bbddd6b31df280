import { toHandler } from '@/lib/api/route';
import { checkInTargetRoute } from '@/lib/party/mobile-api';

export const GET = toHandler(checkInTargetRoute);
