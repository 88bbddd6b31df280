import { toHandler } from '@/lib/api/route';
import { myNotificationsRoute } from '@/lib/notifications/api';

export const GET = toHandler(myNotificationsRoute);
