import Link from 'next/link';
import { Badge } from '@/components/ui/card';
import type { Translator } from '@/lib/i18n';
import type { MemberListItem } from '@/lib/party/schemas';
import { alertText, alertTone, membershipLabel, partyStatusLabel } from './labels';

/** The roster as cards (mobile first): masked identity, branch, dues and open alerts. */
export function MemberList({ items, t }: { items: MemberListItem[]; t: Translator }) {
  return (
    <ul className="divide-y divide-ink-100" data-testid="party-member-list">
      {items.map((m) => (
        <li key={m.id}>
          <Link href={`/party/members/${m.id}`} className="block px-4 py-3 hover:bg-ink-50 focus-visible:bg-ink-50">
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium text-ink-900">{m.name}</span>
              <Badge tone={m.membershipType === 'formal' ? 'neutral' : 'info'}>{membershipLabel(t, m.membershipType)}</Badge>
              {m.partyStatus !== 'NORMAL' ? <Badge tone="danger">{partyStatusLabel(t, m.partyStatus)}</Badge> : null}
              {m.linked ? <Badge tone="success">{t('party.linked')}</Badge> : null}
            </div>
            <p className="mt-1 font-mono text-sm text-ink-700">{m.idCardNo}</p>
            <p className="mt-0.5 text-sm text-ink-600">
              {m.formalOrgName} · {t('party.lastDuesMonth')} {m.lastDuesMonth ?? '—'}
            </p>
            {m.alerts.length ? (
              <div className="mt-2 flex flex-wrap gap-1.5">
                {m.alerts.map((a) => (
                  <Badge key={a.code} tone={alertTone(a)}>
                    {alertText(t, a)}
                  </Badge>
                ))}
              </div>
            ) : null}
          </Link>
        </li>
      ))}
    </ul>
  );
}
