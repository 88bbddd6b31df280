import { toHandler } from '@/lib/api/route';
import { myNotificationsRoute } from '@/lib/policies/api';

export const GET = toHandler(myNotificationsRoute);
