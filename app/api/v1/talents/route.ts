import { toHandler } from '@/lib/api/route';
import { listTalentsRoute } from '@/lib/talent/api';

export const GET = toHandler(listTalentsRoute);
