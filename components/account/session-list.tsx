'use client';

import { useRouter } from 'next/navigation';
import { useTransition } from 'react';
import { useLocale, useT } from '@/components/i18n/provider';
import { Badge, EmptyState } from '@/components/ui/card';
import { Button } from '@/components/ui/button';
import { revokeMyOtherSessionsAction, revokeMySessionAction } from '@/lib/account/actions';
import type { SessionDto } from '@/lib/account/schemas';
import { revokeSessionAction } from '@/lib/admin/actions';

function describeAgent(ua: string | null): string {
  if (!ua) return '—';
  const os = /iPhone|iPad|Android|Windows|Mac OS X|Linux/.exec(ua)?.[0] ?? '';
  const browser = /(Edg|Chrome|Firefox|Safari|MicroMessenger)\/[\d.]+/.exec(ua)?.[1] ?? (ua.includes('node') ? 'API' : '');
  return [browser, os].filter(Boolean).join(' · ') || ua.slice(0, 40);
}

/** Sessions with an "end" button: the user's own (mode own) or anyone's (mode admin). */
export function SessionList({ sessions, mode }: { sessions: SessionDto[]; mode: 'own' | 'admin' }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const [pending, start] = useTransition();
  // A fixed time zone: the server (often UTC) and the phone must render the same text, or hydration fails (React #418).
  // The portal serves Jingdezhen, so times are shown in China Standard Time.
  const fmt = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });
  const revoke = (id: string) =>
    start(async () => {
      const result = mode === 'own' ? await revokeMySessionAction({ id }) : await revokeSessionAction({ id });
      if (result.ok) router.refresh();
    });

  if (sessions.length === 0) return <EmptyState title={t('account.noSessions')} body={t('account.sessionsHint')} />;
  return (
    <div>
      <ul className="divide-y divide-ink-100" data-testid="session-list">
        {sessions.map((s) => (
          <li key={s.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
            <div className="text-sm">
              <p className="font-medium text-ink-900">
                {describeAgent(s.userAgent)} {s.current ? <Badge tone="success">{t('account.current')}</Badge> : null}{' '}
                <Badge>{s.kind === 'api' ? 'API' : 'Web'}</Badge>
              </p>
              <p className="text-ink-600">
                {t('account.createdAt')} {fmt.format(new Date(s.createdAt))} · {t('account.lastSeen')} {fmt.format(new Date(s.lastSeenAt))} · {s.ip ?? '—'}
              </p>
            </div>
            {!s.current ? (
              <Button size="sm" variant="secondary" disabled={pending} onClick={() => revoke(s.id)}>
                {t('account.revoke')}
              </Button>
            ) : null}
          </li>
        ))}
      </ul>
      {mode === 'own' && sessions.some((s) => !s.current) ? (
        <Button
          size="sm"
          variant="danger"
          className="mt-3"
          disabled={pending}
          onClick={() =>
            start(async () => {
              await revokeMyOtherSessionsAction({});
              router.refresh();
            })
          }
        >
          {t('account.revokeOthers')}
        </Button>
      ) : null}
    </div>
  );
}
