import { toHandler } from '@/lib/api/route';
import { myApplicationMaterialFileRoute } from '@/lib/policies/api';

export const GET = toHandler(myApplicationMaterialFileRoute);
