import { toHandler } from '@/lib/api/route';
import { registerTalentRoute } from '@/lib/talent/api';

export const POST = toHandler(registerTalentRoute);
