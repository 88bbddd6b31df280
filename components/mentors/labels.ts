import { HONOUR_LABEL, TITLE_LABEL } from '@/components/talent/labels';
import type { MessageKey, Translator } from '@/lib/i18n';
import type { MentorshipStatus } from '@/lib/mentors/core';

/** How a mentor's credential reads: linked ones carry profile codes (正高, 省级工艺美术大师 …), recorded ones plain text. */
export function credentialText(c: { kind: 'title' | 'honour' | 'ich'; label: string; level: string | null }, t: Translator): string {
  if (c.kind === 'title') {
    const key = (TITLE_LABEL as Record<string, MessageKey>)[c.label];
    return key ? t(key) : c.label;
  }
  if (c.kind === 'honour') {
    const key = (HONOUR_LABEL as Record<string, MessageKey>)[c.label];
    return key ? t(key) : c.label;
  }
  const level = c.level && ['national', 'provincial', 'municipal', 'county'].includes(c.level) ? t(`mentors.ich_${c.level}` as MessageKey) : null;
  return [c.label, level].filter(Boolean).join(' · ');
}

export const STATE_TONE = { verified: 'success', pending: 'warning', claimed: 'neutral', recorded: 'neutral' } as const;

export const STATUS_TONE: Record<MentorshipStatus, 'neutral' | 'warning' | 'success' | 'danger' | 'info'> = {
  requested: 'warning',
  accepted: 'success',
  declined: 'danger',
  withdrawn: 'neutral',
  ended: 'neutral',
};
