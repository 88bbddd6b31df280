import { toHandler } from '@/lib/api/route';
import { listSpacesRoute } from '@/lib/bookings/api';

export const GET = toHandler(listSpacesRoute);
