'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import { useT } from '@/components/i18n/provider';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { Textarea } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { requestMentorshipAction } from '@/lib/mentors/actions';

/** 申请拜师: a message to the mentor. The server decides (full, oneself, already asked) and answers with a stable code. */
export function RequestForm({ mentorId }: { mentorId: string }) {
  const t = useT();
  const router = useRouter();
  const toast = useToast();
  const id = useId();
  const [message, setMessage] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [pending, start] = useTransition();

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      setError(null);
      setFieldError(null);
      const r = await requestMentorshipAction({ mentorId, message });
      if (!r.ok) {
        setFieldError(r.fieldErrors?.message?.[0] ?? null);
        if (!r.fieldErrors?.message) setError(r.formError);
        return;
      }
      toast(t('mentors.sent'), 'success');
      setMessage('');
      router.refresh();
    });
  };

  return (
    <form onSubmit={submit} className="space-y-3" aria-label={t('mentors.requestTitle')} data-testid="mentor-request-form">
      {error ? <Alert tone="error">{error}</Alert> : null}
      <label htmlFor={`${id}-msg`} className="block text-sm font-medium text-ink-800">
        {t('mentors.message')}
      </label>
      <Textarea
        id={`${id}-msg`}
        rows={4}
        maxLength={1000}
        value={message}
        onChange={(e) => setMessage(e.target.value)}
        aria-invalid={fieldError ? true : undefined}
        aria-describedby={fieldError ? `${id}-err` : undefined}
      />
      {fieldError ? (
        <p id={`${id}-err`} className="text-sm text-red-700">
          {fieldError}
        </p>
      ) : null}
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {t('mentors.send')}
      </Button>
    </form>
  );
}
