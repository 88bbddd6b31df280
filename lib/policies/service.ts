import 'server-only';
import { asc, desc, eq } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { exclusionGroups, policies, policyVersions } from '@/db/schema';
import { authorize } from '@/lib/auth/authorize';
import { can, type Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/http/errors';
import { hit } from '@/lib/rate-limit';
import { rateLimitKeyForIp } from '@/lib/http/client-ip';
import { evaluateAll } from '@/lib/policy-matching/evaluate';
import { versionInForce, type EvaluationResult, type Policy, type PolicyVersion } from '@/lib/policy-matching/model';
import { formatYmd, parseIsoDate } from '@/lib/talent/dates';
import { hasConsent, loadMatchingProfile } from '@/lib/talent/queries';
import type { CanonicalProfile } from '@/lib/talent/profile-schema';
import { jdzToday } from '@/lib/clock';
import { derivedCache, loadCatalogue, policyFromRow, revisionOf, versionFromRow, type Catalogue, type PolicyRow, type VersionRow } from './store';
import type { EvaluateInput, EvaluateResponse, EvaluationResultDto, PolicyDetail, PolicySummary } from './schemas';

/**
 * Policy matching use cases: the public calculator, 我的政策, the public catalogue. Every path evaluates with the
 * one pure engine (lib/policy-matching/evaluate.ts) over the catalogue stored in the database.
 */

export const EVALUATE_IP_LIMIT = Number(process.env.EVALUATE_IP_LIMIT ?? 120);
const EVALUATE_WINDOW_MS = 60_000;

/** Today's date in Jingdezhen as YYYY-MM-DD. */
export function todayIso(): string {
  return formatYmd(jdzToday());
}

/** The version of a policy in force on a date (lib/policy-matching/model.ts: the one rule), or null. */
export { versionInForce };

/** The version shown as "current": in force today, else the next one to start, else the latest. */
function currentVersion(p: Policy, on: string): PolicyVersion | null {
  return versionInForce(p, on) ?? p.versions.find((v) => v.effective_from > on) ?? p.versions.at(-1) ?? null;
}

const appMode = (v: PolicyVersion | null) => (v ? (v.application?.mode ?? null) : null);
const benefitText = (v: PolicyVersion | null) => (v ? { zh: v.benefit.text_zh, en: v.benefit.text_en ?? v.benefit.text_zh } : null);

function decorate(results: EvaluationResult[], catalogue: Catalogue, evalDate: string, includeNotInForce: boolean): EvaluationResultDto[] {
  const byCode = new Map(catalogue.policies.map((p) => [p.code, p]));
  return results
    .filter((r) => includeNotInForce || r.status !== 'NOT_IN_FORCE')
    .map((r) => {
      const p = byCode.get(r.policyCode)!;
      const v = versionInForce(p, evalDate);
      return {
        ...r,
        title: { zh: p.title_zh, en: p.title_en ?? p.title_zh },
        provenance: p.provenance,
        demoData: p.provenance !== 'published',
        category: p.category,
        applicationMode: appMode(v),
        benefitText: benefitText(v),
        benefitKind: v?.benefit.kind ?? null,
      };
    });
}

/** Missing raw fields over all results, most policies unlocked first (ties: first mention). */
export function rankMissingFields(results: readonly EvaluationResult[]): string[] {
  const counts = new Map<string, { n: number; first: number }>();
  let i = 0;
  for (const r of results) {
    if (r.status !== 'NEEDS_INFO') continue;
    for (const f of r.missingFields) {
      const c = counts.get(f);
      if (c) c.n += 1;
      else counts.set(f, { n: 1, first: i++ });
    }
  }
  return [...counts.entries()].sort((a, b) => b[1].n - a[1].n || a[1].first - b[1].first).map(([f]) => f);
}

/** Evaluates a profile against the stored catalogue. Pure apart from reading the catalogue. */
export async function evaluateWithCatalogue(db: DbOrTx, profile: Partial<CanonicalProfile>, evalDate: string, includeNotInForce = false, explain = true): Promise<EvaluateResponse> {
  const catalogue = await loadCatalogue(db);
  const results = evaluateAll(profile, catalogue.policies, catalogue.groups, evalDate, { explain });
  return { evalDate, results: decorate(results, catalogue, evalDate, includeNotInForce), missingFields: rankMissingFields(results) };
}

/**
 * POST /api/v1/policies/evaluate — the anonymous 政策计算器. Stores nothing (only the per-IP rate-limit counter);
 * the profile is validated by the route's schema (field paths on 400).
 */
export async function evaluatePublic(input: EvaluateInput, meta: { ip: string }): Promise<EvaluateResponse> {
  const db = await getDb();
  const limited = await hit(db, `evaluate-ip:${rateLimitKeyForIp(meta.ip)}`, EVALUATE_IP_LIMIT, EVALUATE_WINDOW_MS);
  if (!limited.allowed) throw new AppError('RATE_LIMITED', { retryAfterSeconds: limited.retryAfterSeconds });
  const evalDate = input.evalDate ?? todayIso();
  return evaluateWithCatalogue(db, input.profile, evalDate, input.includeNotInForce ?? false);
}

/** The canonical profile of one talent as every matching path sees it (the one projection of lib/talent/queries.ts). */
export function loadTalentProfile(db: DbOrTx, userId: string): Promise<{ profile: CanonicalProfile; zoneCode: string | null } | null> {
  return loadMatchingProfile(db, userId);
}

/** Whether the talent's profile consent is in force (withdrawn = no matching, no pushes). */
export function hasProfileConsent(db: DbOrTx, userId: string): Promise<boolean> {
  return hasConsent(db, userId, 'profile');
}

/**
 * GET /api/v1/me/matches — 我的政策: my profile against every policy in force. `explain: false` (the 工作台's card,
 * which shows counts, dates and the next question, never a criterion's sentence) skips building the per-criterion
 * explanations: statuses, missing fields, near misses, dates and amounts are the same, the sentences are empty.
 */
export async function myMatches(actor: Actor | null, opts: { evalDate?: string; ip?: string; explain?: boolean } = {}): Promise<EvaluateResponse & { nextQuestion: string | null }> {
  const me = await authorize(actor, 'matches.read_own', actor ? { ownerId: actor.id } : undefined, { ip: opts.ip });
  const db = await getDb();
  const loaded = await loadTalentProfile(db, me.id);
  if (!loaded) throw new AppError('NOT_FOUND');
  // Withdrawing the profile consent stops matching (PIPL): nothing is evaluated from the stored profile.
  if (!(await hasProfileConsent(db, me.id))) throw new AppError('FORBIDDEN', { detailKey: 'talent.consentWithdrawn' });
  const res = await evaluateWithCatalogue(db, loaded.profile, opts.evalDate ?? todayIso(), false, opts.explain !== false);
  return { ...res, nextQuestion: res.missingFields[0] ?? null };
}

// ---------------------------------------------------------------------------------------------------------------
// Catalogue reads
// ---------------------------------------------------------------------------------------------------------------

function versionSummary(r: VersionRow) {
  return {
    version: r.version,
    status: r.status,
    effectiveFrom: r.effectiveFrom,
    effectiveTo: r.effectiveTo,
    publishedAt: r.publishedAt?.toISOString() ?? null,
    changelogNote: r.changelogNote,
  };
}

function summaryOf(row: PolicyRow, versions: VersionRow[], on: string): PolicySummary {
  const meta = policyFromRow(row);
  const published = versions.filter((v) => v.status === 'active');
  const model = { ...meta, versions: published.map(versionFromRow) } as Policy;
  const cur = currentVersion(model, on);
  const curRow = cur ? published.find((v) => v.version === cur.version)! : null;
  return {
    code: row.code,
    title: { zh: row.titleZh, en: row.titleEn ?? row.titleZh },
    summary: row.summaryZh ? { zh: row.summaryZh, en: row.summaryEn ?? row.summaryZh } : null,
    issuer: row.issuer,
    level: row.level,
    category: meta.category,
    provenance: meta.provenance,
    demoData: meta.provenance !== 'published',
    tags: row.tags,
    currentVersion: curRow ? versionSummary(curRow) : null,
    applicationMode: appMode(cur),
    benefitText: benefitText(cur),
  };
}

function matchesQuery(p: PolicySummary, q: string): boolean {
  const needle = q.toLowerCase();
  return [p.code, p.title.zh, p.title.en, p.summary?.zh ?? '', p.summary?.en ?? '', p.issuer ?? '', ...p.tags].some((s) => s.toLowerCase().includes(needle));
}

/** GET /api/v1/policies — published policies (those with an active version); staff also see draft-only policies. */
type ListQuery = { q?: string; category?: string; provenance?: string };

/**
 * Every policy's summary as of `on`: the public list (published policies) or the staff's (drafts too). The public one
 * is kept per process and keyed by the catalogue revision (bumped by triggers with every write, migration 0009) and
 * the day, so publishing, retiring or editing anywhere is seen at the next request (issue 13 §4).
 */
async function catalogueSummaries(db: DbOrTx, staff: boolean, revision: string, on: string): Promise<PolicySummary[]> {
  const key = `${revision}|${on}`;
  if (!staff && derivedCache.key === key) return derivedCache.value as PolicySummary[];
  const [rows, vrows] = await Promise.all([
    db.select().from(policies).orderBy(asc(policies.code)),
    db.select().from(policyVersions).orderBy(asc(policyVersions.effectiveFrom)),
  ]);
  const byCode = new Map<string, VersionRow[]>();
  for (const v of vrows) byCode.set(v.policyCode, [...(byCode.get(v.policyCode) ?? []), v]);
  const items = rows.filter((r) => staff || (byCode.get(r.code) ?? []).some((v) => v.status === 'active')).map((r) => summaryOf(r, byCode.get(r.code) ?? [], on));
  if (!staff) Object.assign(derivedCache, { key, value: items });
  return items;
}

/**
 * The validator of a catalogue list answer: the same revision, day, audience and query give the same body, so a
 * client holding this ETag gets 304 without the list being built.
 */
export async function catalogueListTag(actor: Actor | null, query: ListQuery): Promise<string> {
  const staff = can(actor, 'policies.read_drafts');
  const q = [query.q ?? '', query.category ?? '', query.provenance ?? ''].map(encodeURIComponent).join('&');
  return `W/"${await revisionOf(await getDb())}.${todayIso()}.${staff ? 'staff' : 'public'}.${Buffer.from(q).toString('base64url')}"`;
}

export async function listPolicies(actor: Actor | null, query: ListQuery = {}): Promise<{ items: PolicySummary[]; total: number }> {
  const db = await getDb();
  const staff = can(actor, 'policies.read_drafts');
  const all = await catalogueSummaries(db, staff, await revisionOf(db), todayIso());
  const items = all.filter((p) => (!query.category || p.category === query.category) && (!query.provenance || p.provenance === query.provenance) && (!query.q || matchesQuery(p, query.q)));
  return { items, total: items.length };
}

/** GET /api/v1/policies/{code} — one policy with its versions (drafts only for staff who may edit policies). */
export async function getPolicy(actor: Actor | null, code: string): Promise<PolicyDetail> {
  const db = await getDb();
  const [row] = await db.select().from(policies).where(eq(policies.code, code)).limit(1);
  if (!row) throw new AppError('NOT_FOUND');
  const staff = can(actor, 'policies.read_drafts');
  const vrows = await db.select().from(policyVersions).where(eq(policyVersions.policyCode, code)).orderBy(desc(policyVersions.effectiveFrom), desc(policyVersions.createdAt));
  const visible = vrows.filter((v) => staff || v.status !== 'draft');
  if (!visible.length) throw new AppError('NOT_FOUND');
  const groups = (await db.select().from(exclusionGroups)).filter((g) => g.policyCodes.includes(code) || row.exclusionGroups.includes(g.id));
  const summary = summaryOf(row, vrows, todayIso());
  return {
    ...summary,
    regionScope: row.regionScope,
    sources: row.sources,
    tier: row.tier,
    exclusionGroups: groups.map((g) => ({ id: g.id, rule: g.rule, policyCodes: g.policyCodes, note: g.noteZh })),
    versions: visible.map((v) => ({ ...versionSummary(v), definition: v.definition })),
  };
}

/** Normalises an optional ISO date parameter (already validated by the schema) to today's date. */
export function evalDateOr(d: string | undefined): string {
  return d && parseIsoDate(d) ? d : todayIso();
}
