import { toHandler } from '@/lib/api/route';
import { rejectBookingRoute } from '@/lib/bookings/api';

export const POST = toHandler(rejectBookingRoute);
