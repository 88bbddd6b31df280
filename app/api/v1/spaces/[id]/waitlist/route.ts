import { toHandler } from '@/lib/api/route';
import { joinWaitlistRoute } from '@/lib/bookings/api';

export const POST = toHandler(joinWaitlistRoute);
