import { toHandler } from '@/lib/api/route';
import { revealTalentRoute } from '@/lib/talent/api';

export const POST = toHandler(revealTalentRoute);
