import { toHandler } from '@/lib/api/route';
import { confirmBookingRoute } from '@/lib/bookings/api';

export const POST = toHandler(confirmBookingRoute);
