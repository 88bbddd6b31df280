import { toHandler } from '@/lib/api/route';
import { getTalentRoute } from '@/lib/talent/api';

export const GET = toHandler(getTalentRoute);
