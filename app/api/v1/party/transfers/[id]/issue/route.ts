import { toHandler } from '@/lib/api/route';
import { issueTransferRoute } from '@/lib/party/transfer-api';

export const POST = toHandler(issueTransferRoute);
