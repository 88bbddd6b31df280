import { toHandler } from '@/lib/api/route';
import { verifyLetterRoute } from '@/lib/party/transfer-api';

export const GET = toHandler(verifyLetterRoute);
