import 'server-only';
import { getDb } from '@/db/client';
import { defineSearchSource, type SearchDocument } from '@/lib/search/source';
import { craftByCode } from '@/lib/talent/crafts';
import { mentorChanged } from './events';
import { loadPublicMentorCards } from './service';

/**
 * The mentors domain's search source (issue 12 §3). Only public mentors are documents (unlinked ones, and linked ones
 * whose talent has opted in to public display), built from an allow-list of public fields: name, crafts, titles and
 * honours (with `verified` when any of them is verified), ICH level, district, studio location text, whether they take
 * apprentices and the free places, a bio excerpt and work titles. Never a phone, an ID number, a birth date, Party data
 * or anything of a talent who has not opted in. Re-indexed after `mentor.changed`, which lib/mentors/jobs.ts also
 * records when a linked talent's profile changes.
 */
export interface MentorSearchDoc extends SearchDocument {
  id: string;
  name: string;
  /** Craft names (zh) and codes: searchable by 青花, filterable by code. */
  crafts: string[];
  titles: string[];
  honours: string[];
  ichLevel: string | null;
  verified: boolean;
  district: string;
  studio: string | null;
  bio: string | null;
  works: string[];
  acceptsApprentices: boolean;
  openPlaces: number;
  demo: boolean;
  updatedAt: string;
  url: string;
}

const PAGE = 200;

type Card = Awaited<ReturnType<typeof loadPublicMentorCards>>[number];

export function mentorDocument(c: Card): MentorSearchDoc {
  const labels = c.crafts.map((code) => craftByCode(code)?.zh).filter((x): x is string => !!x);
  const ich = c.credentials.find((x) => x.kind === 'ich');
  return {
    id: c.id,
    name: c.name,
    crafts: [...labels, ...c.crafts],
    titles: c.credentials.filter((x) => x.kind === 'title').map((x) => x.label),
    honours: c.credentials.filter((x) => x.kind !== 'title').map((x) => x.label).filter(Boolean),
    ichLevel: ich?.level ?? null,
    verified: c.credentials.some((x) => x.state === 'verified'),
    district: c.district,
    studio: c.studioLocation,
    bio: c.bioExcerpt,
    works: c.works,
    acceptsApprentices: c.acceptsApprentices && c.freePlaces > 0,
    openPlaces: c.freePlaces,
    demo: c.demo,
    updatedAt: c.updatedAt,
    url: `/mentors/${c.id}`,
  };
}

export const mentorSearchSource = defineSearchSource<MentorSearchDoc>({
  index: 'mentors',
  events: [mentorChanged.type],
  idsOf: (event) => [event.aggregateId],
  async load(ids) {
    const db = await getDb();
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
    const cards = await loadPublicMentorCards(db, ids.filter((id) => uuid.test(id)));
    const out = new Map<string, MentorSearchDoc | null>(ids.map((id) => [id, null]));
    for (const c of cards) out.set(c.id, mentorDocument(c));
    return out;
  },
  async *loadAll() {
    const db = await getDb();
    let after: string | null = null;
    for (;;) {
      const cards = await loadPublicMentorCards(db, null, { after, limit: PAGE });
      if (!cards.length) return;
      yield cards.map(mentorDocument);
      after = cards.at(-1)!.id;
      if (cards.length < PAGE) return;
    }
  },
});
