import { toHandler } from '@/lib/api/route';
import { evidenceFileRoute } from '@/lib/portfolio/api';

export const GET = toHandler(evidenceFileRoute);
