import { toHandler } from '@/lib/api/route';
import { requestMentorshipRoute } from '@/lib/mentors/api';

export const POST = toHandler(requestMentorshipRoute);
