import type { MessageKey, Translator } from '@/lib/i18n';
import { AWARD_RANK_LABEL, enumLabel, HONOUR_LABEL, ICH_LABEL, RECORD_LEVEL_LABEL, TITLE_LABEL } from './labels';

export type ClaimSubject = 'title' | 'honour' | 'ich' | 'award';

export const SUBJECT_LABEL: Record<ClaimSubject, MessageKey> = {
  title: 'profile.title',
  honour: 'profile.honour',
  ich: 'profile.ich',
  award: 'profile.award',
};

const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);

/** A one-line description of a claimed credential (the snapshot stored with its evidence), without the subject's name. */
export function describeClaim(subject: ClaimSubject, claim: Record<string, unknown>, t: Translator): { title: string; detail: string } {
  const join = (...parts: (string | null)[]) => parts.filter(Boolean).join(' · ');
  switch (subject) {
    case 'title':
      return { title: enumLabel(t, TITLE_LABEL, str(claim.level)) ?? '—', detail: join(str(claim.date)) };
    case 'ich':
      return { title: enumLabel(t, ICH_LABEL, str(claim.level)) ?? '—', detail: join(str(claim.project), str(claim.year)) };
    case 'honour':
      return { title: enumLabel(t, HONOUR_LABEL, str(claim.type)) ?? t('profile.honour'), detail: join(str(claim.province), str(claim.year)) };
    case 'award':
      return {
        title: str(claim.name) ?? t('profile.award'),
        detail: join(enumLabel(t, RECORD_LEVEL_LABEL, str(claim.level)), enumLabel(t, AWARD_RANK_LABEL, str(claim.rank)), str(claim.year)),
      };
  }
}
