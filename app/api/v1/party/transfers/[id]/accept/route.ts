import { toHandler } from '@/lib/api/route';
import { acceptTransferRoute } from '@/lib/party/transfer-api';

export const POST = toHandler(acceptTransferRoute);
