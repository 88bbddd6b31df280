import { toHandler } from '@/lib/api/route';
import { personBookingFeedRoute } from '@/lib/bookings/api';

export const GET = toHandler(personBookingFeedRoute);
