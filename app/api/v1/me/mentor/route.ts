import { toHandler } from '@/lib/api/route';
import { getMyMentorRoute, saveMyMentorRoute } from '@/lib/mentors/api';

export const GET = toHandler(getMyMentorRoute);
export const PUT = toHandler(saveMyMentorRoute);
