import { toHandler } from '@/lib/api/route';
import { receiptTransferRoute } from '@/lib/party/transfer-api';

export const POST = toHandler(receiptTransferRoute);
