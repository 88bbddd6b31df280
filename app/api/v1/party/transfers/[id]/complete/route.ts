import { toHandler } from '@/lib/api/route';
import { completeTransferRoute } from '@/lib/party/transfer-api';

export const POST = toHandler(completeTransferRoute);
