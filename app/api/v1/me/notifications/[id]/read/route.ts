import { toHandler } from '@/lib/api/route';
import { readNotificationRoute } from '@/lib/policies/api';

export const POST = toHandler(readNotificationRoute);
