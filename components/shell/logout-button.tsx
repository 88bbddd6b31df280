'use client';

import { signOut } from 'next-auth/react';
import { useState } from 'react';
import { useT } from '@/components/i18n/provider';

export function LogoutButton({ className }: { className?: string }) {
  const t = useT();
  const [pending, setPending] = useState(false);
  return (
    <button
      type="button"
      disabled={pending}
      className={className ?? 'min-h-9 rounded-lg px-3 text-sm font-medium text-ink-700 hover:bg-ink-100'}
      onClick={async () => {
        setPending(true);
        await signOut({ callbackUrl: '/login?loggedOut=1' });
      }}
    >
      {t('nav.logout')}
    </button>
  );
}
