import Link from 'next/link';
import { CraftOptions } from '@/components/talent/craft-options';
import type { ReactNode } from 'react';
import { districtLabel, EDUCATION_LABEL } from '@/components/talent/labels';
import { buttonClass } from '@/components/ui/button';
import type { Locale, MessageKey, Translator } from '@/lib/i18n';
import { EDUCATION } from '@/lib/talent/profile-schema';
import type { TalentListQuery } from '@/lib/talent/schemas';
import { JDZ_DISTRICT_OPTIONS } from '@/lib/talent/zones';

export type TalentFilters = Omit<TalentListQuery, 'page' | 'pageSize'>;
export const FILTER_KEYS = ['q', 'craft', 'education', 'district', 'verification', 'tier'] as const;

const VERIFICATION: Record<NonNullable<TalentFilters['verification']>, MessageKey> = {
  any_verified: 'staff.verAnyVerified',
  pending: 'staff.verPending',
  none: 'staff.verNone',
};

/** The filters as query-string pairs (only those that are set), for links and the export form. */
export function filterEntries(f: TalentFilters): [string, string][] {
  return FILTER_KEYS.flatMap((k) => (f[k] ? [[k, String(f[k])] as [string, string]] : []));
}

const selectClass = 'block min-h-11 w-full rounded-lg bg-white px-3 text-base ring-1 ring-inset ring-ink-300 focus:ring-2 focus:ring-brand-700';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="block min-w-0 text-sm">
      <span className="mb-1 block truncate font-medium text-ink-800">{label}</span>
      {children}
    </label>
  );
}

/** A plain GET form: the filters live in the URL, so results can be bookmarked, shared and paginated. */
export function TalentFilterForm({ filters, t, locale }: { filters: TalentFilters; t: Translator; locale: Locale }) {
  const active = filterEntries(filters).length > 0;
  return (
    <form method="get" role="search" aria-label={t('staff.filters')} className="grid grid-cols-2 gap-3 lg:grid-cols-3">
      <div className="col-span-2 lg:col-span-1">
        <Field label={t('staff.search')}>
          <input name="q" type="search" defaultValue={filters.q ?? ''} maxLength={40} placeholder={t('staff.searchPlaceholder')} className={selectClass} />
        </Field>
      </div>
      <Field label={t('profile.crafts')}>
        <select name="craft" defaultValue={filters.craft ?? ''} className={selectClass}>
          <option value="">{t('staff.any')}</option>
          <CraftOptions locale={locale} />
        </select>
      </Field>
      <Field label={t('profile.education')}>
        <select name="education" defaultValue={filters.education ?? ''} className={selectClass}>
          <option value="">{t('staff.any')}</option>
          {EDUCATION.map((e) => (
            <option key={e} value={e}>
              {t(EDUCATION_LABEL[e])}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('profile.residence_district')}>
        <select name="district" defaultValue={filters.district ?? ''} className={selectClass}>
          <option value="">{t('staff.any')}</option>
          {JDZ_DISTRICT_OPTIONS.map((d) => (
            <option key={d} value={d}>
              {districtLabel(d, locale)}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('staff.verification')}>
        <select name="verification" defaultValue={filters.verification ?? ''} className={selectClass}>
          <option value="">{t('staff.any')}</option>
          {(Object.keys(VERIFICATION) as (keyof typeof VERIFICATION)[]).map((v) => (
            <option key={v} value={v}>
              {t(VERIFICATION[v])}
            </option>
          ))}
        </select>
      </Field>
      <Field label={t('staff.tier')}>
        <select name="tier" defaultValue={filters.tier ?? ''} className={selectClass}>
          <option value="">{t('staff.any')}</option>
          {(['A', 'B', 'C', 'D', 'E'] as const).map((tier) => (
            <option key={tier} value={tier}>
              {t('staff.tierN', { tier })}
            </option>
          ))}
        </select>
      </Field>
      <div className="col-span-2 flex gap-2 lg:col-span-3">
        <button type="submit" className={buttonClass('primary')}>
          {t('staff.applyFilters')}
        </button>
        {active ? (
          <Link href="/staff/talents" className={buttonClass('ghost')}>
            {t('staff.clearFilters')}
          </Link>
        ) : null}
      </div>
      <p className="col-span-2 text-xs text-ink-600 lg:col-span-3">{t('staff.tierHint')}</p>
    </form>
  );
}

/** Export of the filtered list (CSV or XLSX): a GET to the streaming endpoint, with the purpose that is audited. */
export function ExportPanel({ filters, t }: { filters: TalentFilters; t: Translator }) {
  return (
    <form method="get" action="/api/v1/talents/export" target="_blank" className="space-y-3" aria-label={t('staff.export')} data-testid="export-form">
      {filterEntries(filters).map(([k, v]) => (
        <input key={k} type="hidden" name={k} value={v} />
      ))}
      <fieldset>
        <legend className="mb-1.5 text-sm font-medium text-ink-800">{t('staff.exportFormat')}</legend>
        <div className="flex gap-4">
          {(['csv', 'xlsx'] as const).map((f) => (
            <label key={f} className="inline-flex min-h-10 items-center gap-2 text-sm">
              <input type="radio" name="format" value={f} defaultChecked={f === 'csv'} className="size-4 accent-brand-700" />
              {f === 'csv' ? t('staff.formatCsv') : t('staff.formatXlsx')}
            </label>
          ))}
        </div>
      </fieldset>
      <label className="block text-sm">
        <span className="mb-1 block font-medium text-ink-800">{t('staff.exportPurpose')}</span>
        <input name="purpose" required minLength={4} maxLength={200} placeholder={t('staff.exportPurposePlaceholder')} className={selectClass} aria-describedby="export-purpose-hint" />
        <span id="export-purpose-hint" className="mt-1 block text-xs text-ink-600">
          {t('staff.exportPurposeHint')}
        </span>
      </label>
      <button type="submit" className={buttonClass('secondary')}>
        {t('staff.exportButton')}
      </button>
    </form>
  );
}
