import { toHandler } from '@/lib/api/route';
import { checkInBookingRoute } from '@/lib/bookings/api';

export const POST = toHandler(checkInBookingRoute);
