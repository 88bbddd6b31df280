import 'server-only';
import Link from 'next/link';
import { AuditCheckButton } from '@/components/admin/audit-check-button';
import { buttonClass } from '@/components/ui/button';
import { Badge, Card } from '@/components/ui/card';
import { ROLES } from '@/lib/auth/permissions';
import { defineHomeCards, type HomeCardContext } from '@/lib/home/registry';
import { formatDate } from '@/lib/i18n/format';
import { auditChainState } from '@/lib/system/audit-check';
import { adminOverview } from './overview';

/** The administrator's 工作台 (issue 13 §1): accounts and sessions, today's failed sign-ins, the audit chain. */

async function AccountsCard({ actor, t, ip }: HomeCardContext) {
  const o = await adminOverview(actor, ip);
  return (
    <Card data-testid="home-admin-accounts">
      <h2 className="font-semibold text-ink-900">{t('home.adminUsersTitle')}</h2>
      <p className="mt-1 text-sm text-ink-700">{t('home.adminUsersTotal', { n: o.users, disabled: o.disabled })}</p>
      <dl className="mt-3 grid grid-cols-2 gap-x-4 gap-y-1 text-sm">
        {ROLES.map((r) => (
          <div key={r} className="flex justify-between gap-2">
            <dt className="text-ink-600">{t(`home.role_${r}`)}</dt>
            <dd className="tabular-nums font-medium text-ink-900">{o.usersByRole[r]}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-sm text-ink-700">{t('home.adminSessionsActive', { n: o.activeSessions })}</p>
      <p className="mt-1 flex flex-wrap items-center gap-2 text-sm">
        <Badge tone={o.failedLoginsToday ? 'warning' : 'neutral'}>{t('home.adminFailedToday', { n: o.failedLoginsToday })}</Badge>
        {o.lockedToday ? <Badge tone="danger">{t('home.adminLockedToday', { n: o.lockedToday })}</Badge> : null}
      </p>
      <Link href="/admin/users" className={`${buttonClass('secondary', 'sm')} mt-4`}>
        {t('home.adminUsersOpen')}
      </Link>
    </Card>
  );
}

async function AuditCard({ actor, t, locale, ip }: HomeCardContext) {
  const s = await auditChainState(actor, ip);
  const last = s.lastCheck;
  return (
    <Card data-testid="home-admin-audit">
      <h2 className="font-semibold text-ink-900">{t('home.adminAuditTitle')}</h2>
      <p className="mt-1 text-sm text-ink-700">{t('home.adminAuditRows', { n: s.rows })}</p>
      <p className={`mt-2 text-sm ${last && !last.ok ? 'font-medium text-red-800' : 'text-ink-700'}`}>
        {!last
          ? t('home.adminAuditNever')
          : last.ok
            ? t('home.adminAuditLastOk', { date: formatDate(new Date(last.at), locale), rows: last.rows })
            : t('home.adminAuditLastFailed', { date: formatDate(new Date(last.at), locale), problems: last.problems })}
      </p>
      <AuditCheckButton />
    </Card>
  );
}

export const adminHomeCards = defineHomeCards([
  { id: 'admin.accounts', order: 10, permission: 'users.read', render: (ctx) => AccountsCard(ctx) },
  { id: 'admin.audit', order: 20, permission: 'audit.verify', render: (ctx) => AuditCard(ctx) },
]);
