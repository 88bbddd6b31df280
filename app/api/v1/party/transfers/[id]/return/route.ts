import { toHandler } from '@/lib/api/route';
import { returnTransferRoute } from '@/lib/party/transfer-api';

export const POST = toHandler(returnTransferRoute);
