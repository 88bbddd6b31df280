import 'server-only';
import { roleHas, type Actor } from '@/lib/auth/permissions';
import { adminHomeCards } from '@/lib/admin/home';
import { bookingHomeCards } from '@/lib/bookings/home';
import { mentorHomeCards } from '@/lib/mentors/home';
import { notificationHomeCards } from '@/lib/notifications/home';
import { partyHomeCards } from '@/lib/party/home';
import { policyHomeCards } from '@/lib/policies/home';
import { portfolioHomeCards } from '@/lib/portfolio/home';
import { talentHomeCards } from '@/lib/talent/home';
import type { HomeCardDef } from './registry';

/** Every domain's 工作台 cards (lib/<domain>/home.tsx), one line per domain. */
const ALL: readonly HomeCardDef[] = [...talentHomeCards, ...policyHomeCards, ...portfolioHomeCards, ...bookingHomeCards, ...mentorHomeCards, ...partyHomeCards, ...adminHomeCards, ...notificationHomeCards];

export const HOME_CARDS = [...ALL].sort((a, b) => a.order - b.order);

/** The cards this actor's role may see (each card's services still authorize what it reads). */
export function homeCardsFor(actor: Actor): HomeCardDef[] {
  return HOME_CARDS.filter((c) => (c.permission ? roleHas(actor.role, c.permission) : true) && (c.roles ? c.roles.includes(actor.role) : true));
}
