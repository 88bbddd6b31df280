import { toHandler } from '@/lib/api/route';
import { listShowcasesRoute } from '@/lib/talent/api';

export const GET = toHandler(listShowcasesRoute);
