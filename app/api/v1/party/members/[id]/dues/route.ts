import { toHandler } from '@/lib/api/route';
import { getMemberDuesRoute } from '@/lib/party/dues-api';

export const GET = toHandler(getMemberDuesRoute);
