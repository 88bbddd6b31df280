import { toHandler } from '@/lib/api/route';
import { respondCreditRoute } from '@/lib/portfolio/api';

export const POST = toHandler(respondCreditRoute);
