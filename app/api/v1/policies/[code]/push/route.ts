import { toHandler } from '@/lib/api/route';
import { pushPolicyRoute } from '@/lib/policies/api';

export const POST = toHandler(pushPolicyRoute);
