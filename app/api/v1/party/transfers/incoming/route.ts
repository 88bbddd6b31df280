import { toHandler } from '@/lib/api/route';
import { registerIncomingTransferRoute } from '@/lib/party/transfer-api';

export const POST = toHandler(registerIncomingTransferRoute);
