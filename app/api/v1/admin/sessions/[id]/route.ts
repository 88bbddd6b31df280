import { toHandler } from '@/lib/api/route';
import { adminRevokeSession } from '@/lib/admin/api';

export const DELETE = toHandler(adminRevokeSession);
