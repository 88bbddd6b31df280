import { toHandler } from '@/lib/api/route';
import { decideApplicationRoute } from '@/lib/policies/api';

export const POST = toHandler(decideApplicationRoute);
