import { toHandler } from '@/lib/api/route';
import { setMyPartyConsentRoute } from '@/lib/party/api';

export const PUT = toHandler(setMyPartyConsentRoute);
