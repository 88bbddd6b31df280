import type { ReactNode } from 'react';
import type { Actor, Permission, Role } from '@/lib/auth/permissions';
import type { Locale, Translator } from '@/lib/i18n';

/**
 * Cards on the 工作台 (the page after login), contributed by each domain in `lib/<domain>/home.tsx` and listed once in
 * lib/home/cards.ts — a new domain adds its cards without editing the others (issue 13 §1). A card is an async server
 * component: it reads through its own domain's services (which authorize) and answers null when it has nothing to
 * say to this actor; the page shows the cards the actor's role may see, ordered by `order`.
 */
export interface HomeCardContext {
  actor: Actor;
  t: Translator;
  locale: Locale;
  ip: string;
}

export interface HomeCardDef {
  /** Unique, e.g. 'party.queue' (also the card's data-testid). */
  id: string;
  order: number;
  /** Shown to holders of this permission (role level)… */
  permission?: Permission;
  /** …or to these roles. */
  roles?: readonly Role[];
  /** Two columns wide on large screens. */
  wide?: boolean;
  render(ctx: HomeCardContext): Promise<ReactNode | null>;
}

export const defineHomeCards = <const T extends readonly HomeCardDef[]>(cards: T): T => cards;
