import { toHandler } from '@/lib/api/route';
import { recordStatusDecisionRoute } from '@/lib/party/api';

export const POST = toHandler(recordStatusDecisionRoute);
