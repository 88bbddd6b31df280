import { toHandler } from '@/lib/api/route';
import { authLogout } from '@/lib/auth/api';

export const POST = toHandler(authLogout);
