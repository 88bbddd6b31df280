import { toHandler } from '@/lib/api/route';
import { createSeriesRoute } from '@/lib/bookings/api';

export const POST = toHandler(createSeriesRoute);
