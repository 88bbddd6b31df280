import type { ReactNode } from 'react';
import { cn } from './cn';

/**
 * The table view beside a chart (zone dashboard, Party district view): a real table with the chart's title as its
 * caption, column headers, and the first cell of each row as the row header; numbers in tabular figures.
 */
export function DataTable({ caption, head, rows, nowrap = false }: { caption: string; head: readonly ReactNode[]; rows: readonly (readonly ReactNode[])[]; nowrap?: boolean }) {
  const cell = cn('px-2 py-1', nowrap && 'whitespace-nowrap');
  return (
    <table className="w-full text-left text-sm">
      <caption className="sr-only">{caption}</caption>
      <thead>
        <tr className="border-b border-ink-200">
          {head.map((h, i) => (
            <th key={i} scope="col" className={cn(cell, 'font-medium text-ink-800')}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r, i) => (
          <tr key={i} className="border-b border-ink-100">
            {r.map((c, j) =>
              j === 0 ? (
                <th key={j} scope="row" className={cn(cell, 'font-normal')}>
                  {c}
                </th>
              ) : (
                <td key={j} className={cn(cell, 'tabular-nums')}>
                  {c}
                </td>
              ),
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
