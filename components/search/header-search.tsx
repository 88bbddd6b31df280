'use client';

import Link from 'next/link';
import { usePathname, useRouter } from 'next/navigation';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useT } from '@/components/i18n/provider';
import { cn } from '@/components/ui/cn';
import type { MessageKey } from '@/lib/i18n';
import { Highlighted, type Segment } from './highlighted';

type Hit = { id: string; doc: Record<string, unknown>; highlights: Record<string, Segment[]> };
type Group = { index: 'policies' | 'mentors'; hits: Hit[]; total: number };
type Option = { key: string; href: string; hit?: Hit; index?: Group['index']; kind: 'hit' | 'all' | 'suggestion'; label?: string };

const SUGGESTIONS: MessageKey[] = ['search.suggestion1', 'search.suggestion2', 'search.suggestion3', 'search.suggestion4', 'search.suggestion5'];
const str = (v: unknown) => (typeof v === 'string' ? v : '');
export const hitHref = (index: Group['index'], hit: Hit) => (index === 'policies' ? `/policies/${encodeURIComponent(hit.id)}` : str(hit.doc.url) || `/mentors/${encodeURIComponent(hit.id)}`);

/**
 * The header's search (issue 12 §4): a button that opens a panel with one combobox (WAI-ARIA combobox with a listbox
 * popup), ⌘K / Ctrl+K or `/` from anywhere. Results come as you type, grouped by policies and mentors, with
 * highlighted matches; ↑/↓ move through them, Enter opens one (or the full results page), Escape closes and returns
 * focus to the button. One element for every width: a full-width panel under the header on a phone.
 */
export function HeaderSearch() {
  const t = useT();
  const router = useRouter();
  const path = usePathname() ?? '';
  const id = useId();
  const listId = `${id}-list`;
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === path;
  const [q, setQ] = useState('');
  const [groups, setGroups] = useState<Group[] | null>(null);
  // The query the shown groups answer: while the next answer loads, the previous one stays (no flicker) and says so.
  const [groupsTerm, setGroupsTerm] = useState('');
  const [status, setStatus] = useState<'idle' | 'loading' | 'error'>('idle');
  const [active, setActive] = useState(-1);
  const inputRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const term = q.trim();

  const close = useCallback((returnFocus: boolean) => {
    setOpenOn(null);
    setActive(-1);
    if (returnFocus) buttonRef.current?.focus();
  }, []);
  const show = useCallback(() => {
    setOpenOn(path);
    requestAnimationFrame(() => inputRef.current?.focus());
  }, [path]);

  // ⌘K / Ctrl+K anywhere, `/` outside text fields.
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const el = e.target as HTMLElement | null;
      const typing = !!el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName));
      if ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === 'k') {
        e.preventDefault();
        show();
      } else if (e.key === '/' && !typing && !e.metaKey && !e.ctrlKey && !e.altKey) {
        e.preventDefault();
        show();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [show]);

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) close(false);
    };
    document.addEventListener('pointerdown', onPointer);
    return () => document.removeEventListener('pointerdown', onPointer);
  }, [open, close]);

  // Instant results: both indexes at once, debounced, the stale answer dropped.
  useEffect(() => {
    if (!open || !term) return;
    const ctl = new AbortController();
    const timer = setTimeout(async () => {
      setStatus('loading');
      try {
        const get = async (index: Group['index']): Promise<Group> => {
          const res = await fetch(`/api/v1/search?${new URLSearchParams({ index, q: term, hitsPerPage: '5' })}`, { signal: ctl.signal, headers: { accept: 'application/json' } });
          if (!res.ok) throw new Error(String(res.status));
          const body = (await res.json()) as { hits: Hit[]; total: number };
          return { index, hits: body.hits, total: body.total };
        };
        const next = await Promise.all([get('policies'), get('mentors')]);
        setGroups(next);
        setGroupsTerm(term);
        setActive(-1);
        setStatus('idle');
      } catch {
        if (!ctl.signal.aborted) setStatus('error');
      }
    }, 150);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [term, open]);

  const shown = term ? groups : null;
  const options = useMemo<Option[]>(() => {
    if (!term) return SUGGESTIONS.map((k) => ({ key: k, kind: 'suggestion', label: t(k), href: '' }));
    const out: Option[] = [];
    for (const g of shown ?? []) for (const h of g.hits) out.push({ key: `${g.index}:${h.id}`, kind: 'hit', hit: h, index: g.index, href: hitHref(g.index, h) });
    if ((shown ?? []).some((g) => g.total > 0)) out.push({ key: 'all', kind: 'all', href: `/search?${new URLSearchParams({ q: term })}` });
    else out.push(...SUGGESTIONS.map((k): Option => ({ key: k, kind: 'suggestion', label: t(k), href: '' })));
    return out;
  }, [shown, term, t]);
  const optionId = (i: number) => `${id}-opt-${i}`;

  const choose = (o: Option) => {
    if (o.kind === 'suggestion') {
      setQ(o.label ?? '');
      inputRef.current?.focus();
      return;
    }
    close(false);
    router.push(o.href);
  };

  const onKeyDown = (e: React.KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => (options.length ? (a + 1) % options.length : -1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => (options.length ? (a <= 0 ? options.length - 1 : a - 1) : -1));
    } else if (e.key === 'Home' && active >= 0) {
      e.preventDefault();
      setActive(0);
    } else if (e.key === 'End' && active >= 0) {
      e.preventDefault();
      setActive(options.length - 1);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (active >= 0 && options[active]) choose(options[active]!);
      else if (term) {
        close(false);
        router.push(`/search?${new URLSearchParams({ q: term })}`);
      }
    } else if (e.key === 'Escape') {
      e.preventDefault();
      close(true);
    }
  };

  const optionProps = (o: Option) => {
    const i = options.indexOf(o);
    return {
      id: optionId(i),
      role: 'option' as const,
      tabIndex: -1,
      'aria-selected': active === i,
      'data-active': active === i ? 'true' : undefined,
      onMouseEnter: () => setActive(i),
      onMouseDown: (e: React.MouseEvent) => e.preventDefault(),
      onClick: (e: React.MouseEvent) => {
        if (o.kind !== 'suggestion' && (e.metaKey || e.ctrlKey)) return;
        e.preventDefault();
        choose(o);
      },
    };
  };
  const optionClass = (o: Option) => (active === options.indexOf(o) ? 'bg-brand-50 ring-1 ring-brand-200' : 'hover:bg-ink-50');

  const groupLabel: Record<Group['index'], MessageKey> = { policies: 'search.groupPolicies', mentors: 'search.groupMentors' };

  return (
    <div ref={rootRef} className="contents">
      <button
        ref={buttonRef}
        type="button"
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        aria-keyshortcuts="Meta+K Control+K /"
        onClick={() => (open ? close(false) : show())}
        className="inline-flex min-h-11 items-center gap-1.5 rounded-lg px-2.5 text-sm font-medium text-ink-700 ring-1 ring-ink-300 hover:bg-ink-100 lg:min-h-9"
        data-testid="search-toggle"
        title={t('search.shortcutHint')}
      >
        <svg aria-hidden viewBox="0 0 20 20" className="size-4" fill="none" stroke="currentColor" strokeWidth="2">
          <circle cx="9" cy="9" r="6" />
          <path d="m14 14 4 4" strokeLinecap="round" />
        </svg>
        <span className="sr-only">{t('search.nav')}</span>
        <kbd aria-hidden className="hidden rounded border border-ink-300 px-1 text-xs text-ink-500 lg:inline">
          /
        </kbd>
      </button>
      <div
        id={`${id}-panel`}
        data-testid="search-panel"
        className={cn(open ? 'flex' : 'hidden', 'absolute inset-x-0 top-full z-40 max-h-[calc(100dvh-3.5rem)] flex-col gap-2 overflow-y-auto border-b border-ink-200 bg-white p-3 shadow-lg', 'sm:left-auto sm:right-4 sm:w-[30rem] sm:rounded-b-xl sm:border-x')}
      >
        <form
          role="search"
          action="/search"
          onSubmit={(e) => {
            e.preventDefault();
          }}
        >
          <label htmlFor={`${id}-input`} className="sr-only">
            {t('search.label')}
          </label>
          <input
            ref={inputRef}
            id={`${id}-input`}
            type="search"
            name="q"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded={open && options.length > 0}
            aria-controls={listId}
            aria-activedescendant={active >= 0 ? optionId(active) : undefined}
            autoComplete="off"
            enterKeyHint="search"
            maxLength={200}
            value={q}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={onKeyDown}
            placeholder={t('search.placeholder')}
            className="block min-h-11 w-full rounded-lg border-0 bg-white px-3 py-2.5 text-base text-ink-900 ring-1 ring-inset ring-ink-300 placeholder:text-ink-400 focus:ring-2 focus:ring-inset focus:ring-brand-700"
            data-testid="search-input"
          />
        </form>
        <p aria-live="polite" className="px-1 text-xs text-ink-500">
          {status === 'loading' ? t('search.loading') : status === 'error' ? t('search.unavailable') : term && shown && !shown.some((g) => g.total > 0) ? t('search.empty', { q: term }) : !term ? t('search.startHint') : ''}
        </p>
        <div id={listId} role="listbox" aria-label={t('search.label')} className="flex flex-col gap-1" data-testid="search-results" data-term={groupsTerm} aria-busy={term !== groupsTerm}>
          {term && shown
            ? shown
                .filter((g) => g.hits.length)
                .map((g) => (
                  <div key={g.index} role="group" aria-labelledby={`${id}-${g.index}`} data-testid={`search-group-${g.index}`}>
                    <p id={`${id}-${g.index}`} role="presentation" className="px-3 pb-1 pt-2 text-xs font-semibold uppercase tracking-wide text-ink-500">
                      {t(groupLabel[g.index])} · {g.total}
                    </p>
                    {g.hits.map((h) => {
                      const o = options.find((x) => x.key === `${g.index}:${h.id}`)!;
                      const title = g.index === 'policies' ? 'title' : 'name';
                      const sub = g.index === 'policies' ? 'summary' : 'bio';
                      return (
                        <a key={h.id} href={o.href} {...optionProps(o)} className={cn('block cursor-pointer rounded-lg px-3 py-2 text-sm text-ink-800', optionClass(o))}>
                          <span className="block font-medium text-ink-900">
                            <Highlighted segments={h.highlights[title]} fallback={str(h.doc[title])} />
                          </span>
                          {str(h.doc[sub]) ? (
                            <span className="mt-0.5 line-clamp-1 block text-xs text-ink-600">
                              <Highlighted segments={h.highlights[sub]} fallback={str(h.doc[sub])} />
                            </span>
                          ) : null}
                        </a>
                      );
                    })}
                  </div>
                ))
            : null}
          {options
            .filter((o) => o.kind !== 'hit')
            .map((o) =>
              o.kind === 'all' ? (
                <Link key={o.key} href={o.href} {...optionProps(o)} className={cn('mt-1 block rounded-lg px-3 py-2 text-sm font-medium text-brand-700', optionClass(o))}>
                  {t('search.seeAllFor', { q: term })} →
                </Link>
              ) : (
                <button key={o.key} type="button" {...optionProps(o)} className={cn('mr-1 inline-block w-auto self-start rounded-full px-3 py-1.5 text-sm ring-1 ring-ink-200', optionClass(o))}>
                  {o.label}
                </button>
              ),
            )}
        </div>
      </div>
    </div>
  );
}
