import { toHandler } from '@/lib/api/route';
import { listMyMentorshipsRoute } from '@/lib/mentors/api';

export const GET = toHandler(listMyMentorshipsRoute);
