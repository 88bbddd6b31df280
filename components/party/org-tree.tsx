import Link from 'next/link';
import { Badge } from '@/components/ui/card';
import type { Translator } from '@/lib/i18n';
import type { PartyOrgDto } from '@/lib/party/schemas';
import { orgTypeLabel } from './labels';

/**
 * The organisation tree as an indented list (the service returns it ordered by path, so children follow their
 * parent). Dissolved organisations stay visible, struck through, with their approval reference.
 */
export function OrgTree({ orgs, t, posterHref }: { orgs: PartyOrgDto[]; t: Translator; posterHref?: (id: string) => string | null }) {
  const top = Math.min(...orgs.map((o) => o.depth));
  return (
    <ul className="divide-y divide-ink-100" data-testid="party-org-tree">
      {orgs.map((o) => {
        const poster = posterHref?.(o.id) ?? null;
        return (
          <li key={o.id} className="py-3" style={{ paddingLeft: `${Math.max(0, o.depth - top) * 1.25}rem` }} data-org-code={o.code}>
            <div className="flex flex-wrap items-center gap-2">
              <span className={o.status === 'DISSOLVED' ? 'text-ink-500 line-through' : 'font-medium text-ink-900'}>{o.name}</span>
              <Badge>{o.code}</Badge>
              <Badge tone="info">{orgTypeLabel(t, o.orgType)}</Badge>
              {o.status === 'DISSOLVED' ? <Badge tone="danger">{t('party.status_DISSOLVED')}</Badge> : null}
              {o.flags.isExternal ? <Badge tone="warning">{t('party.flag_isExternal')}</Badge> : null}
              {o.flags.mayIssue ? <Badge tone="success">{t('party.flag_mayIssue')}</Badge> : null}
              {o.flags.mayReceive ? <Badge tone="success">{t('party.flag_mayReceive')}</Badge> : null}
              {o.flags.hasProbationaryApproval ? <Badge tone="success">{t('party.flag_hasProbationaryApproval')}</Badge> : null}
              {o.flags.isTemporary ? <Badge tone="warning">{t('party.flag_isTemporary')}</Badge> : null}
              {poster ? (
                <Link href={poster} className="text-sm font-medium text-brand-700 hover:underline">
                  {t('party.showPoster')}
                </Link>
              ) : null}
            </div>
            {o.status === 'DISSOLVED' && o.dissolvedAt ? (
              <p className="mt-1 text-sm text-ink-600">{t('party.dissolvedOn', { date: o.dissolvedAt.slice(0, 10), ref: o.dissolutionApprovalRef ?? '' })}</p>
            ) : null}
            {o.contact.person || o.contact.phone ? (
              <p className="mt-1 text-sm text-ink-600">
                {t('party.contact')}：{[o.contact.person, o.contact.phone, o.contact.address].filter(Boolean).join(' · ')}
              </p>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
