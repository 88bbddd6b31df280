import { toHandler } from '@/lib/api/route';
import { utilisationRoute } from '@/lib/bookings/api';

export const GET = toHandler(utilisationRoute);
