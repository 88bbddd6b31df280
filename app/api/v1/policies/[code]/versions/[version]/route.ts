import { toHandler } from '@/lib/api/route';
import { deleteDraftRoute, saveDraftRoute } from '@/lib/policies/api';

export const PUT = toHandler(saveDraftRoute);
export const DELETE = toHandler(deleteDraftRoute);
