import { toHandler } from '@/lib/api/route';
import { listMentorMentorshipsRoute } from '@/lib/mentors/api';

export const GET = toHandler(listMentorMentorshipsRoute);
