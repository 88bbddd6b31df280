import { toHandler } from '@/lib/api/route';
import { exportTalentsRoute } from '@/lib/talent/api';

export const GET = toHandler(exportTalentsRoute);
