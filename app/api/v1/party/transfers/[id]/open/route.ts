import { toHandler } from '@/lib/api/route';
import { openTransferRoute } from '@/lib/party/transfer-api';

export const POST = toHandler(openTransferRoute);
