import { toHandler } from '@/lib/api/route';
import { quotePartyDuesRoute } from '@/lib/party/dues-api';

export const GET = toHandler(quotePartyDuesRoute);
