import { describe, expect, it } from 'vitest';
import { toEVersion, toVersionDoc } from '@/components/policy-staff/editor-model';
import { saveDraftInput } from '@/lib/policies/editor';
import { draftKeyOf, impactInput } from '@/lib/policies/impact';
import { versionFromRow, versionToRow, type VersionRow } from '@/lib/policies/store';
import { CATALOGUE } from '@/lib/policy-matching/catalogue';

/**
 * 政策沙盘 snapshots (ADR 021) are found by the draft's key. The editor previews the document in its form, not the
 * version number: a draft saved from the editor and previewed from the editor must be the same question, or the
 * snapshot computed after the save would never be used. Every version of every core policy, round-tripped as the
 * editor and the store do.
 */
describe('draftKeyOf: the editor’s document and the saved draft are one question', () => {
  it('for every version of every catalogue policy', () => {
    let n = 0;
    for (const p of CATALOGUE) {
      const { versions: _v, ...meta } = p;
      for (const v of p.versions) {
        const fromEditor = toVersionDoc(toEVersion(v));
        const saved = saveDraftInput.parse({ version: fromEditor }).version;
        const { status: _s, ...doc } = saved as typeof saved & { status?: string };
        const row = { ...versionToRow(p.code, doc as never), status: 'draft' } as unknown as VersionRow;
        const reloaded = versionFromRow(row);
        const previewed = impactInput.parse({ version: toVersionDoc(toEVersion(reloaded)) }).version!;
        expect(draftKeyOf(p.code, meta, previewed), `${p.code} ${v.version}`).toBe(draftKeyOf(p.code, meta, reloaded));
        n++;
      }
    }
    expect(n).toBeGreaterThan(40);
  });

  it('a change the evaluator reads changes the key; a title does not', () => {
    const p = CATALOGUE[0]!;
    const { versions, ...meta } = p;
    const v = versions[0]!;
    const key = draftKeyOf(p.code, meta, v);
    expect(draftKeyOf(p.code, { ...meta, title_zh: '另一个标题' }, v)).toBe(key);
    expect(draftKeyOf(p.code, meta, { ...v, effective_from: '2000-01-02' })).not.toBe(key);
    expect(draftKeyOf(p.code, { ...meta, category: meta.category === 'finance' ? 'living' : 'finance' }, v)).not.toBe(key);
    expect(draftKeyOf('JP-999', meta, v)).not.toBe(key);
  });
});
