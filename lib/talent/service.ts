import 'server-only';
import crypto from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import { getDb, type DbOrTx, type Tx } from '@/db/client';
import { preparedOnce } from '@/db/prepared';
import { consents, evidence, talentProfiles, users, zones } from '@/db/schema';
import { audit } from '@/lib/audit/log';
import { recordEvent } from '@/lib/events';
import { authorize } from '@/lib/auth/authorize';
import { normaliseEmail, normalisePhone } from '@/lib/auth/identifiers';
import { hashPassword } from '@/lib/auth/password';
import { checkPassword, policyMessage } from '@/lib/auth/password-policy';
import type { Actor } from '@/lib/auth/permissions';
import { createSession } from '@/lib/auth/sessions';
import { jdzToday, now } from '@/lib/clock';
import { blindIndex, decryptField, encryptField } from '@/lib/crypto/fields';
import { maskIdNumber, maskPhone } from '@/lib/crypto/mask';
import { rateLimitKeyForIp } from '@/lib/http/client-ip';
import { AppError, pgErrorCode, type FieldErrors } from '@/lib/http/errors';
import { hit } from '@/lib/rate-limit';
import { compareYmd, formatYmd, parseIsoDate, type Ymd } from './dates';
import { deriveProfile } from './derived';
import { birthDateOfIdNumber, checkIdNumber, normaliseIdNumber } from './id-number';
import { noticeHash } from './notice-hash';
import { PRIVACY_NOTICE_VERSION } from './privacy-notice';
import { toCanonical, toColumns, type ProfileColumns } from './profile-mapping';
import type { CanonicalProfile } from './profile-schema';
import { registerInput, type MyProfileDto, type RegisterInput } from './schemas';
import { talentNumber } from './talent-number';
import { zoneForDistrict } from './zones';
import { talentProfileChanged } from './events';

export const REGISTER_IP_LIMIT = Number(process.env.REGISTER_IP_LIMIT ?? 20);
const REGISTER_WINDOW_MS = 60 * 60_000;

export function today(): Ymd {
  return jdzToday();
}

const ID_PROBLEM_KEY = {
  format: 'validation.idFormat',
  region: 'validation.idRegion',
  birth_date: 'validation.idBirthDate',
  future_birth: 'validation.idBirthDate',
  checksum: 'validation.idChecksum',
  birth_mismatch: 'validation.idBirthMismatch',
} as const;

/** 景漂登记: creates the account, the profile and the consents in one transaction, and signs the person in. */
export async function registerTalent(raw: RegisterInput, meta: { ip: string; userAgent?: string | null; issueToken?: boolean }) {
  const input = registerInput.parse(raw);
  const db = await getDb();
  const limited = await hit(db, `register-ip:${rateLimitKeyForIp(meta.ip)}`, REGISTER_IP_LIMIT, REGISTER_WINDOW_MS);
  if (!limited.allowed) throw new AppError('RATE_LIMITED', { retryAfterSeconds: limited.retryAfterSeconds });

  const errors: FieldErrors = {};
  const email = input.email ? normaliseEmail(input.email) : null;
  const phone = input.phone ? normalisePhone(input.phone) : null;
  if (input.phone && !phone) errors.phone = ['validation.phoneInvalid'];
  const birth = input.birthDate ? parseIsoDate(input.birthDate) : null;
  if (birth && compareYmd(birth, today()) > 0) errors.birthDate = ['validation.dateInFuture'];
  let idNumber: string | null = null;
  if (input.idNumber) {
    idNumber = normaliseIdNumber(input.idNumber);
    const problem = checkIdNumber(idNumber, { today: today(), birthDate: birth });
    if (problem) errors.idNumber = [ID_PROBLEM_KEY[problem]];
  }
  const passport = input.passportNumber ? input.passportNumber.toUpperCase() : null;
  const pwProblems = checkPassword(input.password, { role: 'talent', email, phone, displayName: input.legalName });
  if (pwProblems.length) errors.password = pwProblems.map(policyMessage);
  if (Object.keys(errors).length) throw new AppError('VALIDATION_FAILED', { fieldErrors: errors });

  const passwordHash = await hashPassword(input.password);
  const idValue = idNumber ?? passport;
  const birthDate = birth ? formatYmd(birth) : idNumber ? formatYmd(birthDateOfIdNumber(idNumber)!) : null;
  try {
    return await db.transaction(async (tx) => {
      const [user] = await tx
        .insert(users)
        .values({
          email,
          phoneIndex: phone ? blindIndex('phone', phone) : null,
          phoneEnc: phone ? encryptField(phone) : null,
          displayName: input.legalName,
          role: 'talent',
          passwordHash,
        })
        .returning();
      await tx.insert(talentProfiles).values({
        userId: user!.id,
        legalName: input.legalName,
        nationality: input.nationality,
        idKind: idNumber ? 'cn_id' : passport ? 'passport' : null,
        idNumberEnc: idValue ? encryptField(idValue) : null,
        idNumberIndex: idValue ? blindIndex(idNumber ? 'cn_id' : `passport:${input.nationality}`, idValue) : null,
        birthDate,
        zoneCode: zoneForDistrict(null), // no district yet: the default office handles them (issue 14 §3)
        ...(input.nationality !== 'CN' ? { hukouProvince: null, hukouCity: null } : {}),
      });
      const t = now();
      await tx.insert(consents).values([
        { userId: user!.id, kind: 'profile', noticeVersion: PRIVACY_NOTICE_VERSION, noticeHash: noticeHash('profile'), grantedAt: t },
        ...(input.consentSensitive ? [{ userId: user!.id, kind: 'sensitive' as const, noticeVersion: PRIVACY_NOTICE_VERSION, noticeHash: noticeHash('sensitive'), grantedAt: t }] : []),
      ]);
      // The API gets a bearer token at once; the web form signs in through next-auth afterwards instead.
      const session = meta.issueToken === false ? null : await createSession(tx, user!, 'api', meta);
      await audit({ action: 'talent.register', result: 'ok', actorId: user!.id, actorRole: 'talent', targetType: 'user', targetId: user!.id, ip: meta.ip, detail: { nationality: input.nationality, sensitiveConsent: input.consentSensitive } }, tx);
      return { user: { id: user!.id, role: 'talent' as const }, token: session?.token ?? '', expiresAt: session?.expiresAt.toISOString() ?? '' };
    });
  } catch (err) {
    if (pgErrorCode(err) === '23505') {
      const detail = String((err as { cause?: { constraint?: string; constraint_name?: string } }).cause?.constraint ?? (err as { cause?: { constraint_name?: string } }).cause?.constraint_name ?? '');
      const field = detail.includes('id_number') ? (idNumber ? 'idNumber' : 'passportNumber') : detail.includes('phone') ? 'phone' : 'email';
      throw new AppError('CONFLICT', { fieldErrors: { [field]: [field === 'idNumber' || field === 'passportNumber' ? 'validation.idTaken' : 'validation.duplicateAccount'] } });
    }
    throw err;
  }
}

async function activeConsents(db: Tx | Awaited<ReturnType<typeof getDb>>, userId: string) {
  const rows = await preparedOnce(db, 'active_consents', (d) =>
    d
      .select()
      .from(consents)
      .where(and(eq(consents.userId, sql.placeholder('userId')), isNull(consents.withdrawnAt)))
  ).execute({ userId });
  return { profile: rows.some((r) => r.kind === 'profile'), sensitive: rows.some((r) => r.kind === 'sensitive'), version: rows[0]?.noticeVersion ?? null };
}

type Status = 'claimed' | 'pending' | 'verified' | 'rejected';
/** Verification state per claim: the newest evidence decides (verified > pending > rejected), no evidence = claimed. */
export function verificationOf(rows: { subject: string; itemId: string | null; status: 'pending' | 'verified' | 'rejected' }[]) {
  const rank = { verified: 3, pending: 2, rejected: 1 } as const;
  const best = new Map<string, Status>();
  for (const r of rows) {
    const key = `${r.subject}:${r.itemId ?? ''}`;
    const cur = best.get(key);
    if (!cur || cur === 'claimed' || rank[r.status] > rank[cur as keyof typeof rank]) best.set(key, r.status);
  }
  return best;
}

export async function getMyProfile(actor: Actor | null): Promise<MyProfileDto> {
  const me = await authorize(actor, 'profile.read_own', actor ? { ownerId: actor.id } : undefined);
  const db = await getDb();
  const [row] = await db.select({ p: talentProfiles, u: users }).from(talentProfiles).innerJoin(users, eq(users.id, talentProfiles.userId)).where(eq(talentProfiles.userId, me.id)).limit(1);
  if (!row) throw new AppError('NOT_FOUND');
  const [c, ev] = await Promise.all([activeConsents(db, me.id), db.select({ subject: evidence.subject, itemId: evidence.itemId, status: evidence.status }).from(evidence).where(eq(evidence.talentId, me.id))]);
  return profileDto(row.p, row.u, c, ev, await officeOf(db, row.p.zoneCode));
}

/** The office (zone) that handles a talent, by name (issue 14 §3). */
async function officeOf(db: DbOrTx, code: string | null): Promise<MyProfileDto['office']> {
  if (!code) return null;
  const [z] = await db.select().from(zones).where(eq(zones.code, code)).limit(1);
  return z ? { code: z.code, name: z.nameZh, name_en: z.nameEn } : { code, name: code, name_en: code };
}

function profileDto(
  p: typeof talentProfiles.$inferSelect,
  u: typeof users.$inferSelect,
  c: { profile: boolean; sensitive: boolean; version: string | null },
  ev: { subject: string; itemId: string | null; status: 'pending' | 'verified' | 'rejected' }[],
  office: MyProfileDto['office'],
): MyProfileDto {
  const canonical = toCanonical(p as unknown as ProfileColumns);
  const v = verificationOf(ev);
  const state = (subject: string, itemId: string | null): Status => v.get(`${subject}:${itemId ?? ''}`) ?? 'claimed';
  return {
    user_id: p.userId,
    talent_number: talentNumber(p.userId, p.createdAt),
    legal_name: p.legalName,
    artist_name: p.artistName,
    id_kind: p.idKind,
    id_number: p.idNumberEnc ? maskIdNumber(decryptField(p.idNumberEnc)) : null,
    phone: u.phoneEnc ? maskPhone(decryptField(u.phoneEnc)) : null,
    email: u.email,
    bio: p.bio,
    showcase_enabled: p.showcaseEnabled,
    showcase_slug: p.showcaseSlug,
    wizard_step: p.wizardStep,
    completed: !!p.completedAt,
    zone: p.zoneCode,
    office,
    consents: { profile: c.profile, sensitive: c.sensitive, notice_version: c.version },
    profile: canonical,
    derived: deriveProfile(canonical, today()) as unknown as Record<string, number | boolean | null>,
    verification: {
      title: canonical.title?.level && canonical.title.level !== 'none' ? state('title', null) : null,
      ich: canonical.ich?.level && canonical.ich.level !== 'none' ? state('ich', null) : null,
      honours: Object.fromEntries((p.honours ?? []).map((h: { id: string }) => [h.id, state('honour', h.id)])),
      awards: Object.fromEntries((p.awards ?? []).map((a: { id: string }) => [a.id, state('award', a.id)])),
    },
  };
}

/** Cross-field checks that need "today": no future dates, graduation and practice after birth, no hukou for foreigners. */
export function profileProblems(p: Partial<CanonicalProfile>, on: Ymd): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, key: string) => (errors[field] ??= []).push(key);
  const dates: [string, string | null | undefined][] = [
    ['birth_date', p.birth_date],
    ['graduation_date', p.graduation_date],
    ['practice_start', p.practice_start],
    ['residence_since', p.residence_since],
    ['title.date', p.title?.date],
    ['business.registered_date', p.business?.registered_date],
    ['relocated_to_jdz_date', p.relocated_to_jdz_date],
  ];
  for (const [field, value] of dates) {
    const d = value ? parseIsoDate(value) : null;
    if (d && compareYmd(d, on) > 0) add(field, 'validation.dateInFuture');
  }
  const birth = p.birth_date ? parseIsoDate(p.birth_date) : null;
  if (birth) {
    for (const [field, value] of dates.slice(1)) {
      const d = value ? parseIsoDate(value) : null;
      if (d && compareYmd(d, birth) < 0) add(field, 'validation.dateBeforeBirth');
    }
  }
  if (p.nationality && p.nationality !== 'CN' && (p.hukou_city || p.hukou_province)) add('hukou_city', 'validation.hukouForCitizens');
  return errors;
}

const newItemId = () => crypto.randomBytes(6).toString('base64url');

const NESTED = ['business', 'studio', 'title', 'ich'] as const;

/** Merges partial nested objects of a patch into the current ones (pure; exported for tests). */
export function mergeNested(current: Partial<CanonicalProfile>, patch: Partial<CanonicalProfile>): Partial<CanonicalProfile> {
  const out: Record<string, unknown> = { ...patch };
  for (const k of NESTED) {
    const next = patch[k];
    const cur = current[k];
    if (next && typeof next === 'object' && cur && typeof cur === 'object') out[k] = { ...cur, ...next };
  }
  return out as Partial<CanonicalProfile>;
}

/** Saves the canonical profile. mode replace: absent fields become unknown; patch: only the fields sent change. */
export async function saveMyProfile(
  actor: Actor | null,
  input: Partial<CanonicalProfile>,
  opts: { mode: 'replace' | 'patch'; extras?: { artist_name?: string | null; bio?: string | null; showcase_enabled?: boolean; wizard_step?: number }; ip: string },
): Promise<MyProfileDto> {
  const me = await authorize(actor, 'profile.update_own', actor ? { ownerId: actor.id } : undefined, { ip: opts.ip });
  const db = await getDb();
  const [existing] = await db.select().from(talentProfiles).where(eq(talentProfiles.userId, me.id)).limit(1);
  if (!existing) throw new AppError('NOT_FOUND');
  const c = await activeConsents(db, me.id);
  if (!c.profile) throw new AppError('FORBIDDEN', { detailKey: 'talent.consentWithdrawn' });

  const current = toCanonical(existing as unknown as ProfileColumns);
  // PATCH is a JSON merge patch (RFC 7396) one level deep: a nested object (business, studio, title, ich) sent with
  // some keys changes only those keys; null clears the whole object.
  if (opts.mode === 'patch') input = mergeNested(current, input);
  const full: Partial<CanonicalProfile> = opts.mode === 'replace' ? { ...input } : { ...current, ...input };
  const problems = profileProblems(full, today());
  // The ID number carries a birth date: the profile must agree with it.
  if (existing.idKind === 'cn_id' && existing.idNumberEnc && full.birth_date) {
    const fromId = birthDateOfIdNumber(decryptField(existing.idNumberEnc));
    if (fromId && formatYmd(fromId) !== full.birth_date) (problems.birth_date ??= []).push('validation.idBirthMismatch');
  }
  if (Object.keys(problems).length) throw new AppError('VALIDATION_FAILED', { fieldErrors: problems });

  const keepIds = new Set([...(existing.honours ?? []), ...(existing.awards ?? []), ...(existing.exhibitions ?? [])].map((i: { id: string }) => i.id));
  const withId = <T extends object>(item: T) => {
    const id = (item as { id?: string }).id;
    return { ...item, id: id && keepIds.has(id) ? id : newItemId() };
  };
  const source: Partial<CanonicalProfile> =
    opts.mode === 'replace'
      ? Object.fromEntries(Object.keys(toCanonical({} as ProfileColumns)).filter((k) => !['portfolio_count', 'receiving', 'received'].includes(k)).map((k) => [k, (input as Record<string, unknown>)[k] ?? null]))
      : input;
  const columns = toColumns(source, withId);
  const residence = 'residenceDistrict' in columns ? columns.residenceDistrict : existing.residenceDistrict;
  const extras = opts.extras ?? {};
  const changed = Object.keys(columns);
  const [updated] = await db.transaction(async (tx) => {
    const rows = await tx
      .update(talentProfiles)
      .set({
        ...(columns as Partial<typeof talentProfiles.$inferInsert>),
        // The office follows where the person lives, unless staff assigned one by hand (issue 14 §3).
        ...(existing.zoneAssignedAt ? {} : { zoneCode: zoneForDistrict(residence) }),
        ...(extras.artist_name !== undefined ? { artistName: extras.artist_name } : {}),
        ...(extras.bio !== undefined ? { bio: extras.bio } : {}),
        ...(extras.showcase_enabled !== undefined ? { showcaseEnabled: extras.showcase_enabled, showcaseSlug: existing.showcaseSlug ?? newItemId().toLowerCase() } : {}),
        ...(extras.wizard_step !== undefined ? { wizardStep: Math.max(existing.wizardStep, extras.wizard_step) } : {}),
        ...(extras.wizard_step !== undefined && extras.wizard_step >= 4 && !existing.completedAt ? { completedAt: now() } : {}),
      })
      .where(eq(talentProfiles.userId, me.id))
      .returning();
    await audit({ action: 'talent.profile_update', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'user', targetId: me.id, ip: opts.ip, detail: { mode: opts.mode, fields: changed.length } }, tx);
    // In the same transaction: the proactive push (issue 4 §9) and other reactions are consumers of this event.
    await recordEvent(tx, talentProfileChanged, me.id, { talentId: me.id, fields: changed }, { actorId: me.id });
    return rows;
  });
  const [u] = await db.select().from(users).where(eq(users.id, me.id)).limit(1);
  const ev = await db.select({ subject: evidence.subject, itemId: evidence.itemId, status: evidence.status }).from(evidence).where(eq(evidence.talentId, me.id));
  return profileDto(updated!, u!, c, ev, await officeOf(db, updated!.zoneCode));
}

/**
 * Withdrawing a consent stops that processing (PIPL art. 15): `sensitive` deletes the ID/passport number and
 * hides evidence files; `profile` takes the person out of directories, showcases and matching.
 */
export async function setConsent(actor: Actor | null, kind: 'profile' | 'sensitive', granted: boolean, ip: string): Promise<{ profile: boolean; sensitive: boolean }> {
  const me = await authorize(actor, 'profile.update_own', actor ? { ownerId: actor.id } : undefined, { ip });
  const db = await getDb();
  await db.transaction(async (tx) => {
    const t = now();
    if (granted) {
      await tx.insert(consents).values({ userId: me.id, kind, noticeVersion: PRIVACY_NOTICE_VERSION, noticeHash: noticeHash(kind), grantedAt: t }).onConflictDoNothing();
    } else {
      await tx.update(consents).set({ withdrawnAt: t }).where(and(eq(consents.userId, me.id), eq(consents.kind, kind), isNull(consents.withdrawnAt)));
      if (kind === 'sensitive') {
        await tx.update(talentProfiles).set({ idNumberEnc: null, idNumberIndex: null, idKind: null }).where(eq(talentProfiles.userId, me.id));
      } else {
        await tx.update(talentProfiles).set({ showcaseEnabled: false }).where(eq(talentProfiles.userId, me.id));
      }
    }
    await audit({ action: granted ? 'consent.grant' : 'consent.withdraw', result: 'ok', actorId: me.id, actorRole: me.role, targetType: 'consent', targetId: kind, ip, detail: { version: PRIVACY_NOTICE_VERSION } }, tx);
    // The profile consent changes what others may see and match, so both directions record the event in this
    // transaction: granting it back makes the person matchable again (policies they now qualify for are pushed);
    // withdrawing it takes them out of public display, and consumers such as the mentors domain (a linked mentor page
    // is public only with it) and through it search must drop them now, not at the nightly reconciliation. The push
    // consumer checks the consent itself, so a withdrawal pushes nothing.
    if (kind === 'profile') await recordEvent(tx, talentProfileChanged, me.id, { talentId: me.id, fields: ['consent.profile'] }, { actorId: me.id });
  });
  const c = await activeConsents(db, me.id);
  return { profile: c.profile, sensitive: c.sensitive };
}
