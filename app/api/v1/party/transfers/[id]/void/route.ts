import { toHandler } from '@/lib/api/route';
import { voidTransferRoute } from '@/lib/party/transfer-api';

export const POST = toHandler(voidTransferRoute);
