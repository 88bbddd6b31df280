import { toHandler } from '@/lib/api/route';
import { cardReviewMobileRecordRoute } from '@/lib/party/mobile-api';

export const POST = toHandler(cardReviewMobileRecordRoute);
