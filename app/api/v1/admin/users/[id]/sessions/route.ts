import { toHandler } from '@/lib/api/route';
import { adminListUserSessions } from '@/lib/admin/api';

export const GET = toHandler(adminListUserSessions);
