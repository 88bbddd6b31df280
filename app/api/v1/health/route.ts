import { toHandler } from '@/lib/api/route';
import { health } from '@/lib/system/api';

export const GET = toHandler(health);
