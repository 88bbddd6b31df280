import { toHandler } from '@/lib/api/route';
import { publishVersionRoute } from '@/lib/policies/api';

export const POST = toHandler(publishVersionRoute);
