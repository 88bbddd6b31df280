import { toHandler } from '@/lib/api/route';
import { revokeMySession } from '@/lib/account/api';

export const DELETE = toHandler(revokeMySession);
