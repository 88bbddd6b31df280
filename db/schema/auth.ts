import { sql } from 'drizzle-orm';
import {
  bigint,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { timestamps } from './columns';
import { partyOrgs } from './party';

export const roleEnum = pgEnum('role', ['talent', 'zone_staff', 'branch_secretary', 'org_admin', 'sysadmin']);
export const localeEnum = pgEnum('locale', ['zh-CN', 'en']);

/** Administrative zones a zone_staff account is scoped to (经开区, 珠山区人才办). */
export const zones = pgTable('zones', {
  code: text('code').primaryKey(),
  nameZh: text('name_zh').notNull(),
  nameEn: text('name_en').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Lower-cased, NFKC-normalised e-mail; null when the account logs in by phone only. */
    email: text('email'),
    /** Keyed blind index (HMAC) of the normalised phone number, for uniqueness and login lookup. */
    phoneIndex: text('phone_index'),
    /** AES-256-GCM ciphertext of the phone number. */
    phoneEnc: text('phone_enc'),
    displayName: text('display_name').notNull(),
    role: roleEnum('role').notNull(),
    zoneCode: text('zone_code').references(() => zones.code),
    orgId: uuid('org_id').references(() => partyOrgs.id),
    passwordHash: text('password_hash').notNull(),
    passwordChangedAt: timestamp('password_changed_at', { withTimezone: true }).notNull().defaultNow(),
    sessionVersion: integer('session_version').notNull().default(1),
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
    locale: localeEnum('locale').notNull().default('zh-CN'),
    ...timestamps(),
  },
  (t) => [
    uniqueIndex('users_email_uq').on(t.email),
    uniqueIndex('users_phone_index_uq').on(t.phoneIndex),
    index('users_zone_idx').on(t.zoneCode),
    index('users_org_idx').on(t.orgId),
    index('users_role_idx').on(t.role),
  ],
);

/**
 * Server-side sessions. Both the browser cookie (a JWT carrying only the session id) and API bearer tokens
 * point here; the id column stores SHA-256 of the secret, never the secret itself.
 */
export const userSessions = pgTable(
  'user_sessions',
  {
    id: text('id').primaryKey(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['web', 'api'] }).notNull(),
    sessionVersion: integer('session_version').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    revokedReason: text('revoked_reason'),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('user_sessions_user_idx').on(t.userId)],
);

/**
 * Fixed-window counters for login throttling and API rate limits. Keys are namespaced
 * ("login-id:<hmac>", "login-ip:<prefix>", "rl:<bucket>:<ip>"); they live in the database so that
 * several server instances share them.
 */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  count: integer('count').notNull().default(0),
  windowStartedAt: timestamp('window_started_at', { withTimezone: true }).notNull(),
  lockedUntil: timestamp('locked_until', { withTimezone: true }),
});

/** Append-only, hash-chained audit trail. Triggers forbid UPDATE, DELETE and TRUNCATE. */
export const auditLog = pgTable(
  'audit_log',
  {
    seq: bigint('seq', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, precision: 3 }).notNull(),
    actorId: uuid('actor_id'),
    actorRole: text('actor_role'),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    result: text('result', { enum: ['ok', 'denied', 'failed'] }).notNull(),
    ip: text('ip'),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default(sql`'{}'::jsonb`),
    prevHash: text('prev_hash').notNull(),
    hash: text('hash').notNull(),
  },
  (t) => [index('audit_log_actor_idx').on(t.actorId), index('audit_log_action_idx').on(t.action)],
);
