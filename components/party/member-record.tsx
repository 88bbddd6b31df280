import { DefinitionList, type Row } from '@/components/talent/profile-view';
import { Badge, Card } from '@/components/ui/card';
import type { Translator } from '@/lib/i18n';
import type { MemberAlert, MemberDto } from '@/lib/party/schemas';
import { alertText, alertTone, duesTypeLabel, membershipLabel, partyStatusLabel } from './labels';

type RecordFields = Omit<MemberDto, 'linked'> & { formalOrgName: string };

/** A member's record: identity (masked), relationship and dues. Shared by the secretary's view and 我的党组织. */
export function MemberRecord({ m, t }: { m: RecordFields; t: Translator }) {
  const basics: Row[] = [
    [t('register.legalName'), m.name],
    [t('party.gender'), m.gender ? t(`party.gender_${m.gender}`) : null],
    [t('party.idCardNo'), <span key="id" className="font-mono" data-testid="masked-id">{m.idCardNo}</span>],
    [t('party.phone'), m.phone],
  ];
  const membership: Row[] = [
    [t('party.formalOrg'), m.formalOrgName],
    [t('party.membershipType'), membershipLabel(t, m.membershipType)],
    [t('party.partyStatus'), partyStatusLabel(t, m.partyStatus)],
    [t('party.joinDate'), m.joinDate],
    [t('party.probationEndDate'), m.probationEndDate],
    [t('party.regularDate'), m.regularDate],
    [t('party.lastDuesMonth'), m.lastDuesMonth],
    [t('party.duesBaseType'), duesTypeLabel(t, m.duesBaseType)],
    [t('party.duesBaseAmount'), m.duesBaseAmount],
    [t('party.lostContact'), m.lostContact ? t('party.yes') : t('party.no')],
  ];
  return (
    <div className="space-y-6">
      <Card>
        <h2 className="mb-2 font-semibold text-ink-900">{t('party.basics')}</h2>
        <DefinitionList rows={basics} t={t} />
      </Card>
      <Card>
        <h2 className="mb-2 font-semibold text-ink-900">{t('party.membership')}</h2>
        <DefinitionList rows={membership} t={t} />
      </Card>
    </div>
  );
}

export function AlertList({ alerts, t }: { alerts: MemberAlert[]; t: Translator }) {
  if (!alerts.length) return <p className="text-sm text-ink-600">{t('party.noAlerts')}</p>;
  return (
    <ul className="space-y-2" data-testid="member-alerts">
      {alerts.map((a) => (
        <li key={a.code}>
          <Badge tone={alertTone(a)}>{alertText(t, a)}</Badge>
        </li>
      ))}
    </ul>
  );
}
