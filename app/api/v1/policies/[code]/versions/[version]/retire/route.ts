import { toHandler } from '@/lib/api/route';
import { retireVersionRoute } from '@/lib/policies/api';

export const POST = toHandler(retireVersionRoute);
