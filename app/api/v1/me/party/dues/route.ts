import { toHandler } from '@/lib/api/route';
import { getMyDuesRoute } from '@/lib/party/dues-api';

export const GET = toHandler(getMyDuesRoute);
