import 'server-only';
import { and, arrayContains, count, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { evidence, policyApplications, talentProfiles, users, zones } from '@/db/schema';
import { now } from '@/lib/clock';
import { audit } from '@/lib/audit/log';
import { authorize } from '@/lib/auth/authorize';
import type { Actor } from '@/lib/auth/permissions';
import { decryptField } from '@/lib/crypto/fields';
import { maskIdNumber, maskPhone } from '@/lib/crypto/mask';
import { AppError } from '@/lib/http/errors';
import { toCanonical, type ProfileColumns } from './profile-mapping';
import type { TalentListItem, TalentListQuery } from './schemas';
import { today } from './service';
import { deriveProfile } from './derived';
import { talentNumber } from './talent-number';
import { consentInForce } from './queries';

/** Only people who have not withdrawn their profile consent appear to staff. */
const hasProfileConsent = consentInForce();


/** Builds the zone-scoped filter. The zone comes from the actor, never from the request. */
function filters(me: Actor, q: Omit<TalentListQuery, 'page' | 'pageSize'>): SQL {
  const f: SQL[] = [eq(talentProfiles.zoneCode, me.zoneCode ?? '\u0000none'), hasProfileConsent];
  if (q.craft) f.push(arrayContains(talentProfiles.crafts, [q.craft]));
  if (q.education) f.push(eq(talentProfiles.education, q.education));
  if (q.district) f.push(eq(talentProfiles.residenceDistrict, q.district));
  if (q.verification === 'any_verified') f.push(sql`exists (select 1 from ${evidence} e where e.talent_id = ${talentProfiles.userId} and e.status = 'verified')`);
  if (q.verification === 'pending') f.push(sql`exists (select 1 from ${evidence} e where e.talent_id = ${talentProfiles.userId} and e.status = 'pending')`);
  if (q.verification === 'none') f.push(sql`not exists (select 1 from ${evidence} e where e.talent_id = ${talentProfiles.userId})`);
  if (q.tier) f.push(tierFilter(q.tier));
  if (q.q) {
    const like = `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    f.push(or(ilike(talentProfiles.legalName, like), ilike(talentProfiles.artistName, like))!);
  }
  return and(...f)!;
}

/**
 * Tier as a directory filter, from the claimed credentials (the binding A–E determination is the policy engine's):
 * B national masters or national ICH; C provincial masters, provincial ICH or 正高; D municipal masters or ICH, 副高;
 * E 中级 title or skill level 2 and above.
 */
function tierFilter(tier: 'A' | 'B' | 'C' | 'D' | 'E'): SQL {
  const honour = (types: string[]) => sql`exists (select 1 from jsonb_array_elements(coalesce(${talentProfiles.honours}, '[]'::jsonb)) h where h->>'type' in (${sql.join(types.map((t) => sql`${t}`), sql`, `)}))`;
  switch (tier) {
    case 'A':
      return sql`false`;
    case 'B':
      return or(honour(['中国工艺美术大师', '中国陶瓷艺术大师', '中华技能大奖']), eq(talentProfiles.ichLevel, 'national'))!;
    case 'C':
      return or(honour(['省级工艺美术大师']), eq(talentProfiles.ichLevel, 'provincial'), eq(talentProfiles.titleLevel, '正高'))!;
    case 'D':
      return or(honour(['市级大师']), eq(talentProfiles.ichLevel, 'municipal'), eq(talentProfiles.titleLevel, '副高'))!;
    case 'E':
      return or(eq(talentProfiles.titleLevel, '中级'), inArray(talentProfiles.skillLevel, ['1', '2']))!;
  }
}

const listColumns = {
  id: talentProfiles.userId,
  legalName: talentProfiles.legalName,
  displayName: users.displayName,
  artistName: talentProfiles.artistName,
  phoneEnc: users.phoneEnc,
  nationality: talentProfiles.nationality,
  residenceDistrict: talentProfiles.residenceDistrict,
  education: talentProfiles.education,
  crafts: talentProfiles.crafts,
  titleLevel: talentProfiles.titleLevel,
  ichLevel: talentProfiles.ichLevel,
  createdAt: talentProfiles.createdAt,
  /** Exact text of created_at (microseconds): the keyset cursor must not lose precision through a JS Date. */
  createdAtKey: sql<string>`${talentProfiles.createdAt}::text`,
};

type ListRow = { [K in keyof typeof listColumns]: unknown };
type Counts = Map<string, { verified: number; pending: number }>;

/** Evidence counts for one page of talents only (never for the whole zone). */
async function evidenceCounts(ids: string[]): Promise<Counts> {
  if (ids.length === 0) return new Map();
  const db = await getDb();
  const rows = await db
    .select({
      id: evidence.talentId,
      verified: sql<number>`count(*) filter (where ${evidence.status} = 'verified')::int`,
      pending: sql<number>`count(*) filter (where ${evidence.status} = 'pending')::int`,
    })
    .from(evidence)
    .where(inArray(evidence.talentId, ids))
    .groupBy(evidence.talentId);
  return new Map(rows.map((r) => [r.id, { verified: Number(r.verified), pending: Number(r.pending) }]));
}

async function withCounts(rows: ListRow[]): Promise<TalentListItem[]> {
  const counts = await evidenceCounts(rows.map((r) => r.id as string));
  return rows.map((r) => toListItem(r, counts));
}

export function toListItem(r: ListRow, counts: Counts): TalentListItem {
  return {
    id: r.id as string,
    name: (r.legalName as string | null) ?? (r.displayName as string),
    artist_name: r.artistName as string | null,
    phone: r.phoneEnc ? maskPhone(decryptField(r.phoneEnc as string)) : null,
    nationality: r.nationality as string | null,
    residence_district: r.residenceDistrict as string | null,
    education: r.education as string | null,
    crafts: (r.crafts as string[] | null) ?? [],
    title_level: r.titleLevel as string | null,
    ich_level: r.ichLevel as string | null,
    verified_count: counts.get(r.id as string)?.verified ?? 0,
    pending_count: counts.get(r.id as string)?.pending ?? 0,
    registered_at: (r.createdAt as Date).toISOString(),
  };
}

/** Staff directory: the caller's zone only, masked, paginated; the read is audited. */
export async function listTalents(actor: Actor | null, q: TalentListQuery, ip: string) {
  const me = await authorize(actor, 'talents.read', undefined, { ip });
  const db = await getDb();
  const where = filters(me, q);
  const [rows, [total]] = await Promise.all([
    db
      .select(listColumns)
      .from(talentProfiles)
      .innerJoin(users, eq(users.id, talentProfiles.userId))
      .where(where)
      .orderBy(desc(talentProfiles.createdAt), desc(talentProfiles.userId))
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    db.select({ n: count() }).from(talentProfiles).where(where),
  ]);
  await audit({ action: 'talents.list', result: 'ok', actorId: me.id, actorRole: me.role, ip, detail: { zone: me.zoneCode, page: q.page, returned: rows.length } });
  return { items: await withCounts(rows), total: total?.n ?? 0, page: q.page, pageSize: q.pageSize };
}

/** Streams every matching row in pages (for exports) without loading the whole zone into memory. */
export async function* iterateTalents(me: Actor, q: Omit<TalentListQuery, 'page' | 'pageSize'>, batch = 1000): AsyncGenerator<TalentListItem[]> {
  const db = await getDb();
  const where = filters(me, q);
  let after: { key: string; id: string } | null = null;
  for (;;) {
    const cursor: SQL | undefined = after ? sql`(${talentProfiles.createdAt}, ${talentProfiles.userId}) < (${after.key}::timestamptz, ${after.id}::uuid)` : undefined;
    const rows: ListRow[] = await db
      .select(listColumns)
      .from(talentProfiles)
      .innerJoin(users, eq(users.id, talentProfiles.userId))
      .where(cursor ? and(where, cursor) : where)
      .orderBy(desc(talentProfiles.createdAt), desc(talentProfiles.userId))
      .limit(batch);
    if (rows.length === 0) return;
    yield await withCounts(rows);
    const last = rows[rows.length - 1]!;
    after = { key: last.createdAtKey as string, id: last.id as string };
    if (rows.length < batch) return;
  }
}

async function loadInZone(actor: Actor | null, id: string, permission: 'talents.read' | 'talents.reveal' | 'talents.assign_zone', ip: string) {
  const db = await getDb();
  const [row] = await db
    .select({ p: talentProfiles, u: users })
    .from(talentProfiles)
    .innerJoin(users, eq(users.id, talentProfiles.userId))
    .where(and(eq(talentProfiles.userId, id), hasProfileConsent))
    .limit(1);
  // A talent outside the caller's zone is denied exactly like a missing one is (no probing across zones).
  const me = await authorize(actor, permission, { zoneCode: row?.p.zoneCode ?? '\u0000none' }, { ip, targetType: 'talent', targetId: id });
  if (!row) throw new AppError('NOT_FOUND');
  return { me, row };
}

export async function getTalentForStaff(actor: Actor | null, id: string, ip: string) {
  const { me, row } = await loadInZone(actor, id, 'talents.read', ip);
  const db = await getDb();
  const ev = await db.select().from(evidence).where(eq(evidence.talentId, id)).orderBy(desc(evidence.createdAt));
  await audit({ action: 'talents.read', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'talent', targetId: id, ip });
  const canonical = toCanonical(row.p as unknown as ProfileColumns);
  return {
    id,
    name: row.p.legalName ?? row.u.displayName,
    talent_number: talentNumber(id, row.p.createdAt),
    artist_name: row.p.artistName,
    email: row.u.email,
    phone: row.u.phoneEnc ? maskPhone(decryptField(row.u.phoneEnc)) : null,
    id_kind: row.p.idKind,
    id_number: row.p.idNumberEnc ? maskIdNumber(decryptField(row.p.idNumberEnc)) : null,
    profile: canonical,
    derived: deriveProfile(canonical, today()),
    evidence: ev.map((e) => ({ id: e.id, subject: e.subject, item_id: e.itemId, claim: e.claim, status: e.status, reason: e.reason, created_at: e.createdAt.toISOString(), reviewed_at: e.reviewedAt?.toISOString() ?? null })),
  };
}

/** The full value of a masked field, for permitted staff who state a reason; the reason is audited. */
export async function revealTalentField(actor: Actor | null, id: string, field: 'id_number' | 'phone', reason: string, ip: string): Promise<{ field: string; value: string | null }> {
  const { me, row } = await loadInZone(actor, id, 'talents.reveal', ip);
  const enc = field === 'phone' ? row.u.phoneEnc : row.p.idNumberEnc;
  await audit({ action: 'talents.reveal', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'talent', targetId: id, ip, detail: { field, reason } });
  return { field, value: enc ? decryptField(enc) : null };
}


/**
 * Hands a talent of the caller's zone to another office (issue 14 §3), with a stated reason; audited. The assignment
 * then sticks: the zone no longer follows the talent's residence district (lib/talent/service.ts saveMyProfile).
 */
export async function assignTalentZone(actor: Actor | null, id: string, zone: string, reason: string, ip: string): Promise<{ zone: string }> {
  const { me, row } = await loadInZone(actor, id, 'talents.assign_zone', ip);
  const db = await getDb();
  const [target] = await db.select({ code: zones.code }).from(zones).where(eq(zones.code, zone)).limit(1);
  if (!target) throw new AppError('VALIDATION_FAILED', { fieldErrors: { zone: ['validation.zoneRequired'] } });
  await db.transaction(async (tx) => {
    await tx.update(talentProfiles).set({ zoneCode: zone, zoneAssignedBy: me.id, zoneAssignedAt: now() }).where(eq(talentProfiles.userId, id));
    // Open applications follow the talent to the new office (decided ones stay where they were decided).
    await tx.update(policyApplications).set({ zoneCode: zone }).where(and(eq(policyApplications.talentId, id), eq(policyApplications.status, 'submitted')));
    await audit({ action: 'talents.assign_zone', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'talent', targetId: id, ip, detail: { from: row.p.zoneCode, to: zone, reason } }, tx);
  });
  return { zone };
}
