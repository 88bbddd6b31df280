import { toHandler } from '@/lib/api/route';
import { actOnMentorshipRoute } from '@/lib/mentors/api';

export const POST = toHandler(actOnMentorshipRoute);
