export default function Loading() {
  return (
    <div className="space-y-3" aria-busy="true">
      <div className="h-8 w-40 animate-pulse rounded bg-ink-100" />
      <div className="h-24 animate-pulse rounded bg-ink-100" />
      <div className="h-24 animate-pulse rounded bg-ink-100" />
    </div>
  );
}
