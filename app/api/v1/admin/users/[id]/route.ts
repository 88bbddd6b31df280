import { toHandler } from '@/lib/api/route';
import { adminGetUser, adminUpdateUser } from '@/lib/admin/api';

export const GET = toHandler(adminGetUser);
export const PATCH = toHandler(adminUpdateUser);
