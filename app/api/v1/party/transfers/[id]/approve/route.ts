import { toHandler } from '@/lib/api/route';
import { approveTransferRoute } from '@/lib/party/transfer-api';

export const POST = toHandler(approveTransferRoute);
