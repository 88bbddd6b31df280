import 'server-only';
import { and, asc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { consents, evidence, policies, policyApplications, talentProfiles, zones } from '@/db/schema';
import { craftLabel, districtLabel } from '@/components/talent/labels';
import { SUBJECT_LABEL } from '@/components/talent/claims';
import { authorize } from '@/lib/auth/authorize';
import { can, type Actor } from '@/lib/auth/permissions';
import { now } from '@/lib/clock';
import { AppError } from '@/lib/http/errors';
import { rowsOf } from '@/lib/jobs/queue';
import { translate, type Locale } from '@/lib/i18n';
import {
  AGE_BUCKETS,
  applicationsByPolicy,
  approvedAmountsPerMonth,
  bucketFor,
  countByBucketAndKey,
  csvSections,
  defaultPeriod,
  localDay,
  periodBounds,
  UNKNOWN_KEY,
  UptakeCounter,
  validatePeriod,
  verificationAges,
  type ApplicationStatus,
  type CsvSection,
} from '@/lib/insights/core';
import { evaluateAll, evaluateStatus } from '@/lib/policy-matching/evaluate';
import { versionInForce } from '@/lib/policy-matching/model';
import type { ProfileColumns } from '@/lib/talent/profile-mapping';
import { matchingProfile } from '@/lib/talent/queries';
import { contentDisposition } from '@/lib/uploads/filename';
import { PERIOD_ERROR_KEYS, periodErrorField, UNKNOWN, type DashboardQuery, type ZoneDashboardDto } from './dashboard-schemas';
import { costKindOf, inForceOnly } from './impact-core';
import { columnsFor, scope } from './reverse';
import { compilePrefilter } from './sql-prefilter';
import { loadCatalogue, revisionOf } from './store';

/**
 * Zone staff dashboard (issue 13 §1): one zone over a period of Jingdezhen calendar days — registrations by craft and
 * by district, the verification queue by age, applications per policy by status, amounts approved per month (by the
 * month of the decision; loan and interest ceilings counted apart, never added), and uptake per policy in force.
 *
 * Authorization here, by zone: `zones.read` with the zone as the resource — the permission model decides who reads a
 * zone's figures (today its own zone staff; talents, secretaries, the 组织部 and the sysadmin are refused, audited).
 * Only counts leave this service, no names.
 *
 * Uptake evaluates every talent of the zone once (keyset batches, the next one read while this one is evaluated)
 * against the catalogue reduced to the versions in force, and counts ELIGIBLE per policy: one pass whatever the
 * number of policies, memory bounded by two batches plus the applicant sets of the period.
 */

const BATCH = 2000;
const FEW = 6;

type Labeller = (key: string) => string;

function series(r: ReturnType<typeof countByBucketAndKey>, label: Labeller) {
  const code = (k: string) => (k === UNKNOWN_KEY ? UNKNOWN : k);
  return {
    keys: r.keys.map((k) => ({ key: code(k), label: label(k) })),
    rows: r.buckets.map((b) => {
      const c = r.counts[b]!;
      return { bucket: b, total: Object.values(c).reduce((s, n) => s + n, 0), counts: Object.fromEntries(r.keys.map((k) => [code(k), c[k] ?? 0])) };
    }),
    totals: Object.fromEntries(r.keys.map((k) => [code(k), r.totals[k] ?? 0])),
  };
}

/** The zones the actor may open (the picker): as many as the permission model gives them. */
async function readableZones(db: DbOrTx, actor: Actor, locale: Locale) {
  const rows = await db.select({ code: zones.code, nameZh: zones.nameZh, nameEn: zones.nameEn }).from(zones).orderBy(asc(zones.code));
  return rows.filter((z) => can(actor, 'zones.read', { zoneCode: z.code })).map((z) => ({ code: z.code, name: locale === 'en' ? z.nameEn : z.nameZh }));
}

/** The period asked for, else the default; a bad one → 400 with a localised message under query.from / query.to. */
export function resolvePeriod(q: DashboardQuery, at: Date): { from: string; to: string } {
  const def = defaultPeriod(at);
  const to = q.to ?? (q.from && q.from > def.to ? q.from : def.to);
  const from = q.from ?? (q.to ? periodOf90(q.to) : def.from);
  const v = validatePeriod(from, to);
  if (!v.ok) throw new AppError('VALIDATION_FAILED', { fieldErrors: { [`query.${periodErrorField(v.error)}`]: [PERIOD_ERROR_KEYS[v.error]] } });
  return { from: v.from, to: v.to };
}
const periodOf90 = (to: string) => new Date(Date.parse(`${to}T00:00:00Z`) - 89 * 86_400_000).toISOString().slice(0, 10);

interface UptakeArgs {
  zoneCode: string;
  evalDate: string;
  applied: ReadonlyMap<string, ReadonlySet<string>>;
}

/** Who is ELIGIBLE today for each policy in force, per zone: reused while nothing it depends on has changed. */
interface EligibleScan {
  key: string;
  at: number;
  inForce: string[];
  eligible: Map<string, string[]>;
  talents: number;
  ms: number;
}
const scans = ((globalThis as { __jpZoneEligible?: Map<string, EligibleScan> }).__jpZoneEligible ??= new Map());
const inFlight = new Map<string, Promise<EligibleScan>>();
/** A scan is reused for at most this long (derived inputs such as portfolio counts have no fingerprint of their own). */
const SCAN_TTL_MS = 120_000;
/** Zones whose eligible lists exceed this many ids are not kept in memory. */
const SCAN_MAX_IDS = 200_000;

/** What the eligible lists depend on: the catalogue, the day, the zone's profiles (ids, last change) and consents. */
async function scanKey(db: DbOrTx, zoneCode: string, evalDate: string): Promise<string> {
  const [[row], revision] = await Promise.all([
    rowsOf<{ n: number; h: string | null; u: string | null; c: string | null }>(
      await db.execute(sql`select count(*)::int as n, sum(hashtext(p.user_id::text))::text as h, max(p.updated_at)::text as u,
        (select max(greatest(c.granted_at, coalesce(c.withdrawn_at, c.granted_at)))::text from ${consents} c join ${talentProfiles} q on q.user_id = c.user_id where q.zone_code = ${zoneCode}) as c
        from ${talentProfiles} p where p.zone_code = ${zoneCode}`),
    ),
    revisionOf(db),
  ]);
  return [revision, evalDate, row?.n, row?.h, row?.u, row?.c].join('|');
}

/**
 * One streamed pass over the zone's talents (profile consent in force): each policy's SQL prefilter ('met' mode,
 * lib/policies/sql-prefilter.ts: a row it drops cannot be ELIGIBLE) is computed per row in the same query, only rows
 * passing at least one are read, and each is evaluated exactly — with the evaluator the talent sees — for the policies
 * whose prefilter it passes. Keyset batches, the next one read while this one is evaluated.
 */
async function scanEligible(db: DbOrTx, zoneCode: string, evalDate: string, key: string): Promise<EligibleScan> {
  const t0 = performance.now();
  const catalogue = await loadCatalogue(db);
  const inForce = catalogue.policies.filter((p) => versionInForce(p, evalDate)).map((p) => p.code);
  const eligible = new Map<string, string[]>(inForce.map((c) => [c, []]));
  let talents = 0;
  if (inForce.length) {
    const cat = inForceOnly(catalogue.policies, evalDate);
    const prefilters = inForce.map((code) => compilePrefilter(code, cat, catalogue.groups, { evalDate, mode: 'met' }));
    const selected = { ...columnsFor(cat, catalogue.groups), candidates: sql<boolean[]>`array[${sql.join(prefilters, sql`, `)}]` };
    const anyCandidate = or(...prefilters)!;
    type Row = Record<string, unknown> & { userId?: string; candidates: boolean[] };
    const fetch = (after: string | null) => db.select(selected).from(talentProfiles).where(and(scope(zoneCode, after), anyCandidate)).orderBy(asc(talentProfiles.userId)).limit(BATCH) as Promise<Row[]>;
    const inScope = db.select({ n: sql<number>`count(*)::int` }).from(talentProfiles).where(scope(zoneCode));
    let pending: Promise<Row[]> | null = fetch(null);
    while (pending) {
      const rows: Row[] = await pending;
      pending = rows.length === BATCH ? fetch(rows[rows.length - 1]!.userId!) : null;
      pending?.catch(() => undefined);
      for (const r of rows) {
        const profile = matchingProfile(r as unknown as ProfileColumns);
        const n = r.candidates.reduce((k, c) => k + (c ? 1 : 0), 0);
        // Few candidates: each evaluated alone (with its gates); many: the whole catalogue once is cheaper.
        const all = n > FEW ? new Map(evaluateAll(profile, cat, catalogue.groups, evalDate, { explain: false }).map((x) => [x.policyCode, x.status])) : null;
        inForce.forEach((code, i) => {
          if (!r.candidates[i]) return;
          const status = all ? all.get(code) : evaluateStatus(profile, cat, catalogue.groups, evalDate, code).status;
          if (status === 'ELIGIBLE') eligible.get(code)!.push(r.userId!);
        });
      }
    }
    talents = Number((await inScope)[0]?.n ?? 0);
  }
  return { key, at: Date.now(), inForce, eligible, talents, ms: Math.round((performance.now() - t0) * 10) / 10 };
}

/**
 * Uptake per policy in force on evalDate: the zone's eligible lists (scanned, or reused while the catalogue, the day,
 * the zone's profiles and consents are unchanged, for at most two minutes) combined with the period's applicants.
 */
export async function zoneUptake(db: DbOrTx, args: UptakeArgs) {
  const t0 = performance.now();
  const key = await scanKey(db, args.zoneCode, args.evalDate);
  const cached = scans.get(args.zoneCode);
  let scan: EligibleScan;
  if (cached && cached.key === key && Date.now() - cached.at < SCAN_TTL_MS) scan = cached;
  else {
    // Concurrent requests for the same zone and state share one scan.
    const flightKey = `${args.zoneCode}|${key}`;
    let flight = inFlight.get(flightKey);
    if (!flight) {
      flight = scanEligible(db, args.zoneCode, args.evalDate, key).finally(() => inFlight.delete(flightKey));
      inFlight.set(flightKey, flight);
    }
    scan = await flight;
    const ids = [...scan.eligible.values()].reduce((n, l) => n + l.length, 0);
    if (ids <= SCAN_MAX_IDS) scans.set(args.zoneCode, scan);
    else scans.delete(args.zoneCode);
  }
  const counter = new UptakeCounter(scan.inForce, new Map([...args.applied].filter(([code]) => scan.eligible.has(code))));
  for (const [code, ids] of scan.eligible) for (const id of ids) counter.add(id, [{ policyCode: code, status: 'ELIGIBLE' }]);
  return { rows: counter.rows(), talents: scan.talents, ms: Math.round((performance.now() - t0) * 10) / 10, scanMs: scan.ms, reused: scan === cached };
}

/** GET /api/v1/zones/{code}/dashboard and the /staff/dashboard page. */
export async function zoneDashboard(
  actor: Actor | null,
  zoneCode: string,
  q: DashboardQuery,
  meta: { ip?: string; locale?: Locale } = {},
  opts: { uptake?: boolean } = {},
): Promise<ZoneDashboardDto> {
  const me = await authorize(actor, 'zones.read', { zoneCode }, { ip: meta.ip, targetType: 'zone', targetId: zoneCode, via: 'zone_dashboard' });
  const locale = meta.locale ?? 'zh-CN';
  const t = (k: string) => translate(locale, k);
  const at = now();
  const { from, to } = resolvePeriod(q, at);
  const db = await getDb();
  const zoneList = await readableZones(db, me, locale);
  const zone = zoneList.find((z) => z.code === zoneCode);
  if (!zone) throw new AppError('NOT_FOUND');
  const { start, end } = periodBounds(from, to);
  const unit = bucketFor(from, to);
  const inPeriod = (col: typeof talentProfiles.createdAt | typeof policyApplications.createdAt | typeof policyApplications.decidedAt): SQL => and(gte(col, start), lt(col, end))!;

  const [talents, pending, apps, approved, catalogue] = await Promise.all([
    db
      .select({ at: talentProfiles.createdAt, crafts: talentProfiles.crafts, district: talentProfiles.residenceDistrict })
      .from(talentProfiles)
      .where(and(scope(zoneCode), inPeriod(talentProfiles.createdAt))),
    db
      .select({ submittedAt: evidence.createdAt, kind: evidence.subject })
      .from(evidence)
      .innerJoin(talentProfiles, eq(talentProfiles.userId, evidence.talentId))
      .where(and(eq(talentProfiles.zoneCode, zoneCode), eq(evidence.status, 'pending'))),
    db
      .select({ policyCode: policyApplications.policyCode, status: policyApplications.status, talentId: policyApplications.talentId })
      .from(policyApplications)
      .where(and(eq(policyApplications.zoneCode, zoneCode), inPeriod(policyApplications.createdAt))),
    // Amounts by the decision, not the submission: an application sent in March and approved in May counts in May.
    db
      .select({ policyCode: policyApplications.policyCode, decidedAt: policyApplications.decidedAt, amount: sql<string | null>`${policyApplications.amountEstimate}::text` })
      .from(policyApplications)
      .where(and(eq(policyApplications.zoneCode, zoneCode), eq(policyApplications.status, 'approved'), inPeriod(policyApplications.decidedAt))),
    loadCatalogue(db),
  ]);

  // Registrations: each talent once, under the first craft listed (stacks add up to the registrations).
  const craftName: Labeller = (k) => (k === UNKNOWN_KEY ? t('zoneDashboard.unknownCraft') : craftLabel(k, locale));
  const districtName: Labeller = (k) => (k === UNKNOWN_KEY ? t('zoneDashboard.unknownDistrict') : (districtLabel(k, locale) ?? k));
  const byCraft = countByBucketAndKey(talents.map((r) => ({ at: r.at, key: r.crafts?.[0] ?? null })), from, to, unit);
  const byDistrict = countByBucketAndKey(talents.map((r) => ({ at: r.at, key: r.district })), from, to, unit);

  const queue = verificationAges(pending, at);
  const kinds = [...new Set(AGE_BUCKETS.flatMap((b) => Object.keys(queue.buckets[b])))].sort();

  // Policy titles and provenance, for every code shown (a retired policy's applications included).
  const evalDate = localDay(at);
  const uptake =
    opts.uptake === false
      ? { rows: [], talents: 0, ms: 0, scanMs: 0, reused: false }
      : await zoneUptake(db, {
          zoneCode,
          evalDate,
          applied: apps.reduce((m, a) => {
            if (a.status !== 'withdrawn') m.set(a.policyCode, (m.get(a.policyCode) ?? new Set<string>()).add(a.talentId));
            return m;
          }, new Map<string, Set<string>>()),
        });
  const codes = [...new Set([...apps.map((a) => a.policyCode), ...approved.map((a) => a.policyCode), ...uptake.rows.map((r) => r.policyCode)])];
  const meta_ = codes.length ? await db.select({ code: policies.code, titleZh: policies.titleZh, titleEn: policies.titleEn, provenance: policies.provenance, category: policies.category }).from(policies).where(inArray(policies.code, codes)) : [];
  const byCode = new Map(meta_.map((p) => [p.code, p]));
  const ref = (code: string) => {
    const p = byCode.get(code);
    return { policyCode: code, title: p ? (locale === 'en' && p.titleEn ? p.titleEn : p.titleZh) : code, demoData: p ? p.provenance !== 'published' : true };
  };
  const kindOf = (code: string) => {
    const p = catalogue.policies.find((x) => x.code === code);
    const v = p ? (versionInForce(p, evalDate) ?? p.versions.at(-1)) : undefined;
    return costKindOf(p?.category ?? byCode.get(code)?.category, v?.benefit);
  };
  const amounts = approvedAmountsPerMonth(
    approved.map((a) => ({ decidedAt: a.decidedAt!, amount: a.amount, finance: kindOf(a.policyCode) === 'finance', nonCash: kindOf(a.policyCode) === 'non_cash' && a.amount === null })),
    from,
    to,
  );

  return {
    zone,
    zones: zoneList,
    from,
    to,
    today: evalDate,
    unit,
    registrations: { total: byCraft.total, byCraft: series(byCraft, craftName), byDistrict: series(byDistrict, districtName) },
    verification: {
      total: queue.total,
      oldestDays: queue.oldestDays,
      kinds: kinds.map((k) => ({ key: k, label: k in SUBJECT_LABEL ? t(SUBJECT_LABEL[k as keyof typeof SUBJECT_LABEL]) : k })),
      buckets: AGE_BUCKETS.map((b) => ({ bucket: b, total: Object.values(queue.buckets[b]).reduce((s, n) => s + n, 0), counts: Object.fromEntries(kinds.map((k) => [k, queue.buckets[b][k] ?? 0])) })),
    },
    applications: { total: apps.length, policies: applicationsByPolicy(apps.map((a) => ({ policyCode: a.policyCode, status: a.status as ApplicationStatus }))).map((r) => ({ ...r, ...ref(r.policyCode) })) },
    amounts: { ...amounts, demoData: approved.some((a) => ref(a.policyCode).demoData) },
    uptake: { evalDate, talents: uptake.talents, ms: uptake.ms, policies: uptake.rows.map((r) => ({ ...r, ...ref(r.policyCode) })) },
  };
}

const percent = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** The dashboard as CSV: one section per chart, the figures of its table view (UTF-8 with BOM, formulas neutralised). */
export async function zoneDashboardCsv(actor: Actor | null, zoneCode: string, q: DashboardQuery, meta: { ip?: string; locale?: Locale } = {}): Promise<Response> {
  const locale = meta.locale ?? 'zh-CN';
  const d = await zoneDashboard(actor, zoneCode, q, meta);
  const t = (k: string, p?: Record<string, string | number>) => translate(locale, k, p);
  const timeSection = (title: string, s: ZoneDashboardDto['registrations']['byCraft']): CsvSection => ({
    title,
    header: [t(`zoneDashboard.unit_${d.unit}`), ...s.keys.map((k) => k.label), t('zoneDashboard.colTotal')],
    rows: s.rows.map((r) => [r.bucket, ...s.keys.map((k) => r.counts[k.key] ?? 0), r.total]),
  });
  const sections: CsvSection[] = [
    timeSection(t('zoneDashboard.chartByCraft'), d.registrations.byCraft),
    timeSection(t('zoneDashboard.chartByDistrict'), d.registrations.byDistrict),
    {
      title: t('zoneDashboard.chartQueue'),
      header: [t('zoneDashboard.colAge'), ...d.verification.kinds.map((k) => k.label), t('zoneDashboard.colTotal')],
      rows: d.verification.buckets.map((b) => [t(`zoneDashboard.age_${b.bucket}`), ...d.verification.kinds.map((k) => b.counts[k.key] ?? 0), b.total]),
    },
    {
      title: t('zoneDashboard.chartApplications'),
      header: [t('zoneDashboard.colPolicy'), t('zoneDashboard.colCode'), t('policyUi.app_submitted'), t('policyUi.app_approved'), t('policyUi.app_rejected'), t('policyUi.app_withdrawn'), t('zoneDashboard.colTotal')],
      rows: d.applications.policies.map((p) => [p.title, p.policyCode, p.submitted, p.approved, p.rejected, p.withdrawn, p.total]),
    },
    {
      title: t('zoneDashboard.chartAmounts'),
      header: [t('zoneDashboard.colMonth'), t('zoneDashboard.colAmountYuan'), t('zoneDashboard.colApproved'), t('zoneDashboard.colFinance'), t('zoneDashboard.colNonCash'), t('zoneDashboard.colUnknownAmount')],
      rows: [...d.amounts.months.map((m) => [m.month, m.amount, m.approved, m.financeCeilings, m.nonCash, m.unknownAmount]), [t('zoneDashboard.colTotal'), d.amounts.total, d.amounts.approved, d.amounts.financeCeilings, d.amounts.nonCash, d.amounts.unknownAmount]],
    },
    {
      title: t('zoneDashboard.chartUptake'),
      header: [t('zoneDashboard.colPolicy'), t('zoneDashboard.colCode'), t('zoneDashboard.colApplied'), t('zoneDashboard.colEligibleNotApplied'), t('zoneDashboard.colEligibleNow'), t('zoneDashboard.colRate')],
      rows: d.uptake.policies.map((p) => [p.title, p.policyCode, p.applied, p.eligibleNotApplied, p.eligibleNow, percent(p.rate)]),
    },
  ];
  return new Response(csvSections(sections), {
    headers: {
      'content-type': 'text/csv; charset=utf-8',
      'content-disposition': contentDisposition(`${t('zoneDashboard.csvName')}-${d.zone.code}-${d.from}_${d.to}.csv`, 'attachment'),
      'cache-control': 'private, no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

/** The 工作台 card: a few headline figures of the last 30 days. */
export async function zoneDashboardSummary(actor: Actor | null, meta: { ip?: string; locale?: Locale } = {}) {
  if (!actor?.zoneCode) return null;
  const at = now();
  const to = localDay(at);
  const d = await zoneDashboard(actor, actor.zoneCode, { from: periodOf30(to), to }, meta, { uptake: false });
  return { from: d.from, to: d.to, registrations: d.registrations.total, queue: d.verification.total, oldestDays: d.verification.oldestDays, applications: d.applications.total, approvedAmount: d.amounts.total, demoData: d.amounts.demoData };
}
const periodOf30 = (to: string) => new Date(Date.parse(`${to}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
