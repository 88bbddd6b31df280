import { toHandler } from '@/lib/api/route';
import { previewPolicyRoute } from '@/lib/policies/api';

export const POST = toHandler(previewPolicyRoute);
