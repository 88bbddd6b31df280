import crypto from 'node:crypto';
import { PARTY_NOTICE, PARTY_NOTICE_VERSION } from './privacy-notice';

/** SHA-256 of the exact Party notice a consent was given to (both languages), stored with each consent row. */
export function partyNoticeHash(): string {
  return crypto.createHash('sha256').update(`${PARTY_NOTICE_VERSION}\n${PARTY_NOTICE['zh-CN'].body}\n${PARTY_NOTICE.en.body}`).digest('hex');
}
