import { toHandler } from '@/lib/api/route';
import { getMe } from '@/lib/account/api';

export const GET = toHandler(getMe);
