import { index, pgTable, text, timestamp, uniqueIndex, uuid, type AnyPgColumn } from 'drizzle-orm/pg-core';

/**
 * Party organisations (党委 / 党总支 / 党支部). The materialised `path` ("/<id>/<id>/") lets a branch secretary
 * read the subtree under their own organisation with one prefix comparison. Transfer and mobile-member records
 * arrive with the Party issue; this table exists now because branch_secretary accounts are scoped to it.
 */
export const partyOrgs = pgTable(
  'party_orgs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    nameZh: text('name_zh').notNull(),
    nameEn: text('name_en').notNull(),
    kind: text('kind', { enum: ['committee', 'general_branch', 'branch'] }).notNull(),
    parentId: uuid('parent_id').references((): AnyPgColumn => partyOrgs.id),
    path: text('path').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('party_orgs_code_uq').on(t.code), index('party_orgs_parent_idx').on(t.parentId), index('party_orgs_path_idx').on(t.path)],
);
