import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { credentialText, STATE_TONE } from '@/components/mentors/labels';
import { RequestForm } from '@/components/mentors/request-form';
import { SiteFooter, SiteHeader } from '@/components/shell/site-header';
import { craftLabel, districtLabel, joinList } from '@/components/talent/labels';
import { buttonClass } from '@/components/ui/button';
import { Alert, Badge, Card } from '@/components/ui/card';
import { getActor } from '@/lib/auth/current';
import { can, type Actor } from '@/lib/auth/permissions';
import { AppError } from '@/lib/http/errors';
import type { MessageKey } from '@/lib/i18n';
import { getTranslator } from '@/lib/i18n/server';
import type { MentorDto } from '@/lib/mentors/schemas';
import { getMentor } from '@/lib/mentors/service';

/** One read per request, shared by generateMetadata and the page. */
const load = cache(async (id: string, actor: Actor | null) =>
  getMentor(actor, id).catch((err) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') return null;
    throw err;
  }),
);

type Params = { params: Promise<{ id: string }> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { id } = await params;
  const [{ t }, actor] = await Promise.all([getTranslator(), getActor()]);
  const m = await load(id, actor);
  if (!m) return { title: t('errors.notFoundTitle') };
  return { title: m.name, description: m.bio?.slice(0, 160) ?? t('mentors.subtitle') };
}

/** A mentor's page: crafts, credentials with verified / self-declared / recorded labels, studio, works, 申请拜师. */
export default async function MentorPage({ params }: Params) {
  const { id } = await params;
  const [{ t, locale }, actor] = await Promise.all([getTranslator(), getActor()]);
  const m = await load(id, actor);
  if (!m) notFound();
  const open = m.acceptsApprentices && m.freePlaces > 0;
  return (
    <>
      <SiteHeader actor={actor} t={t} />
      <main id="main" className="mx-auto max-w-4xl space-y-6 px-4 py-8 sm:py-12">
        <Link href="/mentors" className="text-sm font-medium text-brand-700 hover:underline">
          ← {t('mentors.back')}
        </Link>
        <header className="space-y-2">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="font-serif text-3xl font-bold text-ink-900 sm:text-4xl">{m.name}</h1>
            {m.demo ? <Badge tone="warning">{t('mentors.demo')}</Badge> : null}
            {m.linked ? <Badge tone="info">{t('mentors.linked')}</Badge> : null}
          </div>
          <p className="text-ink-700">{joinList(m.crafts.map((c) => craftLabel(c, locale)), locale) || '—'}</p>
          <p className="text-sm text-ink-600">
            {districtLabel(m.district, locale)}
            {m.studioLocation ? ` · ${t('mentors.studioAt', { place: m.studioLocation })}` : ''}
          </p>
          <Badge tone={open ? 'success' : 'neutral'}>{open ? `${t('mentors.accepting')} · ${t('mentors.freePlaces', { n: m.freePlaces })}` : m.acceptsApprentices ? t('mentors.full') : t('mentors.notAccepting')}</Badge>
        </header>
        {m.demo ? <Alert tone="info">{t('mentors.demoNote')}</Alert> : null}
        {m.mine && !m.published ? <Alert tone="info">{t('mentors.notPublished')}</Alert> : null}
        <Card>
          <h2 className="font-semibold text-ink-900">{t('mentors.credentials')}</h2>
          {m.credentials.length ? (
            <ul className="mt-3 space-y-2" data-testid="mentor-credentials">
              {m.credentials.map((c, i) => (
                <li key={i} className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="text-ink-600">{t(`mentors.kind_${c.kind}` as MessageKey)}</span>
                  <span className="break-words font-medium text-ink-900">{credentialText(c, t)}</span>
                  {c.year ? <span className="text-ink-600">{c.year}</span> : null}
                  <Badge tone={STATE_TONE[c.state]}>{t(`mentors.state_${c.state}` as MessageKey)}</Badge>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-ink-600">{t('mentors.credentialsNone')}</p>
          )}
          {m.portalApprentices > 0 ? <p className="mt-3 text-sm text-ink-700">{t('mentors.portalApprentices', { n: m.portalApprentices })}</p> : null}
        </Card>
        {m.bio ? (
          <Card>
            <h2 className="font-semibold text-ink-900">{t('mentors.bio')}</h2>
            <p className="mt-2 whitespace-pre-line break-words text-ink-800">{m.bio}</p>
          </Card>
        ) : null}
        <Card>
          <h2 className="font-semibold text-ink-900">{t('mentors.works')}</h2>
          {m.works.length ? (
            <ul className="mt-3 grid grid-cols-2 gap-3 sm:grid-cols-3">
              {m.works.map((w, i) => (
                <li key={w.id ?? i} className="overflow-hidden rounded-xl bg-ink-50 ring-1 ring-ink-200">
                  {w.thumbUrl ? (
                    // eslint-disable-next-line @next/next/no-img-element -- a public work thumbnail from our own route
                    <img src={w.thumbUrl} alt="" loading="lazy" className="aspect-[4/3] w-full object-cover" />
                  ) : null}
                  <p className="break-words p-2 text-sm text-ink-900">
                    {w.title}
                    {w.year ? <span className="text-ink-600"> · {w.year}</span> : null}
                  </p>
                </li>
              ))}
            </ul>
          ) : (
            <p className="mt-2 text-sm text-ink-600">{t('mentors.worksNone')}</p>
          )}
        </Card>
        <Card id="request">
          <h2 className="font-semibold text-ink-900">{t('mentors.requestTitle')}</h2>
          <RequestArea m={m} actor={actor} t={t} open={open} />
        </Card>
      </main>
      <SiteFooter t={t} />
    </>
  );
}

function RequestArea({ m, actor, t, open }: { m: MentorDto; actor: Actor | null; t: Awaited<ReturnType<typeof getTranslator>>['t']; open: boolean }) {
  if (!actor)
    return (
      <div className="mt-3 space-y-3">
        <p className="text-sm text-ink-700">{t('mentors.requestLogin')}</p>
        <Link href={`/login?callbackUrl=${encodeURIComponent(`/mentors/${m.id}`)}`} className={buttonClass('primary')}>
          {t('mentors.login')}
        </Link>
      </div>
    );
  if (!can(actor, 'mentorships.use')) return <p className="mt-3 text-sm text-ink-700">{t('mentors.requestNotTalent')}</p>;
  if (m.mine)
    return (
      <div className="mt-3 space-y-3">
        <p className="text-sm text-ink-700">{t('mentors.requestSelf')}</p>
        <Link href="/my-mentorships" className={buttonClass('secondary', 'sm')}>
          {t('mentors.navMine')}
        </Link>
      </div>
    );
  if (m.myRequest && (m.myRequest.status === 'requested' || m.myRequest.status === 'accepted'))
    return (
      <div className="mt-3 space-y-3" data-testid="my-request">
        <p className="text-sm text-ink-800">{t('mentors.myRequest', { status: t(`mentors.status_${m.myRequest.status}` as MessageKey) })}</p>
        <Link href={`/my-mentorships#${m.myRequest.id}`} className={buttonClass('secondary', 'sm')}>
          {t('mentors.navMine')}
        </Link>
      </div>
    );
  if (!open) return <p className="mt-3 text-sm text-ink-700">{t('mentors.requestClosed')}</p>;
  return (
    <div className="mt-3 space-y-3">
      <p className="text-sm text-ink-600">{t('mentors.requestIntro')}</p>
      <RequestForm mentorId={m.id} />
    </div>
  );
}
