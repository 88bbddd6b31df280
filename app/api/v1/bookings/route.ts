import { toHandler } from '@/lib/api/route';
import { createBookingRoute, zoneBookingsRoute } from '@/lib/bookings/api';

export const GET = toHandler(zoneBookingsRoute);
export const POST = toHandler(createBookingRoute);
