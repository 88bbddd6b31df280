import { toHandler } from '@/lib/api/route';
import { confirmPartyAttendanceRoute } from '@/lib/party/activities-api';

export const POST = toHandler(confirmPartyAttendanceRoute);
