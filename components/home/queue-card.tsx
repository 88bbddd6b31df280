import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { Badge, Card } from '@/components/ui/card';

export interface QueueItem {
  id: string;
  href: string;
  title: string;
  meta: string;
}

/**
 * A work queue on the 工作台: how much waits, how long the oldest has waited, the first few items and the way to the
 * queue itself. An empty queue says so (and still links to the queue).
 */
export function QueueCard(props: { testId: string; title: string; summary: string; empty: string; items: readonly QueueItem[]; oldestBadge?: string | null; href: string; open: string }) {
  const { items } = props;
  return (
    <Card data-testid={props.testId}>
      <div className="flex items-start justify-between gap-3">
        <div>
          <h2 className="font-semibold text-ink-900">{props.title}</h2>
          <p className="mt-1 text-sm text-ink-600">{items.length ? props.summary : props.empty}</p>
        </div>
        {props.oldestBadge ? <Badge tone="warning">{props.oldestBadge}</Badge> : null}
      </div>
      {items.length ? (
        <ul className="mt-3 divide-y divide-ink-100">
          {items.slice(0, 3).map((i) => (
            <li key={i.id} className="py-2">
              <Link href={i.href} className="flex flex-wrap items-center justify-between gap-2 rounded-md text-sm hover:bg-ink-50 focus-visible:outline-2 focus-visible:outline-brand-600">
                <span className="font-medium text-ink-900">{i.title}</span>
                <span className="text-ink-600">{i.meta}</span>
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      <Link href={props.href} className={`${buttonClass(items.length ? 'primary' : 'secondary', 'sm')} mt-4`}>
        {props.open}
      </Link>
    </Card>
  );
}

/** Whole days between an ISO instant and now (for "waiting 3 days"). */
export const daysSince = (iso: string, nowMs: number) => Math.max(0, Math.floor((nowMs - Date.parse(iso)) / 86_400_000));
