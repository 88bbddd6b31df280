import { toHandler } from '@/lib/api/route';
import { adminCreateUser, adminListUsers } from '@/lib/admin/api';

export const GET = toHandler(adminListUsers);
export const POST = toHandler(adminCreateUser);
