import { cn } from '@/components/ui/cn';

/** Placeholder while a list or card streams in (inside a Suspense boundary, below the page's auth checks). */
export function ListSkeleton({ label, rows = 3, grid = false }: { label: string; rows?: number; grid?: boolean }) {
  return (
    <div role="status" aria-live="polite" data-testid="loading" className={cn(grid ? 'grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4' : 'space-y-3')}>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className={cn('animate-pulse rounded-2xl bg-ink-200', grid ? 'aspect-[4/5]' : 'h-20')} />
      ))}
      <span className="sr-only">{label}</span>
    </div>
  );
}
