import { toHandler } from '@/lib/api/route';
import { getSpaceRoute } from '@/lib/bookings/api';

export const GET = toHandler(getSpaceRoute);
