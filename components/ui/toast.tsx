'use client';

import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '@/components/i18n/provider';

type Tone = 'success' | 'error';
interface Toast {
  id: number;
  message: string;
  tone: Tone;
}

const ToastContext = createContext<((message: string, tone?: Tone) => void) | null>(null);

/**
 * A confirmation that outlives the component that asked for it (issue 13 §5): after a staff member verifies evidence
 * or decides an application the row leaves the queue on refresh, taking any inline message with it. The provider sits
 * in the root layout (public pages carry signed-in actions too), which survives router.refresh() and navigation; the live region is always in the page so
 * screen readers announce each message. Messages go after 6 s or with their close button; only that button takes
 * clicks, so a message never blocks what is under it.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const t = useT();
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(0);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    setToasts((all) => all.filter((x) => x.id !== id));
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
  }, []);

  const show = useCallback(
    (message: string, tone: Tone = 'success') => {
      const id = ++next.current;
      setToasts((all) => [...all.slice(-2), { id, message, tone }]);
      timers.current.set(
        id,
        setTimeout(() => dismiss(id), 6000),
      );
    },
    [dismiss],
  );

  useEffect(() => {
    const pending = timers.current;
    return () => pending.forEach((h) => clearTimeout(h));
  }, []);

  return (
    <ToastContext.Provider value={show}>
      {children}
      {/* A live region without role="status": pages keep their own status regions unambiguous. */}
      <div aria-live="polite" className="pointer-events-none fixed inset-x-3 bottom-3 z-50 flex flex-col items-center gap-2 sm:inset-x-auto sm:right-4 sm:items-end print:hidden" data-testid="toasts">
        {toasts.map((x) => (
          <div
            key={x.id}
            className={`flex w-full max-w-sm items-start gap-3 rounded-xl px-4 py-3 text-sm shadow-lg ring-1 ${x.tone === 'success' ? 'bg-emerald-50 text-emerald-950 ring-emerald-300' : 'bg-red-50 text-red-950 ring-red-300'}`}
            data-testid="toast"
          >
            <span aria-hidden>{x.tone === 'success' ? '✓' : '!'}</span>
            <span className="min-w-0 flex-1">{x.message}</span>
            <button type="button" onClick={() => dismiss(x.id)} className="pointer-events-auto -my-1 -mr-2 grid size-8 shrink-0 place-items-center rounded-lg hover:bg-black/5" aria-label={t('app.close')}>
              <span aria-hidden>✕</span>
            </button>
          </div>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** Shows a message in the layout's toast region; a no-op outside a ToastProvider. */
export function useToast(): (message: string, tone?: Tone) => void {
  return useContext(ToastContext) ?? noop;
}

function noop() {}
