import { toHandler } from '@/lib/api/route';
import { getMyPartyAttendanceRoute } from '@/lib/party/activities-api';

export const GET = toHandler(getMyPartyAttendanceRoute);
