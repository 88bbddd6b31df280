import { toHandler } from '@/lib/api/route';
import { createTransferRoute, listTransfersRoute } from '@/lib/party/transfer-api';

export const GET = toHandler(listTransfersRoute);
export const POST = toHandler(createTransferRoute);
