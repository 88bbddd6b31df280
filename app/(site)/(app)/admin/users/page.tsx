import type { Metadata } from 'next';
import Link from 'next/link';
import { CreateUserForm } from '@/components/admin/create-user-form';
import { Badge, Card, EmptyState, PageHeader } from '@/components/ui/card';
import { listScopeOptions, listUsers } from '@/lib/admin/service';
import { listUsersQuery } from '@/lib/admin/schemas';
import { requirePagePermission } from '@/lib/auth/page';
import { ROLES } from '@/lib/auth/permissions';
import { clientIpForPage } from '@/lib/http/page';
import { getTranslator } from '@/lib/i18n/server';

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getTranslator();
  return { title: t('admin.title') };
}

export default async function AdminUsersPage({ searchParams }: PageProps<'/admin/users'>) {
  const actor = await requirePagePermission('users.read');
  const { t, locale } = await getTranslator();
  const parsed = listUsersQuery.safeParse(Object.fromEntries(Object.entries(await searchParams).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const query = parsed.success ? parsed.data : listUsersQuery.parse({});
  const [list, options] = await Promise.all([listUsers(actor, query, await clientIpForPage()), listScopeOptions(locale)]);
  const zoneName = new Map(options.zones.map((z) => [z.value, z.label]));
  const orgName = new Map(options.orgs.map((o) => [o.value, o.label]));
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));

  return (
    <>
      <PageHeader title={t('admin.title')} description={t('admin.subtitle')} />
      <div className="grid gap-6 lg:grid-cols-[1fr_22rem]">
        <Card className="overflow-hidden p-0 sm:p-0">
          <form className="flex flex-wrap items-end gap-2 border-b border-ink-100 p-4" method="get">
            <label className="text-sm">
              <span className="mb-1 block font-medium text-ink-800">{t('admin.filterRole')}</span>
              <select name="role" defaultValue={query.role ?? ''} className="min-h-10 rounded-lg px-2 ring-1 ring-ink-300">
                <option value="">{t('admin.all')}</option>
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`roles.${r}`)}
                  </option>
                ))}
              </select>
            </label>
            <button type="submit" className="min-h-10 rounded-lg px-3 text-sm font-medium ring-1 ring-ink-300 hover:bg-ink-100">
              {t('admin.filter')}
            </button>
          </form>
          {list.items.length === 0 ? (
            <div className="p-4">
              <EmptyState title={t('admin.noUsers')} body={t('admin.subtitle')} />
            </div>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm" data-testid="user-table">
                <thead className="bg-ink-50 text-ink-600">
                  <tr>
                    <th scope="col" className="px-4 py-2 font-medium">{t('admin.displayName')}</th>
                    <th scope="col" className="px-4 py-2 font-medium">{t('admin.role')}</th>
                    <th scope="col" className="hidden px-4 py-2 font-medium md:table-cell">{t('account.scope')}</th>
                    <th scope="col" className="px-4 py-2 font-medium">{t('admin.status')}</th>
                  </tr>
                </thead>
                <tbody className="divide-y divide-ink-100">
                  {list.items.map((u) => (
                    <tr key={u.id}>
                      <td className="px-4 py-2.5">
                        <Link href={`/admin/users/${u.id}`} className="font-medium text-brand-700 hover:underline">
                          {u.displayName}
                        </Link>
                        <div className="text-xs text-ink-600">{u.email ?? u.phone}</div>
                      </td>
                      <td className="px-4 py-2.5">{t(`roles.${u.role}`)}</td>
                      <td className="hidden px-4 py-2.5 md:table-cell">{(u.zoneCode && zoneName.get(u.zoneCode)) ?? (u.orgId && orgName.get(u.orgId)) ?? '—'}</td>
                      <td className="px-4 py-2.5">{u.disabled ? <Badge tone="danger">{t('admin.disabled')}</Badge> : <Badge tone="success">{t('admin.active')}</Badge>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {pages > 1 ? (
            <nav className="flex justify-between border-t border-ink-100 p-3 text-sm" aria-label={t('admin.pagination')}>
              {query.page > 1 ? <Link href={`?page=${query.page - 1}${query.role ? `&role=${query.role}` : ''}`}>← {t('admin.prev')}</Link> : <span />}
              <span>
                {query.page} / {pages}
              </span>
              {query.page < pages ? <Link href={`?page=${query.page + 1}${query.role ? `&role=${query.role}` : ''}`}>{t('admin.next')} →</Link> : <span />}
            </nav>
          ) : null}
        </Card>
        <Card>
          <h2 className="font-semibold text-ink-900">{t('admin.createUser')}</h2>
          <p className="mt-1 text-sm text-ink-600">{t('admin.scopeHint')}</p>
          <div className="mt-4">
            <CreateUserForm zones={options.zones} orgs={options.orgs} />
          </div>
        </Card>
      </div>
    </>
  );
}
