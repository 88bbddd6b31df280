import { toHandler } from '@/lib/api/route';
import { reissueTransferRoute } from '@/lib/party/transfer-api';

export const POST = toHandler(reissueTransferRoute);
