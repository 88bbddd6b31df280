import { toHandler } from '@/lib/api/route';
import { resetTestClock, setTestClock } from '@/lib/system/api';

export const POST = toHandler(setTestClock);
export const DELETE = toHandler(resetTestClock);
