import { toHandler } from '@/lib/api/route';
import { readNotificationRoute } from '@/lib/notifications/api';

export const POST = toHandler(readNotificationRoute);
