import { toHandler } from '@/lib/api/route';
import { addWorkImageRoute } from '@/lib/portfolio/api';

export const POST = toHandler(addWorkImageRoute);
