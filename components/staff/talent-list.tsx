import Link from 'next/link';
import { craftLabel, districtLabel, joinList, EDUCATION_LABEL, enumLabel, ICH_LABEL, TITLE_LABEL } from '@/components/talent/labels';
import { Badge } from '@/components/ui/card';
import type { Locale, Translator } from '@/lib/i18n';
import type { TalentListItem } from '@/lib/talent/schemas';

function Verification({ item, t }: { item: TalentListItem; t: Translator }) {
  return (
    <span className="flex flex-wrap gap-1">
      {item.verified_count ? <Badge tone="success">✓ {t('staff.verifiedN', { n: item.verified_count })}</Badge> : null}
      {item.pending_count ? <Badge tone="warning">{t('staff.pendingN', { n: item.pending_count })}</Badge> : null}
      {!item.verified_count && !item.pending_count ? <span className="text-ink-400">—</span> : null}
    </span>
  );
}

const crafts = (item: TalentListItem, locale: Locale) => joinList(item.crafts.map((c) => craftLabel(c, locale)), locale) || '—';
const credentials = (item: TalentListItem, t: Translator) =>
  [item.title_level && item.title_level !== 'none' ? enumLabel(t, TITLE_LABEL, item.title_level) : null, item.ich_level && item.ich_level !== 'none' ? `${t('profile.ich')} ${enumLabel(t, ICH_LABEL, item.ich_level)}` : null]
    .filter(Boolean)
    .join(' · ') || '—';

/** The staff directory: cards on phones, a table from md up. Phones are masked by the service. */
export function TalentList({ items, t, locale }: { items: TalentListItem[]; t: Translator; locale: Locale }) {
  return (
    <>
      <ul className="divide-y divide-ink-100 md:hidden" data-testid="talent-cards">
        {items.map((i) => (
          <li key={i.id} className="space-y-1 p-4 text-sm">
            <div className="flex items-start justify-between gap-2">
              <Link href={`/staff/talents/${i.id}`} className="font-medium text-brand-700 hover:underline">
                {i.name}
                {i.artist_name ? <span className="font-normal text-ink-600"> · {i.artist_name}</span> : null}
              </Link>
              <span className="font-mono text-xs text-ink-600">{i.phone ?? '—'}</span>
            </div>
            <p className="text-ink-700">{crafts(i, locale)}</p>
            <p className="text-xs text-ink-600">
              {[districtLabel(i.residence_district, locale), enumLabel(t, EDUCATION_LABEL, i.education), credentials(i, t)].filter((x) => x && x !== '—').join(' · ') || '—'}
            </p>
            {i.verified_count || i.pending_count ? <Verification item={i} t={t} /> : null}
          </li>
        ))}
      </ul>
      <div className="hidden overflow-x-auto md:block">
        <table className="w-full text-left text-sm" data-testid="talent-table">
          <thead className="bg-ink-50 text-ink-600">
            <tr>
              <th scope="col" className="px-4 py-2 font-medium">{t('staff.colName')}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t('profile.phone')}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t('profile.crafts')}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t('staff.colDistrictEducation')}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t('staff.colCredentials')}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t('staff.verification')}</th>
              <th scope="col" className="px-4 py-2 font-medium">{t('staff.colRegistered')}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-ink-100">
            {items.map((i) => (
              <tr key={i.id} className="align-top">
                <td className="px-4 py-2.5">
                  <Link href={`/staff/talents/${i.id}`} className="font-medium text-brand-700 hover:underline">
                    {i.name}
                  </Link>
                  {i.artist_name ? <div className="text-xs text-ink-600">{i.artist_name}</div> : null}
                </td>
                <td className="whitespace-nowrap px-4 py-2.5 font-mono text-xs">{i.phone ?? '—'}</td>
                <td className="max-w-56 px-4 py-2.5">{crafts(i, locale)}</td>
                <td className="px-4 py-2.5">
                  {districtLabel(i.residence_district, locale) ?? '—'}
                  <div className="text-xs text-ink-600">{enumLabel(t, EDUCATION_LABEL, i.education) ?? '—'}</div>
                </td>
                <td className="px-4 py-2.5">{credentials(i, t)}</td>
                <td className="px-4 py-2.5">
                  <Verification item={i} t={t} />
                </td>
                <td className="whitespace-nowrap px-4 py-2.5 text-ink-600">{i.registered_at.slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
