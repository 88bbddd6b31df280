import type { ReactNode } from 'react';
import { buttonClass } from '@/components/ui/button';
import { Card } from '@/components/ui/card';
import { DataTable } from '@/components/ui/data-table';

/**
 * One chart of the zone dashboard with its accessible table view (a real <table> with a caption, in a <details>
 * labelled 表格 / Table) and the CSV download. The chart itself is aria-hidden (components/ui/stats-chart.tsx):
 * the table carries the figures. Tables scroll inside their own box on a phone.
 */
export function DashboardFigure({
  id,
  title,
  note,
  badge,
  head,
  rows,
  empty,
  emptyText,
  action,
  csvHref,
  labels,
  children,
}: {
  id: string;
  title: string;
  note?: string;
  badge?: ReactNode;
  head: string[];
  rows: ReactNode[][];
  empty: boolean;
  emptyText: string;
  action?: ReactNode;
  csvHref: string;
  labels: { showTable: string; downloadCsv: string };
  children: ReactNode;
}) {
  return (
    <Card className="min-w-0">
      <figure aria-labelledby={`${id}-title`} data-testid={`chart-${id}`}>
        <div className="flex items-start justify-between gap-2">
          <figcaption id={`${id}-title`} className="font-semibold text-ink-900">
            {title}
          </figcaption>
          {badge}
        </div>
        {note ? <p className="mt-1 text-xs text-ink-600">{note}</p> : null}
        <div className="mt-3">{empty ? <p className="rounded-xl bg-ink-50 p-4 text-sm text-ink-700" data-testid={`empty-${id}`}>{emptyText}</p> : children}</div>
        {empty ? null : (
          <details className="mt-3" data-testid={`table-${id}`}>
            <summary className="min-h-9 cursor-pointer text-sm font-medium text-brand-800">{labels.showTable}</summary>
            <div className="mt-2 max-w-full overflow-x-auto">
              <DataTable caption={title} head={head} rows={rows} nowrap />
            </div>
          </details>
        )}
        <div className="mt-2 flex flex-wrap gap-2">
          <a href={csvHref} className={buttonClass('ghost', 'sm')} download data-testid={`csv-${id}`}>
            {labels.downloadCsv}
          </a>
          {action}
        </div>
      </figure>
    </Card>
  );
}
