import { toHandler } from '@/lib/api/route';
import { recordPartyAttendanceRoute } from '@/lib/party/activities-api';

export const POST = toHandler(recordPartyAttendanceRoute);
