import { toHandler } from '@/lib/api/route';
import { verifyAudit } from '@/lib/system/api';

export const GET = toHandler(verifyAudit);
