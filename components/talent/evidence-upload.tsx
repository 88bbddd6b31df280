'use client';

import { useRouter } from 'next/navigation';
import { useId, useRef, useState, type FormEvent } from 'react';
import { useT } from '@/components/i18n/provider';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import type { Translator } from '@/lib/i18n';
import { checkImageFile, IMAGE_ACCEPT, problemMessage } from './upload';

/** Evidence (a photo of a certificate) for one claim: POST multipart to /api/v1/me/evidence. */
export function EvidenceUpload({ subject, itemId, claimLabel, disabledReason }: { subject: 'title' | 'honour' | 'ich' | 'award'; itemId?: string; claimLabel: string; disabledReason?: string }) {
  const t: Translator = useT();
  const router = useRouter();
  const id = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [message, setMessage] = useState<{ error?: string; success?: string }>({});

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    const problem = checkImageFile(data.get('file') as File | null, t);
    if (problem) return setMessage({ error: problem });
    setPending(true);
    setMessage({});
    try {
      const res = await fetch('/api/v1/me/evidence', { method: 'POST', body: data, headers: { accept: 'application/json' } });
      if (!res.ok) return setMessage({ error: await problemMessage(res, t('errors.errorBody')) });
      formRef.current?.reset();
      setMessage({ success: t('profile.evidenceSent') });
      router.refresh();
    } catch {
      setMessage({ error: t('profile.uploadNetworkError') });
    } finally {
      setPending(false);
    }
  }

  if (disabledReason) return <p className="text-xs text-ink-600">{disabledReason}</p>;
  if (!open)
    return (
      <div className="space-y-2">
        {message.success ? <Alert tone="success">{message.success}</Alert> : null}
        <Button size="sm" variant="secondary" onClick={() => setOpen(true)} aria-label={`${t('profile.uploadEvidence')}: ${claimLabel}`}>
          {t('profile.uploadEvidence')}
        </Button>
      </div>
    );
  return (
    <form ref={formRef} onSubmit={onSubmit} method="post" encType="multipart/form-data" className="space-y-3 rounded-lg bg-ink-50 p-3 ring-1 ring-inset ring-ink-200" aria-label={`${t('profile.uploadEvidence')}: ${claimLabel}`}>
      <input type="hidden" name="subject" value={subject} />
      {itemId ? <input type="hidden" name="itemId" value={itemId} /> : null}
      <div>
        <label htmlFor={`${id}-file`} className="mb-1 block text-sm font-medium text-ink-800">
          {t('profile.evidenceFile')}
        </label>
        <input
          id={`${id}-file`}
          name="file"
          type="file"
          accept={IMAGE_ACCEPT}
          required
          aria-describedby={`${id}-hint`}
          className="block w-full text-sm text-ink-700 file:mr-3 file:min-h-9 file:rounded-lg file:border-0 file:bg-brand-700 file:px-3 file:text-sm file:font-medium file:text-white"
        />
        <p id={`${id}-hint`} className="mt-1 text-xs text-ink-600">
          {t('profile.evidenceHint')}
        </p>
      </div>
      <div>
        <label htmlFor={`${id}-note`} className="mb-1 block text-sm font-medium text-ink-800">
          {t('profile.evidenceNote')}
        </label>
        <input id={`${id}-note`} name="note" maxLength={500} className="block min-h-10 w-full rounded-lg border-0 bg-white px-3 text-base ring-1 ring-inset ring-ink-300 focus:ring-2 focus:ring-brand-700" />
      </div>
      {message.error ? <Alert tone="error">{message.error}</Alert> : null}
      <div className="flex gap-2">
        <Button type="submit" size="sm" disabled={pending} aria-busy={pending}>
          {pending ? t('profile.uploading') : t('profile.send')}
        </Button>
        <Button size="sm" variant="ghost" disabled={pending} onClick={() => setOpen(false)}>
          {t('profile.cancel')}
        </Button>
      </div>
    </form>
  );
}
