import type { ReactNode } from 'react';

export interface Segment {
  text: string;
  hit: boolean;
}

/**
 * A highlighted field: the engine's segments as text, matched ones in <mark>. Never HTML from the index (document
 * text is user-provided), so nothing here can inject markup.
 */
export function Highlighted({ segments, fallback }: { segments: readonly Segment[] | undefined; fallback: string }): ReactNode {
  if (!segments?.length) return fallback;
  return segments.map((s, i) =>
    s.hit ? (
      <mark key={i} className="rounded-sm bg-amber-100 px-0.5 text-inherit">
        {s.text}
      </mark>
    ) : (
      <span key={i}>{s.text}</span>
    ),
  );
}
