import { toHandler } from '@/lib/api/route';
import { getWorkImageRoute } from '@/lib/portfolio/api';

export const GET = toHandler(getWorkImageRoute);
