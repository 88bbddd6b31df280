'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useCallback, useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useT } from '@/components/i18n/provider';
import { cn } from '@/components/ui/cn';
import type { MessageKey } from '@/lib/i18n';
import type { NavSlot } from '@/lib/navigation';
import { LanguageSwitcher } from './language-switcher';
import { LogoutButton } from './logout-button';

const LINK = 'block whitespace-nowrap rounded-lg px-3 py-2.5 text-base font-medium text-ink-800 hover:bg-ink-100 hover:text-ink-900 lg:px-2 lg:py-1.5 lg:text-sm lg:text-ink-700';
const CURRENT = 'bg-brand-50 text-brand-900 lg:bg-ink-100 lg:text-ink-900';

const isCurrent = (href: string, path: string) => path === href || path.startsWith(`${href}/`);

/**
 * The signed-in header's navigation (issue 13 §5). Below lg a "☰ 菜单" button discloses one panel with the role's
 * entries (groups as labelled sections), who is signed in, the language switch and logout; Escape or a click
 * outside closes it and focus returns to the button. From lg the same elements sit on one line, each group being a
 * disclosure of its own ("党务工作 ▾"). Every element exists once, so link and button names stay unique.
 */
export function SiteNav({ slots, whoami, bell }: { slots: NavSlot[]; whoami: string; bell: ReactNode }) {
  const t = useT();
  const path = usePathname() ?? '';
  const panelId = useId();
  // Both remember the page they were opened on, so another page (a link, back / forward) finds them closed.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const [groupOn, setGroupOn] = useState<{ key: string; path: string } | null>(null);
  const open = openOn === path;
  const group = groupOn?.path === path ? groupOn.key : null;
  const setOpen = useCallback((v: boolean) => setOpenOn(v ? path : null), [path]);
  const toggleRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);
  const groupButtons = useRef(new Map<string, HTMLButtonElement | null>());

  const close = useCallback(
    (returnFocus: boolean) => {
      if (returnFocus) {
        // Focus goes back to what opened the innermost layer: the group's button on desktop, else the menu button.
        const g = group ? groupButtons.current.get(group) : null;
        const target = g?.offsetParent ? g : toggleRef.current?.offsetParent ? toggleRef.current : null;
        target?.focus();
      }
      setOpenOn(null);
      setGroupOn(null);
    },
    [group],
  );

  useEffect(() => {
    if (!open && !group) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') close(true);
    };
    const onPointer = (e: PointerEvent) => {
      if (rootRef.current && !rootRef.current.contains(e.target as Node)) close(false);
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open, group, close]);

  const link = (href: string, label: MessageKey) => (
    <Link href={href} aria-current={isCurrent(href, path) ? 'page' : undefined} className={cn(LINK, isCurrent(href, path) && CURRENT)} onClick={() => close(false)}>
      {t(label)}
    </Link>
  );

  return (
    <div ref={rootRef} className="contents">
      <div id={panelId} data-testid="site-menu" className={cn(open ? 'flex' : 'hidden', 'absolute inset-x-0 top-full max-h-[calc(100dvh-3.5rem)] flex-col overflow-y-auto border-b border-ink-200 bg-white shadow-lg', 'lg:static lg:flex lg:min-w-0 lg:flex-1 lg:flex-row lg:items-center lg:gap-3 lg:overflow-visible lg:border-0 lg:bg-transparent lg:shadow-none')}>
        <nav aria-label={t('nav.menu')} className="px-2 py-2 lg:min-w-0 lg:flex-1 lg:p-0">
          <ul className="flex flex-col gap-0.5 lg:flex-row lg:flex-wrap lg:items-center lg:gap-1">
            {slots.map((s) =>
              s.kind === 'item' ? (
                <li key={s.item.href}>{link(s.item.href, s.item.label)}</li>
              ) : (
                <li key={s.group} className="lg:relative" data-nav-group={s.group}>
                  <p id={`${panelId}-${s.group}-label`} className="mt-2 border-t border-ink-100 px-3 pb-1 pt-3 text-xs font-semibold uppercase tracking-wide text-ink-600 lg:hidden">
                    {t(s.label)}
                  </p>
                  <button
                    ref={(el) => void groupButtons.current.set(s.group, el)}
                    type="button"
                    aria-expanded={group === s.group}
                    aria-controls={`${panelId}-${s.group}`}
                    onClick={() => setGroupOn(group === s.group ? null : { key: s.group, path })}
                    className={cn('hidden items-center gap-1 whitespace-nowrap rounded-lg px-2 py-1.5 text-sm font-medium text-ink-700 hover:bg-ink-100 hover:text-ink-900 lg:inline-flex', s.items.some((i) => isCurrent(i.href, path)) && CURRENT)}
                  >
                    {t(s.label)}
                    <span aria-hidden className="text-xs">
                      {group === s.group ? '▴' : '▾'}
                    </span>
                  </button>
                  <ul
                    id={`${panelId}-${s.group}`}
                    aria-labelledby={`${panelId}-${s.group}-label`}
                    className={cn('flex flex-col gap-0.5', 'lg:absolute lg:left-0 lg:top-full lg:z-40 lg:mt-1 lg:min-w-56 lg:rounded-xl lg:bg-white lg:p-1.5 lg:shadow-lg lg:ring-1 lg:ring-ink-200', group === s.group ? 'lg:flex' : 'lg:hidden')}
                  >
                    {s.items.map((i) => (
                      <li key={i.href}>{link(i.href, i.label)}</li>
                    ))}
                  </ul>
                </li>
              ),
            )}
          </ul>
        </nav>
        <div className="flex flex-wrap items-center gap-3 border-t border-ink-200 px-4 py-3 lg:flex-nowrap lg:gap-2 lg:border-0 lg:p-0">
          <span className="w-full text-sm text-ink-700 lg:order-2 lg:w-auto lg:max-w-[10rem] lg:truncate lg:text-ink-600" data-testid="whoami" title={whoami}>
            {whoami}
          </span>
          <span className="lg:order-1">
            <LanguageSwitcher />
          </span>
          <span className="ml-auto lg:order-3 lg:ml-0">
            <LogoutButton className="min-h-11 rounded-lg px-3 text-sm font-medium text-ink-700 ring-1 ring-ink-300 hover:bg-ink-100 lg:min-h-9 lg:ring-0" />
          </span>
        </div>
      </div>
      <div className="ml-auto flex items-center gap-1 lg:ml-0">
        {bell}
        <button
          ref={toggleRef}
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => (open ? close(false) : setOpen(true))}
          className="inline-flex min-h-11 items-center gap-1.5 rounded-lg px-3 text-sm font-medium text-ink-800 ring-1 ring-ink-300 hover:bg-ink-100 lg:hidden"
          data-testid="menu-toggle"
        >
          <span aria-hidden className="text-base leading-none">
            {open ? '✕' : '☰'}
          </span>
          {t('nav.menu')}
        </button>
      </div>
    </div>
  );
}
