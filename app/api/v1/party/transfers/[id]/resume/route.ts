import { toHandler } from '@/lib/api/route';
import { resumeTransferRoute } from '@/lib/party/transfer-api';

export const POST = toHandler(resumeTransferRoute);
