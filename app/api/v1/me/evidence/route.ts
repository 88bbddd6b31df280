import { toHandler } from '@/lib/api/route';
import { listMyEvidenceRoute, submitEvidenceRoute } from '@/lib/portfolio/api';

export const GET = toHandler(listMyEvidenceRoute);
export const POST = toHandler(submitEvidenceRoute);
