import { toHandler } from '@/lib/api/route';
import { ping } from '@/lib/system/api';

export const GET = toHandler(ping);
