import type { Metadata } from 'next';
import { z } from 'zod';
import { OrgAdminForms, type OrgOption } from '@/components/party/org-admin-forms';
import { OrgTree } from '@/components/party/org-tree';
import { RotateQrButton } from '@/components/party/rotate-qr-button';
import { Card, EmptyState, PageHeader } from '@/components/ui/card';
import { can } from '@/lib/auth/permissions';
import { requirePagePermission } from '@/lib/auth/page';
import { requestHeaders } from '@/lib/http/context';
import { expectedOrigin } from '@/lib/http/origin';
import { clientIpForPage } from '@/lib/http/page';
import { getTranslator } from '@/lib/i18n/server';
import { listPartyOrgs } from '@/lib/party/orgs';
import { checkInUrl, qrSvgDataUri } from '@/lib/party/qr';
import type { PartyOrgDto } from '@/lib/party/schemas';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('party.orgsTitle') };
}

/**
 * 党组织: the 区委组织部 manage the tree (create, move, dissolve) and print any organisation's check-in poster;
 * secretaries see their subtree read-only and their own organisation's poster, which they may rotate.
 */
export default async function PartyOrgsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requirePagePermission('party_orgs.read');
  const [{ t, locale }, ip] = await Promise.all([getTranslator(), clientIpForPage()]);
  const orgs = await listPartyOrgs(actor, locale, ip);
  const manage = can(actor, 'party_orgs.manage');
  const wanted = z.uuid().safeParse((await searchParams).poster);
  // The poster: the chosen organisation (org_admin) or the secretary's own — only where the token is in the DTO.
  const posterOrg = orgs.find((o) => o.id === (wanted.success ? wanted.data : actor.orgId) && o.qrToken !== undefined && o.status === 'ACTIVE' && !o.flags.isExternal);
  const options: OrgOption[] = orgs.map((o) => ({ id: o.id, label: `${'　'.repeat(Math.max(0, o.depth))}${o.name}（${o.code}）`, orgType: o.orgType, active: o.status === 'ACTIVE', external: o.flags.isExternal, flags: { mayIssue: o.flags.mayIssue, mayReceive: o.flags.mayReceive, hasProbationaryApproval: o.flags.hasProbationaryApproval }, contact: o.contact }));

  return (
    <>
      <PageHeader title={t('party.orgsTitle')} description={manage ? t('party.orgsIntroAdmin') : t('party.orgsIntroSecretary')} />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <Card className="print:hidden">
          <h2 className="font-semibold text-ink-900">{t('party.treeTitle')}</h2>
          {orgs.length ? <OrgTree orgs={orgs} t={t} posterHref={manage ? (id) => `/party/orgs?poster=${id}` : undefined} /> : <EmptyState title={t('party.treeEmpty')} body="" />}
        </Card>
        <aside className="space-y-6">
          {posterOrg ? <Poster org={posterOrg} /> : null}
          {manage ? (
            <Card className="print:hidden">
              <OrgAdminForms orgs={options} />
            </Card>
          ) : null}
        </aside>
      </div>
    </>
  );
}

/** An ISO instant as Jingdezhen wall-clock time (UTC+8, no DST). */
const jdzTime = (iso: string) => new Date(new Date(iso).getTime() + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');

async function Poster({ org }: { org: PartyOrgDto }) {
  const { t } = await getTranslator();
  const where = expectedOrigin(await requestHeaders());
  const origin = where && 'origin' in where ? where.origin : `http://${where?.host ?? 'localhost:3000'}`;
  const src = org.qrToken ? await qrSvgDataUri(checkInUrl(origin, org.qrToken)) : null;
  return (
    <Card data-testid="qr-poster">
      <h2 className="font-semibold text-ink-900 print:hidden">{t('party.posterTitle')}</h2>
      <p className="mt-1 text-sm text-ink-600 print:hidden">{t('party.posterIntro')}</p>
      <div className="mt-4 flex flex-col items-center text-center">
        <p className="text-lg font-semibold text-ink-900">{t('party.posterFor', { org: org.name })}</p>
        {src ? (
          // eslint-disable-next-line @next/next/no-img-element -- a data: URI rendered on the server; nothing to optimise
          <img src={src} alt={t('party.posterFor', { org: org.name })} width={240} height={240} className="mt-3 size-60" />
        ) : (
          <p className="mt-3 text-sm text-ink-600">{t('party.posterNone')}</p>
        )}
        {org.qrRotatedAt ? <p className="mt-2 text-xs text-ink-500">{t('party.posterRotated', { time: jdzTime(org.qrRotatedAt) })}</p> : null}
        {org.contact.phone ? <p className="mt-1 text-sm text-ink-700">{[org.contact.person, org.contact.phone].filter(Boolean).join(' · ')}</p> : null}
      </div>
      <div className="mt-4">
        <RotateQrButton orgId={org.id} />
      </div>
    </Card>
  );
}
