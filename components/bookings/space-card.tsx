import Link from 'next/link';
import { Badge } from '@/components/ui/card';
import { yuan } from '@/lib/bookings/format';
import type { SpaceSummaryDto } from '@/lib/bookings/schemas';
import type { Translator } from '@/lib/i18n';

export function priceLabel(s: Pick<SpaceSummaryDto, 'priceFen' | 'priceUnit'>, t: Translator): string {
  if (s.priceFen === null) return t('bookings.free');
  return t(s.priceUnit === 'hour' ? 'bookings.pricePerHour' : 'bookings.pricePerBooking', { price: yuan(s.priceFen) });
}

/** A space in the list: photo, kind, name, place, price and how it is confirmed. */
export function SpaceCard({ s, t }: { s: SpaceSummaryDto; t: Translator }) {
  return (
    <li className="overflow-hidden rounded-2xl bg-white shadow-sm ring-1 ring-ink-200" data-testid="space-card">
      <Link href={`/spaces/${s.id}`} className="block h-full focus-visible:outline-2 focus-visible:outline-brand-600">
        <div className="aspect-[16/10] bg-ink-100">
          {s.photo ? (
            // eslint-disable-next-line @next/next/no-img-element -- a small SVG illustration the project ships in public/spaces
            <img src={s.photo} alt="" loading="lazy" className="size-full object-cover" />
          ) : null}
        </div>
        <div className="space-y-1 p-4">
          <div className="flex flex-wrap gap-1">
            <Badge tone="info">{t(`bookings.kind_${s.kind}`)}</Badge>
            <Badge tone={s.requiresApproval ? 'warning' : 'success'}>{s.requiresApproval ? t('bookings.needsApproval') : t('bookings.instant')}</Badge>
            {s.eligiblePolicyCode ? <Badge>{t('bookings.policyOnly', { code: s.eligiblePolicyCode })}</Badge> : null}
          </div>
          <h2 className="font-semibold text-ink-900">{s.name}</h2>
          <p className="text-sm text-ink-700">{s.location}</p>
          <p className="text-sm font-medium text-ink-900">
            {priceLabel(s, t)} · {t('bookings.capacity', { n: s.capacity })}
          </p>
        </div>
      </Link>
    </li>
  );
}
