import { asc, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { policies, policyVersions } from '@/db/schema';
import { defineSearchSource, type SearchDocument } from '@/lib/search/source';
import { versionInForce, type PolicyVersion } from '@/lib/policy-matching/model';
import { jdzToday } from '@/lib/clock';
import { formatYmd } from '@/lib/talent/dates';
import { policyMetaUpdated, policyVersionPublished, policyVersionRetired } from './events';
import { versionFromRow, type PolicyRow, type VersionRow } from './store';

/**
 * The policy domain's search source (issue 12 §3). A policy is public — and searchable — once it has an active
 * version, exactly as on the public catalogue list. Documents hold an allow-list of public catalogue fields only
 * (titles, summary, issuer, level, category, tags, benefit text, in-force status); never applicant data.
 */
export interface PolicySearchDoc extends SearchDocument {
  id: string;
  code: string;
  title: string;
  titleEn: string;
  summary: string;
  summaryEn: string;
  category: string;
  level: string | null;
  issuer: string | null;
  tags: string[];
  provenance: string;
  demoData: boolean;
  /** A version is in force today (Jingdezhen date); refreshed by the nightly reconciliation. */
  inForce: boolean;
  benefit: string;
  benefitEn: string;
  applicationMode: string | null;
  /** Start of the current version (YYYY-MM-DD), sortable. */
  effectiveFrom: string | null;
  /** Last change of the policy row (ISO), sortable. */
  updatedAt: string;
}

const PAGE = 200;

function today(): string {
  return formatYmd(jdzToday());
}

/** One policy row and all its version rows → the public document, or null when nothing is published. */
export function policyDocument(row: PolicyRow, versions: readonly VersionRow[], on: string = today()): PolicySearchDoc | null {
  const active = versions.filter((v) => v.status === 'active').map(versionFromRow);
  if (!active.length) return null;
  const sorted = [...active].sort((a, b) => a.effective_from.localeCompare(b.effective_from));
  const inForce = versionInForce({ versions: sorted }, on);
  const cur: PolicyVersion | null = inForce ?? sorted.find((v) => v.effective_from > on) ?? sorted.at(-1) ?? null;
  return {
    id: row.code,
    code: row.code,
    title: row.titleZh,
    titleEn: row.titleEn ?? '',
    summary: row.summaryZh ?? '',
    summaryEn: row.summaryEn ?? '',
    category: row.category,
    level: row.level,
    issuer: row.issuer,
    tags: [...row.tags],
    provenance: row.provenance,
    demoData: row.provenance !== 'published',
    inForce: inForce !== null,
    benefit: cur?.benefit.text_zh ?? '',
    benefitEn: cur?.benefit.text_en ?? cur?.benefit.text_zh ?? '',
    applicationMode: cur?.application?.mode ?? null,
    effectiveFrom: cur?.effective_from ?? null,
    updatedAt: row.updatedAt.toISOString(),
  };
}

async function documentsFor(codes: readonly string[]): Promise<PolicySearchDoc[]> {
  if (!codes.length) return [];
  const db = await getDb();
  const [rows, vrows] = await Promise.all([
    db.select().from(policies).where(inArray(policies.code, [...codes])),
    db.select().from(policyVersions).where(inArray(policyVersions.policyCode, [...codes])),
  ]);
  const on = today();
  return rows.map((r) => policyDocument(r, vrows.filter((v) => v.policyCode === r.code), on)).filter((d): d is PolicySearchDoc => d !== null);
}

export const policySearchSource = defineSearchSource<PolicySearchDoc>({
  index: 'policies',
  events: [policyVersionPublished.type, policyVersionRetired.type, policyMetaUpdated.type],
  async load(ids) {
    const docs = await documentsFor(ids);
    const out = new Map<string, PolicySearchDoc | null>(ids.map((id) => [id, null]));
    for (const d of docs) out.set(d.id, d);
    return out;
  },
  async *loadAll() {
    const db = await getDb();
    const codes = (await db.select({ code: policies.code }).from(policies).orderBy(asc(policies.code))).map((r) => r.code);
    for (let i = 0; i < codes.length; i += PAGE) {
      const docs = await documentsFor(codes.slice(i, i + PAGE));
      if (docs.length) yield docs;
    }
  },
});
