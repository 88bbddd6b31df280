import { toHandler } from '@/lib/api/route';
import { approveBookingRoute } from '@/lib/bookings/api';

export const POST = toHandler(approveBookingRoute);
