import { toHandler } from '@/lib/api/route';
import { reportMineRoute } from '@/lib/party/mobile-api';

export const POST = toHandler(reportMineRoute);
