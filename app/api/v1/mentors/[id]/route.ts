import { toHandler } from '@/lib/api/route';
import { getMentorRoute, updateMentorRoute } from '@/lib/mentors/api';

export const GET = toHandler(getMentorRoute);
export const PATCH = toHandler(updateMentorRoute);
