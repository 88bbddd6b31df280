import { toHandler } from '@/lib/api/route';
import { listMyCreditsRoute } from '@/lib/portfolio/api';

export const GET = toHandler(listMyCreditsRoute);
