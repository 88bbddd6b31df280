import { toHandler } from '@/lib/api/route';
import { cancelBookingRoute } from '@/lib/bookings/api';

export const POST = toHandler(cancelBookingRoute);
