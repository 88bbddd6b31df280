import { toHandler } from '@/lib/api/route';
import { withdrawApplicationRoute } from '@/lib/policies/api';

export const POST = toHandler(withdrawApplicationRoute);
