import { toHandler } from '@/lib/api/route';
import { endMineRoute } from '@/lib/party/mobile-api';

export const POST = toHandler(endMineRoute);
