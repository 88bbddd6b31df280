import { toHandler } from '@/lib/api/route';
import { createMyBookingFeedRoute } from '@/lib/bookings/api';

export const POST = toHandler(createMyBookingFeedRoute);
