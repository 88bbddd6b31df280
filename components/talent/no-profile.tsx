import { EmptyState } from '@/components/ui/card';
import type { Translator } from '@/lib/i18n';

/** A talent account without a 景漂 profile (e.g. created by an administrator before registration existed). */
export function NoProfile({ t }: { t: Translator }) {
  return <EmptyState title={t('profile.noProfileTitle')} body={t('profile.noProfileBody')} icon="🏺" />;
}
