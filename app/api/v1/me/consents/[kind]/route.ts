import { toHandler } from '@/lib/api/route';
import { setMyConsentRoute } from '@/lib/talent/api';

export const PUT = toHandler(setMyConsentRoute);
