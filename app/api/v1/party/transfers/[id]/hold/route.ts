import { toHandler } from '@/lib/api/route';
import { holdTransferRoute } from '@/lib/party/transfer-api';

export const POST = toHandler(holdTransferRoute);
