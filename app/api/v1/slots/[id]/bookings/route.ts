import { toHandler } from '@/lib/api/route';
import { bookSlotRoute, cancelSlotBookingRoute } from '@/lib/bookings/api';

export const POST = toHandler(bookSlotRoute);
export const DELETE = toHandler(cancelSlotBookingRoute);
