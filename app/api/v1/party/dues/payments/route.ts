import { toHandler } from '@/lib/api/route';
import { recordDuesPaymentRoute } from '@/lib/party/dues-api';

export const POST = toHandler(recordDuesPaymentRoute);
