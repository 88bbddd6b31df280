import { toHandler } from '@/lib/api/route';
import { myBookingsRoute } from '@/lib/bookings/api';

export const GET = toHandler(myBookingsRoute);
