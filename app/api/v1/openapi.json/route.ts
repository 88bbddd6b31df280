import { toHandler } from '@/lib/api/route';
import { openapi } from '@/lib/system/api';

export const GET = toHandler(openapi);
