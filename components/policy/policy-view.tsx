import type { Metadata } from 'next';
import Link from 'next/link';
import { DemoDataBadge } from '@/components/policy/badges';
import { CriteriaTree } from '@/components/policy/criteria-tree';
import { bi, formatDate, modeLabel } from '@/components/policy/format';
import { SiteFooter, SiteHeader } from '@/components/shell/site-header';
import { buttonClass } from '@/components/ui/button';
import { Badge, Card } from '@/components/ui/card';
import { can, type Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/http/errors';
import type { Locale, MessageKey, Translator } from '@/lib/i18n';
import { policyCodeSchema, type PolicyDetail } from '@/lib/policies/schemas';
import { getPolicy, listPolicies } from '@/lib/policies/service';
import type { PolicyVersion } from '@/lib/policy-matching/model';
import { safeHttpUrl } from '@/lib/http/safe-url';

/** The policy as `actor` may see it, or null when there is none (or the code is malformed). */
export async function loadPolicy(actor: Actor | null, code: string): Promise<PolicyDetail | null> {
  if (!policyCodeSchema.safeParse(code).success) return null;
  return getPolicy(actor, code).catch((err) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
    throw err;
  });
}

export function policyMetadata(p: PolicyDetail | null, locale: Locale): Metadata {
  return p ? { title: bi(p.title, locale), description: p.summary ? bi(p.summary, locale) : undefined } : {};
}

/**
 * One policy in plain language: what it is, who it is for, what you get, how to apply, versions and sources. Rendered
 * by the request-time page and by the cached copy anonymous visitors get (app/(cached), ADR 019).
 */
export async function PolicyView({ t, locale, actor, p }: { t: Translator; locale: Locale; actor: Actor | null; p: PolicyDetail }) {
  const cur = (p.currentVersion ? p.versions.find((v) => v.version === p.currentVersion!.version) : p.versions[0]) ?? null;
  const def = (cur?.definition ?? null) as PolicyVersion | null;
  const app = def?.application;
  const others = await listPolicies(null);
  const titles = new Map(others.items.map((x) => [x.code, bi(x.title, locale)]));
  const talent = can(actor, 'matches.read_own');
  const canApply = can(actor, 'applications.submit') && p.applicationMode !== '免申即享';

  return (
    <>
      <SiteHeader actor={actor} t={t} />
      <main id="main" className="mx-auto max-w-4xl px-4 py-6 sm:py-10">
        <Link href="/policies" className="text-sm font-medium text-brand-700 hover:underline">
          ← {t('policyUi.backToList')}
        </Link>
        <div className="mt-3 flex flex-wrap items-center gap-2 text-xs">
          <span className="rounded-full bg-brand-50 px-2 py-0.5 font-medium text-brand-800">{t(`policy.category_${p.category}` as MessageKey)}</span>
          <Badge tone={p.provenance === 'published' ? 'success' : 'warning'}>{t(`policy.provenance_${p.provenance}` as MessageKey)}</Badge>
          <DemoDataBadge demoData={p.demoData} />
          <span className="font-mono text-ink-600">{p.code}</span>
        </div>
        <h1 className="mt-2 font-serif text-2xl font-bold leading-tight text-ink-900 sm:text-4xl">{bi(p.title, locale)}</h1>
        {p.issuer ? (
          <p className="mt-1 text-sm text-ink-600">
            {t('policyUi.issuer')}：{p.issuer}
          </p>
        ) : null}
        <div className="mt-5 flex flex-col gap-2 sm:flex-row">
          <Link href={talent ? `/my-policies#${p.code}` : '/calculator'} className={buttonClass('primary')}>
            {t('policyUi.checkMe')}
          </Link>
          {canApply ? (
            <Link href={`/apply/${p.code}`} className={buttonClass('secondary')}>
              {t('policyUi.apply')}
            </Link>
          ) : !actor ? (
            <Link href={`/login?callbackUrl=${encodeURIComponent(`/apply/${p.code}`)}`} className={buttonClass('secondary')}>
              {t('policyUi.loginToApply')}
            </Link>
          ) : null}
        </div>

        <div className="mt-8 space-y-5">
          <Card>
            <h2 className="text-lg font-semibold text-ink-900">{t('policyUi.whatIs')}</h2>
            <p className="mt-2 text-ink-800">{p.summary ? bi(p.summary, locale) : bi(p.title, locale)}</p>
          </Card>

          <Card>
            <h2 className="text-lg font-semibold text-ink-900">{t('policyUi.benefit')}</h2>
            <p className="mt-2 text-ink-800">{p.benefitText ? bi(p.benefitText, locale) : '—'}</p>
          </Card>

          {def ? (
            <Card data-testid="criteria-tree">
              <h2 className="mb-3 text-lg font-semibold text-ink-900">{t('policyUi.whoFor')}</h2>
              <CriteriaTree node={def.criteria} t={t} locale={locale} titles={titles} />
            </Card>
          ) : null}

          <Card>
            <h2 className="text-lg font-semibold text-ink-900">{t('policyUi.howToApply')}</h2>
            <dl className="mt-2 space-y-1 text-sm text-ink-800">
              <div className="flex gap-2">
                <dt className="text-ink-600">{t('policyUi.mode')}</dt>
                <dd className="font-medium">{modeLabel(app?.mode ?? p.applicationMode, t) ?? '—'}</dd>
              </div>
              {app?.channel ? (
                <div className="flex gap-2">
                  <dt className="text-ink-600">{t('policyUi.channel')}</dt>
                  <dd>{app.channel}</dd>
                </div>
              ) : null}
              {app?.office ? (
                <div className="flex gap-2">
                  <dt className="text-ink-600">{t('policyUi.office')}</dt>
                  <dd>{app.office}</dd>
                </div>
              ) : null}
              {app?.hotline ? (
                <div className="flex gap-2">
                  <dt className="text-ink-600">{t('policyUi.hotline')}</dt>
                  <dd>{app.hotline}</dd>
                </div>
              ) : null}
            </dl>
            <ul className="mt-2 space-y-1 text-sm text-ink-700">
              {app?.processing_days ? <li>{t('policyUi.processingDays', { n: app.processing_days })}</li> : null}
              {app?.payout_days ? <li>{t('policyUi.payoutDays', { n: app.payout_days })}</li> : null}
              {app?.manual_confirmation ? <li>{t('policyUi.manualConfirm')}</li> : null}
            </ul>
            <h3 className="mt-4 font-semibold text-ink-900">{t('policyUi.materials')}</h3>
            {app?.materials.length ? (
              <ul className="mt-2 space-y-1.5 text-sm">
                {app.materials.map((m) => (
                  <li key={m.code} className="flex gap-2">
                    <span aria-hidden className="text-brand-700">
                      ☐
                    </span>
                    <span>
                      {locale === 'en' ? (m.name_en ?? m.name_zh) : m.name_zh}
                      {m.alternatives?.length ? <span className="block text-xs text-ink-600">{m.alternatives.join(' / ')}</span> : null}
                    </span>
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-sm text-ink-600">{t('policyUi.noMaterials')}</p>
            )}
          </Card>

          {p.exclusionGroups.length ? (
            <Card>
              <h2 className="text-lg font-semibold text-ink-900">{t('policyUi.exclusions')}</h2>
              <ul className="mt-2 space-y-1 text-sm text-ink-800">
                {p.exclusionGroups.map((g) => (
                  <li key={g.id}>
                    {g.note ? `${g.note}：` : ''}
                    {g.policyCodes
                      .filter((c) => c !== p.code)
                      .map((c, i) => (
                        <span key={c}>
                          {i ? '、' : ''}
                          <Link href={`/policies/${c}`} className="text-brand-700 hover:underline">
                            {titles.get(c) ?? c}
                          </Link>
                        </span>
                      ))}
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}

          <Card>
            <h2 className="text-lg font-semibold text-ink-900">{t('policyUi.versions')}</h2>
            <ol className="mt-2 space-y-3 text-sm">
              {p.versions.map((v) => {
                const d = v.definition as unknown as PolicyVersion;
                return (
                  <li key={v.version} className="border-l-2 border-ink-200 pl-3">
                    <p className="font-medium text-ink-900">
                      {t('policyUi.versionLine', { version: v.version, from: formatDate(v.effectiveFrom, locale) })}
                      {v.effectiveTo ? ` ${t('policyUi.versionTo', { to: formatDate(v.effectiveTo, locale) })}` : ''}
                      {v.version === cur?.version ? <span className="ml-2"><Badge tone="info">{t('policyUi.versionCurrent')}</Badge></span> : null}
                    </p>
                    {v.changelogNote ? <p className="text-ink-700">{v.changelogNote}</p> : null}
                    {d.changelog?.length ? (
                      <ul className="mt-1 space-y-0.5 text-ink-600">
                        {d.changelog.map((c, i) => (
                          <li key={i}>
                            {formatDate(c.date, locale)} · {c.note}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </li>
                );
              })}
            </ol>
          </Card>

          <Card>
            <h2 className="text-lg font-semibold text-ink-900">{t('policyUi.sources')}</h2>
            {p.sources.length ? (
              <ul className="mt-2 space-y-1 text-sm text-ink-800">
                {p.sources.map((s, i) => (
                  <li key={i}>
                    {safeHttpUrl(s.url) ? (
                      <a href={safeHttpUrl(s.url)!} className="text-brand-700 hover:underline" rel="noopener noreferrer" target="_blank">
                        {s.title}
                      </a>
                    ) : (
                      s.title
                    )}
                    {s.doc_no ? ` · ${s.doc_no}` : ''}
                    {s.published_at ? ` · ${formatDate(s.published_at, locale)}` : ''}
                  </li>
                ))}
              </ul>
            ) : (
              <p className="mt-1 text-sm text-ink-600">{t('policyUi.noSources')}</p>
            )}
            {p.demoData ? <p className="mt-3 rounded-lg bg-orange-50 p-3 text-sm text-orange-950 ring-1 ring-inset ring-orange-200">{t('policy.demoExplain')}</p> : null}
          </Card>
        </div>
      </main>
      <SiteFooter t={t} />
    </>
  );
}
