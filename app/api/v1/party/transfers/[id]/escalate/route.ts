import { toHandler } from '@/lib/api/route';
import { escalateTransferRoute } from '@/lib/party/transfer-api';

export const POST = toHandler(escalateTransferRoute);
