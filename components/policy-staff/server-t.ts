import type { MessageKey, Translator } from '@/lib/i18n';

/** Dynamic keys (`policy.status_${s}`) for the typed server translator. */
export const tk = (t: Translator, key: string, params?: Record<string, string | number>) => t(key as MessageKey, params);
