import Link from 'next/link';
import { craftLabel, districtLabel, joinList } from '@/components/talent/labels';
import { Badge } from '@/components/ui/card';
import type { Locale, MessageKey, Translator } from '@/lib/i18n';
import type { MentorCardDto } from '@/lib/mentors/schemas';
import { credentialText, STATE_TONE } from './labels';

/** A mentor in the directory: name, crafts, credentials with their state, district, free places, demo label. */
export function MentorCard({ item, t, locale }: { item: MentorCardDto; t: Translator; locale: Locale }) {
  const open = item.acceptsApprentices && item.freePlaces > 0;
  return (
    <li className="rounded-2xl bg-white shadow-sm ring-1 ring-ink-200" data-testid="mentor-card">
      <Link href={`/mentors/${item.id}`} className="block h-full space-y-2 p-4">
        <div className="flex flex-wrap items-center gap-2">
          <p className="font-serif text-lg font-semibold leading-snug text-ink-900">{item.name}</p>
          {item.demo ? <Badge tone="warning">{t('mentors.demo')}</Badge> : null}
        </div>
        <p className="text-sm text-ink-700">{joinList(item.crafts.map((c) => craftLabel(c, locale)), locale) || '—'}</p>
        {item.credentials.length ? (
          <ul className="space-y-1 text-xs text-ink-700">
            {item.credentials.slice(0, 3).map((c, i) => (
              <li key={i} className="flex flex-wrap items-center gap-1.5">
                <span className="break-words">{credentialText(c, t)}</span>
                <Badge tone={STATE_TONE[c.state]}>{t(`mentors.state_${c.state}` as MessageKey)}</Badge>
              </li>
            ))}
          </ul>
        ) : null}
        <p className="text-xs text-ink-600">
          {districtLabel(item.district, locale)}
          {item.studioLocation ? ` · ${item.studioLocation}` : ''}
        </p>
        <Badge tone={open ? 'success' : 'neutral'}>{open ? `${t('mentors.accepting')} · ${t('mentors.freePlaces', { n: item.freePlaces })}` : item.acceptsApprentices ? t('mentors.full') : t('mentors.notAccepting')}</Badge>
      </Link>
    </li>
  );
}
