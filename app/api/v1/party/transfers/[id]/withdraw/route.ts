import { toHandler } from '@/lib/api/route';
import { withdrawTransferRoute } from '@/lib/party/transfer-api';

export const POST = toHandler(withdrawTransferRoute);
