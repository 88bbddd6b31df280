import { toHandler } from '@/lib/api/route';
import { createMentorRoute, listMentorsRoute } from '@/lib/mentors/api';

export const GET = toHandler(listMentorsRoute);
export const POST = toHandler(createMentorRoute);
