import { toHandler } from '@/lib/api/route';
import { submitTransferRoute } from '@/lib/party/transfer-api';

export const POST = toHandler(submitTransferRoute);
