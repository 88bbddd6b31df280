import { toHandler } from '@/lib/api/route';
import { getShowcaseRoute } from '@/lib/talent/api';

export const GET = toHandler(getShowcaseRoute);
