import { toHandler } from '@/lib/api/route';
import { uploadApplicationMaterialRoute } from '@/lib/policies/api';

export const POST = toHandler(uploadApplicationMaterialRoute);
