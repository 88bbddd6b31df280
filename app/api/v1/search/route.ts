import { toHandler } from '@/lib/api/route';
import { searchRoute } from '@/lib/search/api';

export const GET = toHandler(searchRoute);
