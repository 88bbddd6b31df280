import { toHandler } from '@/lib/api/route';
import { applicationMaterialFileRoute } from '@/lib/policies/api';

export const GET = toHandler(applicationMaterialFileRoute);
