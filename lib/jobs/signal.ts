/**
 * Wake-up signal for workers in this process (the web process's worker, or tests). Kept on globalThis because Next
 * bundles instrumentation and route handlers separately: a module-level set would not be shared between them.
 */
type Holder = { listeners: Set<() => void> };
const holder = ((globalThis as { __jpJobSignal?: Holder }).__jpJobSignal ??= { listeners: new Set() });

export function onKick(fn: () => void): () => void {
  holder.listeners.add(fn);
  return () => holder.listeners.delete(fn);
}

/** Asks local workers to look for work now (after the current tick of the event loop: commits land first). */
export function kickWorkers(): void {
  if (holder.listeners.size === 0) return;
  setTimeout(() => {
    for (const fn of holder.listeners) fn();
  }, 1);
}
