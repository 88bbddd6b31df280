import { toHandler } from '@/lib/api/route';
import { reviewEvidenceRoute } from '@/lib/portfolio/api';

export const POST = toHandler(reviewEvidenceRoute);
