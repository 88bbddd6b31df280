import crypto from 'node:crypto';
import { PRIVACY_NOTICE, PRIVACY_NOTICE_VERSION } from './privacy-notice';

/** SHA-256 of the exact notice text a consent was given to (both languages), stored with each consent row. */
export function noticeHash(kind: 'profile' | 'sensitive'): string {
  return crypto
    .createHash('sha256')
    .update(`${PRIVACY_NOTICE_VERSION}\n${PRIVACY_NOTICE['zh-CN'][kind]}\n${PRIVACY_NOTICE.en[kind]}`)
    .digest('hex');
}
