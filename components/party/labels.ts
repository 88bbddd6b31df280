import type { MessageKey, Translator } from '@/lib/i18n';
import type { MemberAlert, OrgType } from '@/lib/party/schemas';

/** Labels of the Party domain's enums (keys under `party.`), for server and client components alike. */
export const orgTypeLabel = (t: Translator, type: OrgType) => t(`party.type_${type}` as MessageKey);
export const membershipLabel = (t: Translator, type: 'formal' | 'probationary') => t(`party.membership_${type}`);
export const partyStatusLabel = (t: Translator, s: string) => t(`party.status_${s}` as MessageKey);
export const duesTypeLabel = (t: Translator, d: string) => t(`party.dues_${d}` as MessageKey);

/** One line per alert, with its numbers. */
export function alertText(t: Translator, a: MemberAlert): string {
  if (a.code === 'DUES_ARREARS' && a.months) return t('party.alertDues', { n: a.months });
  if (a.code === 'PROBATION_EXPIRED' && a.since) return t('party.alertProbation', { date: a.since });
  return t(`party.alert_${a.code}`);
}

export const alertTone = (a: MemberAlert): 'info' | 'warning' | 'danger' => (a.severity === 'critical' ? 'danger' : a.severity === 'warning' ? 'warning' : 'info');
