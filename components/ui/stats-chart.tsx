'use client';

import { useRouter } from 'next/navigation';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

/**
 * The portal's one chart component (recharts, client side), shared by the district view, the zone dashboard, the
 * 政策沙盘 and space utilisation. Each chart sits in a <figure> whose table view and CSV link are rendered on the
 * server beside it (e.g. components/staff/dashboard-figure.tsx), so the figures are readable without the chart; the
 * chart itself is aria-hidden. Widths follow the container (390 px phones included); inline styles only,
 * which the CSP allows (style-src 'unsafe-inline'), no eval, no inline scripts.
 */

export interface SeriesDef {
  key: string;
  label: string;
  color: string;
  /** Stack id for stacked bars. */
  stack?: string;
}

interface Props {
  kind: 'bar' | 'line';
  data: Record<string, string | number | null>[];
  /** The category field (x axis, or y axis for horizontal bars). */
  category: string;
  series: SeriesDef[];
  horizontal?: boolean;
  /** Bars link to a page: the datum's `href` field (drill-down). */
  linked?: boolean;
  height?: number;
  percentAxis?: boolean;
}

const axis = { fontSize: 12, fill: '#44403c' };

export function StatsChart({ kind, data, category, series, horizontal = false, linked = false, height, percentAxis = false }: Props) {
  const router = useRouter();
  const h = height ?? (horizontal ? Math.max(160, 36 * data.length + 60) : 260);
  const open = (d: unknown) => {
    const href = (d as { payload?: { href?: unknown } } | undefined)?.payload?.href;
    if (linked && typeof href === 'string') router.push(href);
  };
  return (
    <div aria-hidden="true" className="w-full min-w-0" style={{ height: h }}>
      <ResponsiveContainer width="100%" height="100%">
        {kind === 'line' ? (
          <LineChart data={data} margin={{ top: 8, right: 12, bottom: 4, left: -12 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e7e5e4" />
            <XAxis dataKey={category} tick={axis} interval="preserveStartEnd" />
            <YAxis tick={axis} allowDecimals={false} domain={percentAxis ? [0, 100] : undefined} />
            <Tooltip />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            {series.map((s) => (
              <Line key={s.key} type="monotone" dataKey={s.key} name={s.label} stroke={s.color} strokeWidth={2} dot={{ r: 3 }} isAnimationActive={false} />
            ))}
          </LineChart>
        ) : (
          <BarChart data={data} layout={horizontal ? 'vertical' : 'horizontal'} margin={{ top: 8, right: 12, bottom: 4, left: horizontal ? 0 : -12 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="#e7e5e4" />
            {horizontal ? (
              <>
                <XAxis type="number" tick={axis} allowDecimals={false} />
                <YAxis type="category" dataKey={category} tick={axis} width={112} />
              </>
            ) : (
              <>
                <XAxis dataKey={category} tick={axis} interval="preserveStartEnd" />
                <YAxis tick={axis} allowDecimals={false} />
              </>
            )}
            <Tooltip />
            {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 12 }} /> : null}
            {series.map((s) => (
              <Bar key={s.key} dataKey={s.key} name={s.label} fill={s.color} stackId={s.stack} isAnimationActive={false} cursor={linked ? 'pointer' : undefined} onClick={linked ? open : undefined} />
            ))}
          </BarChart>
        )}
      </ResponsiveContainer>
    </div>
  );
}
