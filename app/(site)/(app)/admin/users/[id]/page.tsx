import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SessionList } from '@/components/account/session-list';
import { EditUserForm } from '@/components/admin/edit-user-form';
import { Card, PageHeader } from '@/components/ui/card';
import { getUser, listScopeOptions, listUserSessions } from '@/lib/admin/service';
import { userIdParam } from '@/lib/admin/schemas';
import { requirePagePermission } from '@/lib/auth/page';
import { AppError } from '@/lib/http/errors';
import { clientIpForPage } from '@/lib/http/page';
import { getTranslator } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('admin.edit') };
}

export default async function AdminUserPage({ params }: PageProps<'/admin/users/[id]'>) {
  const actor = await requirePagePermission('users.read');
  const parsed = userIdParam.safeParse(await params);
  if (!parsed.success) notFound();
  const { t, locale } = await getTranslator();
  const ip = await clientIpForPage();
  const user = await getUser(actor, parsed.data.id, ip).catch((err) => {
    if (err instanceof AppError && err.code === 'NOT_FOUND') notFound();
    throw err;
  });
  const [sessions, options] = await Promise.all([listUserSessions(actor, user.id, ip), listScopeOptions(locale)]);
  return (
    <>
      <PageHeader title={user.displayName} description={`${user.email ?? ''} ${user.phone ?? ''}`} />
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <h2 className="font-semibold text-ink-900">{t('admin.edit')}</h2>
          <div className="mt-4">
            <EditUserForm user={user} zones={options.zones} orgs={options.orgs} self={user.id === actor.id} />
          </div>
        </Card>
        <Card>
          <h2 className="font-semibold text-ink-900">{t('admin.sessions')}</h2>
          <div className="mt-4">
            <SessionList sessions={sessions} mode="admin" />
          </div>
        </Card>
      </div>
    </>
  );
}
