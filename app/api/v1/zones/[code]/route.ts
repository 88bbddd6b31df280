import { toHandler } from '@/lib/api/route';
import { getZoneRoute } from '@/lib/zones/api';

export const GET = toHandler(getZoneRoute);
