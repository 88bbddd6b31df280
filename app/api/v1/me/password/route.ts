import { toHandler } from '@/lib/api/route';
import { changeMyPassword } from '@/lib/account/api';

export const POST = toHandler(changeMyPassword);
