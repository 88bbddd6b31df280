import { toHandler } from '@/lib/api/route';
import { getTransferRoute } from '@/lib/party/transfer-api';

export const GET = toHandler(getTransferRoute);
