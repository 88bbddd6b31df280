'use client';

import { useState, useTransition } from 'react';
import { useT } from '@/components/i18n/provider';
import { buttonClass } from '@/components/ui/button';
import { verifyAuditAction } from '@/lib/system/actions';

/** 立即校验: walks the audit chain on the server and says what it found (a live region, so it is announced). */
export function AuditCheckButton() {
  const t = useT();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  return (
    <div className="mt-4">
      <button
        type="button"
        className={buttonClass('secondary', 'sm')}
        disabled={pending}
        onClick={() =>
          start(async () => {
            const r = await verifyAuditAction({});
            if (!r.ok) setMessage({ ok: false, text: r.formError });
            else setMessage({ ok: r.data.ok, text: r.data.ok ? t('home.adminAuditResultOk', { rows: r.data.rows }) : t('home.adminAuditResultFailed', { problems: r.data.problems }) });
          })
        }
      >
        {pending ? t('home.adminAuditVerifying') : t('home.adminAuditVerify')}
      </button>
      <p role="status" aria-live="polite" className={`mt-2 text-sm ${message ? (message.ok ? 'text-emerald-800' : 'text-red-800') : ''}`}>
        {message?.text ?? ''}
      </p>
    </div>
  );
}
