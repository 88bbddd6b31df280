import { toHandler } from '@/lib/api/route';
import { spaceFeedRoute } from '@/lib/bookings/api';

export const GET = toHandler(spaceFeedRoute);
