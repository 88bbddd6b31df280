'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { applyActionResult, Form, FormMessage, SubmitButton, useZodForm } from '@/components/form/form';
import { useT } from '@/components/i18n/provider';
import { TextAreaField } from '@/components/talent/fields';
import { useToast } from '@/components/ui/toast';
import { requestMentorshipAction } from '@/lib/mentors/actions';
import { mentorshipRequestInput, type MentorshipRequestInput } from '@/lib/mentors/schemas';

/**
 * 申请拜师: a message to the mentor, validated in the browser with the schema the action parses
 * (mentorshipRequestInput). The server decides the rest (full, oneself, already asked) and answers with a stable code.
 */
export function RequestForm({ mentorId }: { mentorId: string }) {
  const t = useT();
  const router = useRouter();
  const toast = useToast();
  const [error, setError] = useState<string | null>(null);
  const form = useZodForm(mentorshipRequestInput, { defaultValues: { mentorId, message: '' } });

  async function onSubmit(values: MentorshipRequestInput) {
    setError(null);
    const r = await requestMentorshipAction(values);
    if (!r.ok) {
      const formError = applyActionResult(form, r);
      // A message error shows under the field; anything else (a refusal code such as MENTOR_FULL) above the form.
      return setError(r.fieldErrors?.message ? null : formError);
    }
    toast(t('mentors.sent'), 'success');
    form.reset({ mentorId, message: '' });
    router.refresh();
  }

  return (
    <Form form={form} onSubmit={onSubmit} aria-label={t('mentors.requestTitle')} className="space-y-3" data-testid="mentor-request-form">
      <FormMessage error={error} />
      <TextAreaField name="message" label={t('mentors.message')} rows={4} maxLength={1000} />
      <SubmitButton>{t('mentors.send')}</SubmitButton>
    </Form>
  );
}
