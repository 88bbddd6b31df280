import { toHandler } from '@/lib/api/route';
import { myMatchesRoute } from '@/lib/policies/api';

export const GET = toHandler(myMatchesRoute);
