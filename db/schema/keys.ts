import { pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * One row per secret the stored data depends on: an HMAC of a fixed text under a key derived from that secret,
 * written by the first process that opens the database and compared by every later one at start
 * (lib/crypto/key-check.ts), so a server started with another APP_MASTER_KEY refuses to start instead of answering
 * every request that decrypts a phone number or appends to the audit chain with a 500.
 */
export const keyChecks = pgTable('key_checks', {
  /** Which secret: 'master' (APP_MASTER_KEY). */
  name: text('name').primaryKey(),
  /** base64url HMAC-SHA256 of KEY_CHECK_TEXT under deriveKey('key-check'); reveals nothing about the key. */
  checkValue: text('check_value').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
