import { toHandler } from '@/lib/api/route';
import { createWorkRoute, listMyWorksRoute } from '@/lib/portfolio/api';

export const GET = toHandler(listMyWorksRoute);
export const POST = toHandler(createWorkRoute);
