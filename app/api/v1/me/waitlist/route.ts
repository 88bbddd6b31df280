import { toHandler } from '@/lib/api/route';
import { myWaitlistRoute } from '@/lib/bookings/api';

export const GET = toHandler(myWaitlistRoute);
