import { toHandler } from '@/lib/api/route';
import { listMySessions, revokeMyOtherSessions } from '@/lib/account/api';

export const GET = toHandler(listMySessions);
export const DELETE = toHandler(revokeMyOtherSessions);
