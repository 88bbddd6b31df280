import { toHandler } from '@/lib/api/route';
import { spaceCheckInCodeRoute } from '@/lib/bookings/api';

export const GET = toHandler(spaceCheckInCodeRoute);
