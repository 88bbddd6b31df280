import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';
import { Alert, PageHeader } from '@/components/ui/card';
import { getTranslator } from '@/lib/i18n/server';

/** A stale QR poster (rotated token, dissolved organisation) answers 404 and says what to do. */
export default async function CheckInTokenNotFound() {
  const { t } = await getTranslator();
  return (
    <div className="mx-auto max-w-md space-y-4">
      <PageHeader title={t('partyMobile.checkInTitle')} />
      <Alert tone="error">{t('partyMobile.checkInInvalid')}</Alert>
      <Link href="/my-party#mobile" className={buttonClass('secondary')}>
        {t('partyMobile.goMyParty')}
      </Link>
    </div>
  );
}
