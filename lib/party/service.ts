import 'server-only';
import { asc, eq, like } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { partyOrgs } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/http/errors';
import type { Locale } from '@/lib/i18n';

export const partyOrgDto = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  kind: z.enum(['committee', 'general_branch', 'branch']),
  parentId: z.uuid().nullable(),
  depth: z.number().int(),
});
export type PartyOrgDto = z.infer<typeof partyOrgDto>;

function toDto(o: typeof partyOrgs.$inferSelect, locale: Locale): PartyOrgDto {
  return { id: o.id, code: o.code, name: locale === 'en' ? o.nameEn : o.nameZh, kind: o.kind, parentId: o.parentId, depth: o.path.split('/').filter(Boolean).length - 1 };
}

/** org_admin: every organisation; branch_secretary: their organisation and its subtree (query scoped in SQL). */
export async function listPartyOrgs(actor: Actor | null, locale: Locale, ip: string): Promise<PartyOrgDto[]> {
  const me = await authorize(actor, 'party_orgs.read', undefined, { ip });
  const db = await getDb();
  if (me.role === 'branch_secretary' && !me.orgPath) return [];
  const rows = await db
    .select()
    .from(partyOrgs)
    .where(me.role === 'org_admin' ? undefined : like(partyOrgs.path, `${me.orgPath}%`))
    .orderBy(asc(partyOrgs.path));
  return rows.map((o) => toDto(o, locale));
}

export async function getPartyOrg(actor: Actor | null, id: string, locale: Locale, ip: string): Promise<PartyOrgDto> {
  const db = await getDb();
  const [org] = await db.select().from(partyOrgs).where(eq(partyOrgs.id, id)).limit(1);
  const me = await authorize(actor, 'party_orgs.read', { orgPath: org?.path ?? '\u0000missing' }, { ip, targetType: 'party_org', targetId: id });
  if (!org) throw new AppError('NOT_FOUND');
  await audit({ action: 'party_orgs.read', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'party_org', targetId: id, ip });
  return toDto(org, locale);
}
