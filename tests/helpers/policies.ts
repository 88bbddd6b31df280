import type { Db } from '@/db/client';
import { applicationMaterials, policyApplications } from '@/db/schema';
import { clearCatalogueCache, seedCatalogue } from '@/lib/policies/store';
import { allOf, leaf, type Policy, type PolicyVersion } from '@/lib/policy-matching/model';

/** A minimal valid version document: Chinese nationals, 1,000 once, one material. */
export function simpleVersion(overrides: Partial<PolicyVersion> = {}): PolicyVersion {
  return {
    version: '1.0.0',
    effective_from: '2024-01-01',
    criteria: allOf(leaf('nationality', 'eq', 'CN', { id: 'c_cn' })),
    benefit: { kind: 'cash_once', amount: 1000, currency: 'CNY', period: 'once', text_zh: '一次性补贴 1000 元', text_en: 'One-off 1,000 CNY' },
    application: { mode: '申请', materials: [{ code: 'id_card', name_zh: '身份证', name_en: 'ID card' }], manual_confirmation: true },
    test_cases: [
      { name: 'citizen', profile: { nationality: 'CN' }, eval_date: '2026-06-01', expect: 'ELIGIBLE', amount: 1000 },
      { name: 'foreigner', profile: { nationality: 'JP' }, eval_date: '2026-06-01', expect: 'INELIGIBLE' },
      { name: 'unknown', profile: {}, eval_date: '2026-06-01', expect: 'NEEDS_INFO' },
    ],
    ...overrides,
  };
}

export const simpleMeta = (code: string) => ({
  code,
  title_zh: `测试政策 ${code}`,
  title_en: `Test policy ${code}`,
  issuer: '珠山区人才办',
  level: 'district' as const,
  category: 'living' as const,
  provenance: 'modelled' as const,
  region_scope: ['CN-JX-JDZ'],
  tags: ['测试'],
  sources: [],
});

export function simplePolicy(code: string, version: Partial<PolicyVersion> = {}): Policy {
  return { ...simpleMeta(code), versions: [simpleVersion(version)] } as Policy;
}

/** Seeds an active test policy (and drops the cached catalogue). */
export async function seedSimplePolicy(db: Db, code = 'JP-901', version: Partial<PolicyVersion> = {}): Promise<Policy> {
  const p = simplePolicy(code, version);
  await seedCatalogue(db, [p], []);
  clearCatalogueCache();
  return p;
}

/** An application row straight into the table (fixtures). */
export async function insertApplication(db: Db, talentId: string, code: string, zoneCode: string | null, status: 'submitted' | 'approved' = 'submitted') {
  const [row] = await db
    .insert(policyApplications)
    .values({ talentId, policyCode: code, version: '1.0.0', periodKey: 'once', zoneCode, evaluation: { status: 'ELIGIBLE' }, status })
    .returning();
  return row!;
}

/** A stored material file of the talent for a policy (a tiny PDF), attached to an application when given. */
export async function insertMaterialUpload(db: Db, talentId: string, policyCode: string, code = 'id_card', applicationId: string | null = null) {
  const { getStorage, newBlobKey } = await import('@/lib/storage/storage');
  const { tinyPdf } = await import('@/lib/policies/material-file');
  const bytes = tinyPdf(`${policyCode} ${code}`);
  const key = newBlobKey();
  await getStorage().put(key, bytes, { contentType: 'application/pdf' });
  const [row] = await db
    .insert(applicationMaterials)
    .values({ talentId, policyCode, materialCode: code, applicationId, storageKey: key, contentType: 'application/pdf', size: bytes.byteLength, fileName: `${code}.pdf` })
    .returning();
  return row!;
}
