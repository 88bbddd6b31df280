import { toHandler } from '@/lib/api/route';
import { authLogin } from '@/lib/auth/api';

export const POST = toHandler(authLogin);
