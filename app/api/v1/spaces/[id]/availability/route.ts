import { toHandler } from '@/lib/api/route';
import { spaceAvailabilityRoute } from '@/lib/bookings/api';

export const GET = toHandler(spaceAvailabilityRoute);
