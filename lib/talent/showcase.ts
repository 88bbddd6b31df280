import 'server-only';
import { and, arrayContains, desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { evidence, talentProfiles, users, workImages, works } from '@/db/schema';
import { AppError } from '@/lib/http/errors';
import { CRAFT_CODES } from './crafts';
import { publicDisplayRule } from './queries';
import { SHOWCASE_SLUG } from './slug';

/**
 * Public showcases (opt-in): name, crafts, bio, verified honours and public works. Nothing sensitive —
 * no contact details, ID, birth date or unverified claims. The "contact" button goes through the portal.
 */
export const showcaseQuery = z.strictObject({
  craft: z.enum(CRAFT_CODES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(60).default(24),
});

export const showcaseCard = z.object({
  slug: z.string(),
  name: z.string(),
  artist_name: z.string().nullable(),
  crafts: z.array(z.string()),
  verified_badges: z.number().int(),
  cover_url: z.string().nullable(),
});
export const showcaseDto = z.object({
  slug: z.string(),
  name: z.string(),
  artist_name: z.string().nullable(),
  bio: z.string().nullable(),
  crafts: z.array(z.string()),
  verified: z.array(z.object({ subject: z.enum(['title', 'honour', 'ich', 'award']), claim: z.record(z.string(), z.unknown()) })),
  works: z.array(z.object({ id: z.uuid(), title: z.string(), year: z.number().nullable(), techniques: z.array(z.string()), images: z.array(z.object({ url: z.string(), thumb_url: z.string() })) })),
});
export type ShowcaseDto = z.infer<typeof showcaseDto>;

const visible = publicDisplayRule();

const publicClaim = (subject: string, claim: Record<string, unknown>) => {
  // Only what the badge needs; never dates of birth or documents.
  const { id: _id, ...rest } = claim as { id?: string } & Record<string, unknown>;
  return subject === 'title' ? { level: rest.level } : rest;
};

export async function listShowcases(q: z.infer<typeof showcaseQuery>) {
  const db = await getDb();
  const where = q.craft ? and(visible, arrayContains(talentProfiles.crafts, [q.craft])) : visible;
  const rows = await db
    .select({
      userId: talentProfiles.userId,
      slug: talentProfiles.showcaseSlug,
      name: talentProfiles.legalName,
      displayName: users.displayName,
      artistName: talentProfiles.artistName,
      crafts: talentProfiles.crafts,
      badges: sql<number>`(select count(*)::int from ${evidence} e where e.talent_id = ${talentProfiles.userId} and e.status = 'verified')`,
      cover: sql<string | null>`(select w.id || '/images/' || i.id from ${workImages} i join ${works} w on w.id = i.work_id where w.owner_id = ${talentProfiles.userId} and w.visibility = 'public' order by w.created_at desc, i.position limit 1)`,
    })
    .from(talentProfiles)
    .innerJoin(users, eq(users.id, talentProfiles.userId))
    .where(where)
    .orderBy(desc(talentProfiles.updatedAt))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return {
    items: rows.map((r) => ({
      slug: r.slug!,
      name: r.name ?? r.displayName,
      artist_name: r.artistName,
      crafts: r.crafts ?? [],
      verified_badges: Number(r.badges),
      cover_url: r.cover ? `/api/v1/works/${r.cover}?size=thumb` : null,
    })),
    page: q.page,
  };
}

export { SHOWCASE_SLUG };

export async function getShowcase(slug: string): Promise<ShowcaseDto> {
  // /showcases/%ff%fe and other non-slugs never reach the database (they answered 500 there).
  if (!SHOWCASE_SLUG.test(slug)) throw new AppError('NOT_FOUND');
  const db = await getDb();
  const [p] = await db
    .select({ p: talentProfiles, displayName: users.displayName })
    .from(talentProfiles)
    .innerJoin(users, eq(users.id, talentProfiles.userId))
    .where(and(eq(talentProfiles.showcaseSlug, slug), visible))
    .limit(1);
  if (!p) throw new AppError('NOT_FOUND');
  const [verified, ws] = await Promise.all([
    db.select({ subject: evidence.subject, claim: evidence.claim }).from(evidence).where(and(eq(evidence.talentId, p.p.userId), eq(evidence.status, 'verified'))),
    db.select().from(works).where(and(eq(works.ownerId, p.p.userId), eq(works.visibility, 'public'))).orderBy(desc(works.createdAt)).limit(60),
  ]);
  const imgs = ws.length ? await db.select().from(workImages).where(inArray(workImages.workId, ws.map((w) => w.id))) : [];
  return {
    slug,
    name: p.p.legalName ?? p.displayName,
    artist_name: p.p.artistName,
    bio: p.p.bio,
    crafts: p.p.crafts ?? [],
    verified: verified.map((v) => ({ subject: v.subject, claim: publicClaim(v.subject, v.claim) })),
    works: ws.map((w) => ({
      id: w.id,
      title: w.title,
      year: w.year,
      techniques: w.techniques,
      images: imgs.filter((i) => i.workId === w.id).map((i) => ({ url: `/api/v1/works/${w.id}/images/${i.id}`, thumb_url: `/api/v1/works/${w.id}/images/${i.id}?size=thumb` })),
    })),
  };
}
