import { toHandler } from '@/lib/api/route';
import { createSlotRoute, listSlotsRoute } from '@/lib/bookings/api';

export const GET = toHandler(listSlotsRoute);
export const POST = toHandler(createSlotRoute);
