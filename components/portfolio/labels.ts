import type { MessageKey } from '@/lib/i18n';

export type CreditStatus = 'pending' | 'confirmed' | 'declined';

/** How a credit's confirmation state reads (server and client components). */
export const CREDIT_STATUS: Record<CreditStatus, { key: MessageKey; tone: 'warning' | 'success' | 'neutral' }> = {
  pending: { key: 'portfolio.creditPending', tone: 'warning' },
  confirmed: { key: 'portfolio.creditConfirmed', tone: 'success' },
  declined: { key: 'portfolio.creditDeclined', tone: 'neutral' },
};
