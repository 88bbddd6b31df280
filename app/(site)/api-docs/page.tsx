import type { Metadata } from 'next';
import { SiteFooter, SiteHeader } from '@/components/shell/site-header';
import { Badge, Card, PageHeader } from '@/components/ui/card';
import { buildOpenApi } from '@/lib/api/openapi';
import { docEntries } from '@/lib/api/openapi-docs';
import { getActor } from '@/lib/auth/current';
import { PROBLEM_CODES } from '@/lib/http/errors';
import { getTranslator } from '@/lib/i18n/server';

export const metadata: Metadata = { title: 'API' };

const METHOD_TONE = { get: 'info', post: 'success', put: 'warning', patch: 'warning', delete: 'danger' } as const;

/** A readable rendering of /api/v1/openapi.json (server-rendered; no third-party script under our CSP). */
export default async function ApiDocsPage() {
  const [{ t }, actor] = await Promise.all([getTranslator(), getActor()]);
  const doc = buildOpenApi() as { info: { title: string; description: string; version: string }; paths: Record<string, Record<string, unknown>> };
  const entries = docEntries(doc);
  return (
    <>
      <SiteHeader actor={actor} t={t} />
      <main id="main" className="mx-auto max-w-4xl px-4 py-8">
        <PageHeader title={doc.info.title} description={`v${doc.info.version}`} />
        <p className="mb-6 text-sm text-ink-700">{doc.info.description}</p>
        <p className="mb-6 text-sm">
          <a className="font-medium text-brand-700 underline" href="/api/v1/openapi.json">
            /api/v1/openapi.json
          </a>
        </p>
        <div className="space-y-4">
          {entries.map(({ path, method, op, body }) => (
            <Card key={`${method} ${path}`} className="p-4 sm:p-5">
              <details>
                <summary className="flex cursor-pointer flex-wrap items-center gap-2">
                  <Badge tone={METHOD_TONE[method as keyof typeof METHOD_TONE] ?? 'neutral'}>{method.toUpperCase()}</Badge>
                  <code className="break-all font-mono text-sm">{path}</code>
                  <span className="text-sm text-ink-600">{op.summary}</span>
                </summary>
                <div className="mt-3 space-y-2 text-sm">
                  <p>
                    <span className="font-medium">access:</span> <code className="break-all">{op['x-access']}</code>
                  </p>
                  {op.parameters?.length ? (
                    <p className="break-words">
                      <span className="font-medium">parameters:</span> {op.parameters.map((p) => `${p.name} (${p.in}${p.required ? ', required' : ''})`).join(', ')}
                    </p>
                  ) : null}
                  {body ? (
                    <>
                      <p>
                        <span className="font-medium">body:</span> <code>{body.contentType}</code>
                      </p>
                      <pre className="overflow-x-auto rounded-lg bg-ink-100 p-3 text-xs">{JSON.stringify(body.schema, null, 2)}</pre>
                    </>
                  ) : null}
                  <p>
                    <span className="font-medium">responses:</span> {Object.keys(op.responses).join(', ')}
                  </p>
                </div>
              </details>
            </Card>
          ))}
        </div>
        <section className="mt-10" aria-labelledby="problems">
          <h2 id="problems" className="text-xl font-semibold text-ink-900">
            {t('apiDocs.problems')}
          </h2>
          <p className="mt-1 text-sm text-ink-600">{t('apiDocs.problemsIntro')}</p>
          <dl className="mt-4 grid grid-cols-[minmax(0,auto)_minmax(0,1fr)] gap-x-4 gap-y-2 text-sm">
            {Object.entries(PROBLEM_CODES).map(([code, status]) => (
              <div key={code} id={`problem-${code.toLowerCase().replace(/_/g, '-')}`} className="contents">
                <dt>
                  <code className="break-all">{code}</code> <span className="text-ink-600">{status}</span>
                </dt>
                <dd>{t(`problem.${code as keyof typeof PROBLEM_CODES}`)}</dd>
              </div>
            ))}
          </dl>
        </section>
      </main>
      <SiteFooter t={t} />
    </>
  );
}
