'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useRef, useState, useTransition, type ReactNode } from 'react';
import { useLocale, useT } from '@/components/i18n/provider';
import { Button } from '@/components/ui/button';
import { Alert, Badge, Card } from '@/components/ui/card';
import { cn } from '@/components/ui/cn';
import type { ActionResult } from '@/lib/actions/result';
import { createPolicyAction, previewAction, saveDraftAction } from '@/lib/policies/actions';
import { impactAction } from '@/lib/policies/impact-actions';
import type { ImpactResponse } from '@/lib/policies/impact';
import { APPLICATION_MODES, BENEFIT_KINDS, CATEGORIES, LEVELS, PERIODS, PROVENANCES, STATUSES, TIER_LETTERS } from '@/lib/policy-matching/model';
import { CriteriaTree, type TreeContext } from './criteria-tree';
import { ImpactView } from './impact-panel';
import { newGolden, newGroup, newUid, normalisePath, toVersionDoc, type EAmountRow, type EGolden, type EMaterial, type EVersion } from './editor-model';
import { CheckboxInput, Issues, SelectInput, TextArea, TextInput, type Option } from './fields';
import { anchorFor, anchorId, describePath, explainIssue, type Issue } from './issues';
import { StatusBadge } from './status-badge';

export interface MetaState {
  code: string;
  title_zh: string;
  title_en: string;
  summary_zh: string;
  summary_en: string;
  issuer: string;
  level: string;
  category: string;
  provenance: string;
  tier: string;
  tags: string;
  region_scope: string;
  sources: { uid: string; title: string; url: string; doc_no: string; published_at: string }[];
}

export const emptyMeta = (): MetaState => ({
  code: '',
  title_zh: '',
  title_en: '',
  summary_zh: '',
  summary_en: '',
  issuer: '',
  level: 'municipal',
  category: 'living',
  provenance: 'modelled',
  tier: '',
  tags: '',
  region_scope: 'CN-JX-JDZ',
  sources: [],
});

interface PreviewData {
  valid: boolean;
  issues: { path: string; message: string }[];
  golden: { name: string; expect: string; actual: string; expectedAmount?: number | null; actualAmount: number | null; pass: boolean; error?: string }[];
  sample: { evalDate: string; counts: Partial<Record<string, number>>; talents: { id: string; name: string; status: string; amountEstimate: number | null }[] };
}

const split = (s: string) =>
  s
    .split(/[,，、;；\n]/)
    .map((x) => x.trim())
    .filter(Boolean);

function metaDoc(m: MetaState) {
  const o = (k: string, v: string) => (v.trim() ? { [k]: v.trim() } : {});
  return {
    code: m.code.trim(),
    title_zh: m.title_zh.trim(),
    ...o('title_en', m.title_en),
    ...o('summary_zh', m.summary_zh),
    ...o('summary_en', m.summary_en),
    issuer: m.issuer.trim(),
    level: m.level,
    category: m.category,
    provenance: m.provenance,
    ...o('tier', m.tier),
    region_scope: split(m.region_scope),
    tags: split(m.tags),
    sources: m.sources.filter((s) => s.title.trim()).map((s) => ({ title: s.title.trim(), ...o('url', s.url), ...o('doc_no', s.doc_no), ...o('published_at', s.published_at) })),
  };
}

/**
 * The structured policy builder (/staff/policies/new and …/[code]/edit): metadata (new policies only), version and
 * dates, the criteria tree, benefit, application and golden cases. 预览 runs the server's preview (nothing saved);
 * 保存草稿 creates the policy or saves the draft version. Every server issue is listed with its path and shown at
 * the node it belongs to.
 */
export function PolicyBuilder({
  mode,
  code,
  initial,
  initialMeta,
  policyOptions,
  goldenProfiles,
  today,
  lockVersion = false,
  demoData = false,
}: {
  lockVersion?: boolean;
  /** The policy is modelled demo data (the impact preview says so). */
  demoData?: boolean;
  mode: 'new' | 'edit';
  code?: string;
  initial: EVersion;
  initialMeta?: MetaState;
  policyOptions: Option[];
  goldenProfiles: string[];
  today: string;
}) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const [meta, setMeta] = useState<MetaState>(initialMeta ?? emptyMeta());
  const [v, setV] = useState<EVersion>(initial);
  const [issues, setIssues] = useState<Issue[]>([]);
  const [formError, setFormError] = useState<string | null>(null);
  const [preview, setPreview] = useState<PreviewData | null>(null);
  const [busy, setBusy] = useState<'preview' | 'impact' | 'save' | null>(null);
  const [impact, setImpact] = useState<ImpactResponse | null>(null);
  const [impactError, setImpactError] = useState<string | null>(null);
  const [, start] = useTransition();
  const summaryRef = useRef<HTMLDivElement>(null);

  const policyCode = mode === 'new' ? meta.code.trim() : code!;
  const setM = <K extends keyof MetaState>(k: K, val: MetaState[K]) => setMeta((m) => ({ ...m, [k]: val }));
  const setVersion = <K extends keyof EVersion>(k: K, val: EVersion[K]) => setV((x) => ({ ...x, [k]: val }));
  const at = (p: string) => issues.filter((i) => i.path === p || i.path.startsWith(`${p}.`) || i.path.startsWith(`${p}[`)).map((i) => explainIssue(i.message, t));

  const materialCodes = v.application.enabled ? v.application.materials.map((m) => m.code.trim()) : [];
  const treeCtx: TreeContext = {
    root: v.criteria,
    setRoot: (fn) => setV((x) => ({ ...x, criteria: fn(x.criteria) })),
    issues,
    policyOptions: policyOptions.filter((o) => o.value !== policyCode),
    materialCodes,
  };

  const collect = (result: ActionResult<unknown>, extra: Issue[] = []) => {
    const fe = result.ok ? {} : (result.fieldErrors ?? {});
    const list: Issue[] = [...extra];
    for (const [k, msgs] of Object.entries(fe)) for (const m of msgs) list.push({ path: k === 'code' ? 'meta:code' : normalisePath(k), message: m });
    return list;
  };

  const focusSummary = () => requestAnimationFrame(() => summaryRef.current?.focus());

  const runPreview = () => {
    setBusy('preview');
    setFormError(null);
    start(async () => {
      const result = await previewAction({ code: policyCode || 'JP-000', version: toVersionDoc(v), ...(mode === 'new' ? { policy: metaDoc(meta) } : {}), sampleSize: 20 });
      setBusy(null);
      if (!result.ok) {
        setPreview(null);
        setIssues(collect(result));
        setFormError(result.formError);
        focusSummary();
        return;
      }
      const data = result.data as PreviewData;
      setPreview(data);
      setIssues(data.issues.map((i) => ({ path: normalisePath(i.path), message: i.message })));
      if (!data.valid) focusSummary();
    });
  };

  /** 政策沙盘: the draft as edited now, against the version in force, over the zone's talents (nothing saved). */
  const runImpact = () => {
    setBusy('impact');
    setImpactError(null);
    start(async () => {
      const result = await impactAction({ code: code!, version: toVersionDoc(v) as never, sampleSize: 20 });
      setBusy(null);
      if (!result.ok) {
        setImpact(null);
        setIssues(collect(result));
        setImpactError(result.formError ?? t('policyImpact.error'));
        return;
      }
      setImpact(result.data as ImpactResponse);
    });
  };

  const save = () => {
    setBusy('save');
    setFormError(null);
    start(async () => {
      const doc = toVersionDoc(v);
      const result = mode === 'new' ? await createPolicyAction({ policy: metaDoc(meta) as never, version: doc }) : await saveDraftAction({ code: code!, version: doc });
      setBusy(null);
      if (!result.ok) {
        setIssues(collect(result));
        setFormError(result.formError);
        focusSummary();
        return;
      }
      setIssues([]);
      router.push(`/staff/policies/${encodeURIComponent(policyCode)}?saved=${encodeURIComponent(v.version.trim())}`);
    });
  };

  const statusOptions = STATUSES.map((s) => ({ value: s, label: t(`policy.status_${s}`) }));

  return (
    <div className="space-y-6 pb-28">
      <div ref={summaryRef} tabIndex={-1} aria-live="polite" className="space-y-3 outline-none">
        {formError || issues.length ? (
          <Alert tone="error">
            <p className="font-medium">{issues.length ? t('policyStaff.issuesTitle', { n: issues.length }) : formError}</p>
            {issues.length && formError ? <p className="mt-1">{formError}</p> : null}
            {issues.length ? (
              <ul className="mt-2 space-y-1" data-testid="builder-issues">
                {issues.map((i, k) => (
                  <li key={k}>
                    <a href={`#${anchorFor(i.path)}`} className="font-medium underline">
                      {describePath(i.path, t)}
                    </a>
                    ：{explainIssue(i.message, t)} <code className="ml-1 rounded bg-red-100 px-1 text-xs">{i.path}</code>
                  </li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}
      </div>

      {mode === 'new' ? (
        <Section id={anchorId('meta')} title={t('policyStaff.sectionMeta')} description={t('policyStaff.sectionMetaHint')}>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextInput label={t('policyStaff.code')} hint={t('policyStaff.codeHint')} value={meta.code} onValue={(x) => setM('code', x.toUpperCase())} errors={at('meta:code')} autoCapitalize="characters" placeholder="JP-901" />
            <TextInput label={t('policyStaff.titleZh')} value={meta.title_zh} onValue={(x) => setM('title_zh', x)} errors={at('meta:title_zh')} />
            <TextInput label={t('policyStaff.titleEn')} value={meta.title_en} onValue={(x) => setM('title_en', x)} errors={at('meta:title_en')} />
            <TextInput label={t('policyStaff.issuer')} hint={t('policyStaff.issuerHint')} value={meta.issuer} onValue={(x) => setM('issuer', x)} errors={at('meta:issuer')} />
            <SelectInput label={t('policyStaff.level')} value={meta.level} onValue={(x) => setM('level', x)} options={LEVELS.map((l) => ({ value: l, label: t(`policyStaff.level_${l}`) }))} errors={at('meta:level')} />
            <SelectInput label={t('policyStaff.category')} value={meta.category} onValue={(x) => setM('category', x)} options={CATEGORIES.map((c) => ({ value: c, label: t(`policy.category_${c}`) }))} errors={at('meta:category')} />
            <SelectInput
              label={t('policyStaff.provenance')}
              hint={t('policyStaff.provenanceHint')}
              value={meta.provenance}
              onValue={(x) => setM('provenance', x)}
              options={PROVENANCES.map((p) => ({ value: p, label: t(`policy.provenance_${p}`) }))}
              errors={at('meta:provenance')}
            />
            <SelectInput label={t('policyStaff.tier')} value={meta.tier} onValue={(x) => setM('tier', x)} options={[{ value: '', label: t('policyStaff.tierNone') }, ...TIER_LETTERS.map((l) => ({ value: l, label: l }))]} />
            <TextArea label={t('policyStaff.summaryZh')} rows={2} value={meta.summary_zh} onValue={(x) => setM('summary_zh', x)} errors={at('meta:summary_zh')} />
            <TextArea label={t('policyStaff.summaryEn')} rows={2} value={meta.summary_en} onValue={(x) => setM('summary_en', x)} errors={at('meta:summary_en')} />
            <TextInput label={t('policyStaff.tags')} hint={t('policyStaff.listHint')} value={meta.tags} onValue={(x) => setM('tags', x)} errors={at('meta:tags')} />
            <TextInput label={t('policyStaff.regionScope')} hint={t('policyStaff.regionScopeHint')} value={meta.region_scope} onValue={(x) => setM('region_scope', x)} errors={at('meta:region_scope')} />
          </div>
          <RowList
            title={t('policyStaff.sources')}
            addLabel={t('policyStaff.addSource')}
            rows={meta.sources}
            onAdd={() => setM('sources', [...meta.sources, { uid: newUid(), title: '', url: '', doc_no: '', published_at: '' }])}
            onRemove={(uid) => setM('sources', meta.sources.filter((s) => s.uid !== uid))}
            render={(s, i) => {
              const upd = (k: 'title' | 'url' | 'doc_no' | 'published_at', x: string) => setM('sources', meta.sources.map((r) => (r.uid === s.uid ? { ...r, [k]: x } : r)));
              return (
                <div className="grid gap-3 sm:grid-cols-4">
                  <TextInput label={t('policyStaff.sourceTitle')} value={s.title} onValue={(x) => upd('title', x)} errors={at(`meta:sources[${i}].title`)} />
                  <TextInput label={t('policyStaff.sourceUrl')} type="url" value={s.url} onValue={(x) => upd('url', x)} errors={at(`meta:sources[${i}].url`)} />
                  <TextInput label={t('policyStaff.sourceDocNo')} value={s.doc_no} onValue={(x) => upd('doc_no', x)} />
                  <TextInput label={t('policyStaff.sourceDate')} type="date" value={s.published_at} onValue={(x) => upd('published_at', x)} />
                </div>
              );
            }}
          />
        </Section>
      ) : null}

      <Section id={anchorId('version')} title={t('policyStaff.sectionVersion')} description={t('policyStaff.sectionVersionHint')}>
        <div className="grid gap-4 sm:grid-cols-3">
          <TextInput label={t('policyStaff.versionNo')} hint={t('policyStaff.versionHint')} value={v.version} onValue={(x) => setVersion('version', x)} errors={at('version')} readOnly={lockVersion} />
          <TextInput label={t('policyStaff.effectiveFrom')} type="date" value={v.effective_from} onValue={(x) => setVersion('effective_from', x)} errors={at('effective_from')} />
          <TextInput label={t('policyStaff.effectiveTo')} hint={t('policyStaff.effectiveToHint')} type="date" value={v.effective_to} onValue={(x) => setVersion('effective_to', x)} errors={at('effective_to')} />
        </div>
      </Section>

      <Section id={anchorId('section-criteria')} title={t('policyStaff.sectionCriteria')} description={t('policyStaff.sectionCriteriaHint')}>
        <CriteriaTree ctx={treeCtx} path="criteria" />
      </Section>

      <BenefitSection v={v} setV={setV} at={at} issues={issues} policyOptions={treeCtx.policyOptions} materialCodes={materialCodes} />

      <ApplicationSection v={v} setV={setV} at={at} />

      <Section id={anchorId('test_cases')} title={t('policyStaff.sectionGolden')} description={t('policyStaff.sectionGoldenHint')}>
        <RowList
          title={t('policyStaff.goldenCases')}
          addLabel={t('policyStaff.addGolden')}
          rows={v.golden}
          onAdd={() => setVersion('golden', [...v.golden, newGolden(today)])}
          onRemove={(uid) => setVersion('golden', v.golden.filter((g) => g.uid !== uid))}
          render={(g, i) => <GoldenRow g={g} i={i} at={at} statusOptions={statusOptions} goldenProfiles={goldenProfiles} onChange={(ng) => setVersion('golden', v.golden.map((x) => (x.uid === g.uid ? ng : x)))} />}
        />
      </Section>

      <div aria-live="polite" data-testid="preview-panel">
        {busy === 'preview' ? <p className="text-sm text-ink-600">{t('policyStaff.previewing')}</p> : null}
        {preview && busy !== 'preview' ? <PreviewView data={preview} locale={locale} /> : null}
      </div>

      {mode === 'edit' ? (
        <section aria-labelledby="impact-title" className="space-y-3" data-testid="impact-panel">
          <div>
            <h2 id="impact-title" className="text-lg font-semibold text-ink-900">
              {t('policyImpact.title')}
            </h2>
            <p className="text-sm text-ink-600">{t('policyImpact.intro')}</p>
          </div>
          <div aria-live="polite" className="space-y-3">
            {busy === 'impact' ? <p className="text-sm text-ink-600">{t('policyImpact.running')}</p> : null}
            {impactError && busy !== 'impact' ? <Alert tone="error">{impactError}</Alert> : null}
            {impact && busy !== 'impact' ? <ImpactView data={impact} demoData={demoData} /> : null}
          </div>
          <Button variant="secondary" onClick={runImpact} disabled={busy !== null} aria-busy={busy === 'impact'} data-testid="run-impact">
            {busy === 'impact' ? t('policyImpact.running') : impact ? t('policyImpact.rerun') : t('policyImpact.run')}
          </Button>
        </section>
      ) : null}

      <div className="fixed inset-x-0 bottom-0 z-20 border-t border-ink-200 bg-white/95 px-4 py-3 shadow-[0_-4px_12px_rgba(0,0,0,0.05)] backdrop-blur">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-end gap-2">
          <p className="mr-auto hidden text-sm text-ink-600 sm:block">{t('policyStaff.actionBarHint')}</p>
          <Button variant="secondary" onClick={runPreview} disabled={busy !== null} aria-busy={busy === 'preview'}>
            {busy === 'preview' ? t('policyStaff.previewing') : t('policyStaff.preview')}
          </Button>
          <Button onClick={save} disabled={busy !== null} aria-busy={busy === 'save'}>
            {busy === 'save' ? t('policyStaff.saving') : t('policyStaff.saveDraft')}
          </Button>
        </div>
      </div>
    </div>
  );
}

function Section({ id, title, description, children }: { id: string; title: string; description?: string; children: ReactNode }) {
  return (
    <Card id={id} tabIndex={-1} className="space-y-4 scroll-mt-24">
      <div>
        <h2 className="text-lg font-semibold text-ink-900">{title}</h2>
        {description ? <p className="mt-1 text-sm text-ink-600">{description}</p> : null}
      </div>
      {children}
    </Card>
  );
}

function RowList<R extends { uid: string }>({ title, addLabel, rows, onAdd, onRemove, render }: { title: string; addLabel: string; rows: R[]; onAdd: () => void; onRemove: (uid: string) => void; render: (r: R, i: number) => ReactNode }) {
  const t = useT();
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-semibold text-ink-900">{title}</legend>
      {rows.length === 0 ? <p className="text-sm text-ink-600">{t('policyStaff.noRows')}</p> : null}
      <ol className="space-y-3">
        {rows.map((r, i) => (
          <li key={r.uid} className="rounded-xl bg-ink-50 p-3 ring-1 ring-inset ring-ink-200">
            <div className="mb-2 flex items-center justify-between">
              <span className="text-sm font-medium text-ink-700">{t('policyStaff.rowN', { n: i + 1 })}</span>
              <Button size="sm" variant="ghost" className="text-red-700" onClick={() => onRemove(r.uid)} aria-label={`${t('policyStaff.remove')} ${title} ${i + 1}`}>
                ✕ {t('policyStaff.remove')}
              </Button>
            </div>
            {render(r, i)}
          </li>
        ))}
      </ol>
      <Button size="sm" variant="secondary" onClick={onAdd}>
        ＋ {addLabel}
      </Button>
    </fieldset>
  );
}

type At = (p: string) => string[];

function BenefitSection({ v, setV, at, issues, policyOptions, materialCodes }: { v: EVersion; setV: (fn: (v: EVersion) => EVersion) => void; at: At; issues: Issue[]; policyOptions: Option[]; materialCodes: string[] }) {
  const t = useT();
  const b = v.benefit;
  const set = (k: keyof EVersion['benefit'], val: string) => setV((x) => ({ ...x, benefit: { ...x.benefit, [k]: val } }));
  const setTable = (fn: (rows: EAmountRow[]) => EAmountRow[]) => setV((x) => ({ ...x, benefit: { ...x.benefit, table: fn(x.benefit.table) } }));
  return (
    <Section id={anchorId('benefit')} title={t('policyStaff.sectionBenefit')} description={t('policyStaff.sectionBenefitHint')}>
      <div className="grid gap-4 sm:grid-cols-3">
        <SelectInput label={t('policyStaff.benefitKind')} value={b.kind} onValue={(x) => set('kind', x)} options={[{ value: '', label: t('policyStaff.choose') }, ...BENEFIT_KINDS.map((k) => ({ value: k, label: t(`policyStaff.kind_${k}`) }))]} errors={at('benefit.kind')} />
        <TextInput label={t('policyStaff.amount')} hint={t('policyStaff.amountHint')} type="number" inputMode="decimal" min={0} value={b.amount} onValue={(x) => set('amount', x)} errors={at('benefit.amount')} />
        <SelectInput label={t('policyStaff.period')} value={b.period} onValue={(x) => set('period', x)} options={[{ value: '', label: t('policyStaff.choose') }, ...PERIODS.map((p) => ({ value: p, label: t(`policyStaff.period_${p}`) }))]} errors={at('benefit.period')} />
        <TextInput label={t('policyStaff.durationMonths')} type="number" inputMode="numeric" min={1} value={b.duration_months} onValue={(x) => set('duration_months', x)} errors={at('benefit.duration_months')} />
        <TextInput label={t('policyStaff.rate')} hint={t('policyStaff.rateHint')} type="number" inputMode="decimal" step="any" min={0} max={1} value={b.rate} onValue={(x) => set('rate', x)} errors={at('benefit.rate')} />
        <TextInput label={t('policyStaff.cap')} type="number" inputMode="decimal" min={0} value={b.cap} onValue={(x) => set('cap', x)} errors={at('benefit.cap')} />
        <TextInput label={t('policyStaff.schedule')} hint={t('policyStaff.scheduleHint')} value={b.schedule} onValue={(x) => set('schedule', x)} errors={at('benefit.schedule')} />
        <TextInput label={t('policyStaff.benefitTextZh')} value={b.text_zh} onValue={(x) => set('text_zh', x)} errors={at('benefit.text_zh')} className="sm:col-span-2" />
        <TextInput label={t('policyStaff.benefitTextEn')} value={b.text_en} onValue={(x) => set('text_en', x)} errors={at('benefit.text_en')} className="sm:col-span-3" />
      </div>
      <details open={b.table.length > 0 || undefined}>
        <summary className="cursor-pointer text-sm font-medium text-ink-800">{t('policyStaff.amountTable')}</summary>
        <p className="mt-1 text-xs text-ink-600">{t('policyStaff.amountTableHint')}</p>
        <div className="mt-3">
          <RowList
            title={t('policyStaff.amountTable')}
            addLabel={t('policyStaff.addAmountRow')}
            rows={b.table}
            onAdd={() => setTable((rows) => [...rows, { uid: newUid(), hasWhen: true, when: newGroup('all'), amount: '', rate: '', cap: '', duration_months: '', text_zh: '', text_en: '', extra: {} }])}
            onRemove={(uid) => setTable((rows) => rows.filter((r) => r.uid !== uid))}
            render={(r, i) => {
              const upd = (patch: Partial<EAmountRow>) => setTable((rows) => rows.map((x) => (x.uid === r.uid ? { ...x, ...patch } : x)));
              const p = `benefit.amount_table[${i}]`;
              const ctx: TreeContext = { root: r.when, setRoot: (fn) => setTable((rows) => rows.map((x) => (x.uid === r.uid ? { ...x, when: fn(x.when) } : x))), issues, policyOptions, materialCodes };
              return (
                <div className="space-y-3">
                  <div className="grid gap-3 sm:grid-cols-4">
                    <TextInput label={t('policyStaff.amount')} type="number" value={r.amount} onValue={(x) => upd({ amount: x })} errors={at(`${p}.amount`)} />
                    <TextInput label={t('policyStaff.rate')} type="number" step="any" value={r.rate} onValue={(x) => upd({ rate: x })} errors={at(`${p}.rate`)} />
                    <TextInput label={t('policyStaff.cap')} type="number" value={r.cap} onValue={(x) => upd({ cap: x })} errors={at(`${p}.cap`)} />
                    <TextInput label={t('policyStaff.durationMonths')} type="number" value={r.duration_months} onValue={(x) => upd({ duration_months: x })} errors={at(`${p}.duration_months`)} />
                    <TextInput label={t('policyStaff.benefitTextZh')} value={r.text_zh} onValue={(x) => upd({ text_zh: x })} className="sm:col-span-2" />
                    <TextInput label={t('policyStaff.benefitTextEn')} value={r.text_en} onValue={(x) => upd({ text_en: x })} className="sm:col-span-2" />
                  </div>
                  <CheckboxInput label={t('policyStaff.rowWhen')} hint={t('policyStaff.rowWhenHint')} checked={r.hasWhen} onChecked={(x) => upd({ hasWhen: x })} />
                  {r.hasWhen ? <CriteriaTree ctx={ctx} path={`${p}.when`} /> : null}
                </div>
              );
            }}
          />
        </div>
      </details>
    </Section>
  );
}

function ApplicationSection({ v, setV, at }: { v: EVersion; setV: (fn: (v: EVersion) => EVersion) => void; at: At }) {
  const t = useT();
  const a = v.application;
  const set = <K extends keyof EVersion['application']>(k: K, val: EVersion['application'][K]) => setV((x) => ({ ...x, application: { ...x.application, [k]: val } }));
  return (
    <Section id={anchorId('application')} title={t('policyStaff.sectionApplication')} description={t('policyStaff.sectionApplicationHint')}>
      <CheckboxInput label={t('policyStaff.applicationEnabled')} checked={a.enabled} onChecked={(x) => set('enabled', x)} />
      {a.enabled ? (
        <>
          <div className="grid gap-4 sm:grid-cols-3">
            <SelectInput label={t('policyStaff.mode')} hint={t(`policyStaff.modeHint_${APPLICATION_MODES.indexOf(a.mode as never)}`)} value={a.mode} onValue={(x) => set('mode', x)} options={APPLICATION_MODES.map((m) => ({ value: m, label: m }))} errors={at('application.mode')} />
            <TextInput label={t('policyStaff.processingDays')} type="number" inputMode="numeric" min={0} value={a.processing_days} onValue={(x) => set('processing_days', x)} errors={at('application.processing_days')} />
            <TextInput label={t('policyStaff.payoutDays')} type="number" inputMode="numeric" min={0} value={a.payout_days} onValue={(x) => set('payout_days', x)} errors={at('application.payout_days')} />
            <TextInput label={t('policyStaff.channel')} value={a.channel} onValue={(x) => set('channel', x)} />
            <TextInput label={t('policyStaff.office')} value={a.office} onValue={(x) => set('office', x)} />
            <TextInput label={t('policyStaff.hotline')} type="tel" value={a.hotline} onValue={(x) => set('hotline', x)} />
          </div>
          <CheckboxInput label={t('policyStaff.manualConfirmation')} hint={t('policyStaff.manualConfirmationHint')} checked={a.manual_confirmation} onChecked={(x) => set('manual_confirmation', x)} />
          <RowList
            title={t('policyStaff.materials')}
            addLabel={t('policyStaff.addMaterial')}
            rows={a.materials}
            onAdd={() => set('materials', [...a.materials, { uid: newUid(), code: '', name_zh: '', name_en: '', alternatives: '' }])}
            onRemove={(uid) => set('materials', a.materials.filter((m) => m.uid !== uid))}
            render={(m: EMaterial, i) => {
              const upd = (k: 'code' | 'name_zh' | 'name_en' | 'alternatives', x: string) => set('materials', a.materials.map((r) => (r.uid === m.uid ? { ...r, [k]: x } : r)));
              const p = `application.materials[${i}]`;
              return (
                <div className="grid gap-3 sm:grid-cols-4">
                  <TextInput label={t('policyStaff.materialCode')} hint={t('policyStaff.materialCodeHint')} value={m.code} onValue={(x) => upd('code', x)} errors={at(`${p}.code`)} />
                  <TextInput label={t('policyStaff.materialNameZh')} value={m.name_zh} onValue={(x) => upd('name_zh', x)} errors={at(`${p}.name_zh`)} />
                  <TextInput label={t('policyStaff.materialNameEn')} value={m.name_en} onValue={(x) => upd('name_en', x)} />
                  <TextInput label={t('policyStaff.materialAlternatives')} value={m.alternatives} onValue={(x) => upd('alternatives', x)} />
                </div>
              );
            }}
          />
        </>
      ) : null}
    </Section>
  );
}

function GoldenRow({ g, i, at, statusOptions, goldenProfiles, onChange }: { g: EGolden; i: number; at: At; statusOptions: Option[]; goldenProfiles: string[]; onChange: (g: EGolden) => void }) {
  const t = useT();
  const p = `test_cases[${i}]`;
  const upd = <K extends keyof EGolden>(k: K, x: EGolden[K]) => onChange({ ...g, [k]: x });
  return (
    <div className="space-y-3" data-testid={`golden-${i}`}>
      <div className="grid gap-3 sm:grid-cols-4">
        <TextInput label={t('policyStaff.goldenName')} value={g.name} onValue={(x) => upd('name', x)} errors={at(`${p}.name`)} className="sm:col-span-2" />
        <TextInput label={t('policyStaff.goldenEvalDate')} type="date" value={g.eval_date} onValue={(x) => upd('eval_date', x)} errors={at(`${p}.eval_date`)} />
        <SelectInput label={t('policyStaff.goldenExpect')} value={g.expect} onValue={(x) => upd('expect', x as EGolden['expect'])} options={statusOptions} errors={at(`${p}.expect`)} />
        <SelectInput
          label={t('policyStaff.goldenSource')}
          value={g.source}
          onValue={(x) => upd('source', x as EGolden['source'])}
          options={[
            { value: 'ref', label: t('policyStaff.goldenSourceRef') },
            { value: 'inline', label: t('policyStaff.goldenSourceInline') },
          ]}
        />
        {g.source === 'ref' ? (
          <SelectInput label={t('policyStaff.goldenProfile')} value={g.profile_ref} onValue={(x) => upd('profile_ref', x)} options={goldenProfiles.map((n) => ({ value: n, label: n }))} errors={at(`${p}.profile_ref`)} />
        ) : null}
        <TextInput label={t('policyStaff.goldenAmount')} hint={t('policyStaff.goldenAmountHint')} type="number" value={g.amount} onValue={(x) => upd('amount', x)} errors={at(`${p}.amount`)} />
      </div>
      {g.source === 'inline' ? (
        <TextArea label={t('policyStaff.goldenProfileJson')} hint={t('policyStaff.goldenProfileJsonHint')} rows={6} className="font-mono" value={g.profile_json} onValue={(x) => upd('profile_json', x)} errors={at(`${p}.profile`)} spellCheck={false} />
      ) : null}
      <Issues messages={at(p).filter((m) => !['name', 'eval_date', 'expect', 'profile_ref', 'amount', 'profile'].some((k) => at(`${p}.${k}`).includes(m)))} />
    </div>
  );
}

function PreviewView({ data, locale }: { data: PreviewData; locale: string }) {
  const t = useT();
  const fmt = useMemo(() => new Intl.NumberFormat(locale === 'en' ? 'en' : 'zh-CN'), [locale]);
  const money = (n: number | null | undefined) => (n === null || n === undefined ? '—' : `¥${fmt.format(n)}`);
  const passed = data.golden.filter((g) => g.pass).length;
  return (
    <Card className="space-y-5" data-testid="preview-result">
      <div className="flex flex-wrap items-center gap-2">
        <h2 className="text-lg font-semibold text-ink-900">{t('policyStaff.previewTitle')}</h2>
        {data.valid ? <Badge tone="success">✓ {t('policyStaff.previewValid')}</Badge> : <Badge tone="danger">{t('policyStaff.previewInvalid', { n: data.issues.length })}</Badge>}
      </div>
      {data.valid ? (
        <>
          <div>
            <h3 className="font-medium text-ink-900">{t('policyStaff.goldenResults', { passed, total: data.golden.length })}</h3>
            {data.golden.length === 0 ? (
              <p className="mt-1 text-sm text-ink-600">{t('policyStaff.goldenNone')}</p>
            ) : (
              <div className="mt-2 overflow-x-auto">
                <table className="w-full min-w-[32rem] text-left text-sm" data-testid="golden-table">
                  <thead className="text-ink-600">
                    <tr>
                      <th className="py-1 pr-3 font-medium">{t('policyStaff.goldenName')}</th>
                      <th className="py-1 pr-3 font-medium">{t('policyStaff.goldenExpect')}</th>
                      <th className="py-1 pr-3 font-medium">{t('policyStaff.goldenActual')}</th>
                      <th className="py-1 pr-3 font-medium">{t('policyStaff.amount')}</th>
                      <th className="py-1 font-medium">{t('policyStaff.goldenPass')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.golden.map((g, i) => (
                      <tr key={i} className="border-t border-ink-100 align-top">
                        <td className="py-2 pr-3">{g.name}</td>
                        <td className="py-2 pr-3">{t(`policy.status_${g.expect}`)}</td>
                        <td className="py-2 pr-3">
                          <StatusBadge status={g.actual} />
                          {g.error ? <p className="mt-1 text-xs text-red-700">{g.error}</p> : null}
                        </td>
                        <td className="py-2 pr-3">
                          {money(g.actualAmount)}
                          {g.expectedAmount !== undefined ? <span className="text-ink-600"> / {money(g.expectedAmount)}</span> : null}
                        </td>
                        <td className="py-2">{g.pass ? <Badge tone="success">✓ {t('policyStaff.pass')}</Badge> : <Badge tone="danger">✗ {t('policyStaff.fail')}</Badge>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
          <div>
            <h3 className="font-medium text-ink-900">{t('policyStaff.sampleTitle', { date: data.sample.evalDate, n: data.sample.talents.length })}</h3>
            <ul className="mt-2 flex flex-wrap gap-2" data-testid="sample-counts">
              {Object.entries(data.sample.counts).map(([s, n]) => (
                <li key={s} className={cn('rounded-lg px-3 py-1 text-sm ring-1 ring-inset ring-ink-200')}>
                  {t(`policy.status_${s}`)} <strong>{n}</strong>
                </li>
              ))}
              {data.sample.talents.length === 0 ? <li className="text-sm text-ink-600">{t('policyStaff.sampleNone')}</li> : null}
            </ul>
            {data.sample.talents.length ? (
              <ul className="mt-3 divide-y divide-ink-100 text-sm">
                {data.sample.talents.slice(0, 10).map((p) => (
                  <li key={p.id} className="flex flex-wrap items-center justify-between gap-2 py-1.5">
                    <span>{p.name}</span>
                    <span className="flex items-center gap-2">
                      {p.amountEstimate !== null ? <span className="text-ink-700">{money(p.amountEstimate)}</span> : null}
                      <StatusBadge status={p.status} />
                    </span>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </>
      ) : (
        <p className="text-sm text-ink-700">{t('policyStaff.previewFixFirst')}</p>
      )}
    </Card>
  );
}

