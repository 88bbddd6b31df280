import { toHandler } from '@/lib/api/route';
import { deleteWorkRoute, updateWorkRoute } from '@/lib/portfolio/api';

export const PUT = toHandler(updateWorkRoute);
export const DELETE = toHandler(deleteWorkRoute);
