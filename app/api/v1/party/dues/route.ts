import { toHandler } from '@/lib/api/route';
import { getDuesCollectionRoute } from '@/lib/party/dues-api';

export const GET = toHandler(getDuesCollectionRoute);
