import { toHandler } from '@/lib/api/route';
import { assignTalentZoneRoute } from '@/lib/talent/api';

export const PUT = toHandler(assignTalentZoneRoute);
