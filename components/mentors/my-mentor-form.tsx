'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useLocale, useT } from '@/components/i18n/provider';
import { districtLabel } from '@/components/talent/labels';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { Input, Select, Textarea } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { saveMyMentorAction } from '@/lib/mentors/actions';
import type { MyMentorInput } from '@/lib/mentors/schemas';
import { JDZ_DISTRICT_OPTIONS } from '@/lib/talent/zones';

/** 我的导师主页: the fields a talent enters; credentials, crafts and works come from their profile and portfolio. */
export function MyMentorForm({ initial }: { initial: MyMentorInput }) {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const toast = useToast();
  const [v, setV] = useState({ ...initial, studioLocation: initial.studioLocation ?? '', bio: initial.bio ?? '', maxApprentices: String(initial.maxApprentices) });
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const set = <K extends keyof typeof v>(k: K, value: (typeof v)[K]) => setV((x) => ({ ...x, [k]: value }));
  const err = (k: string) => errors[k]?.[0];

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      setErrors({});
      setFormError(null);
      const r = await saveMyMentorAction({ ...v, maxApprentices: Number(v.maxApprentices) || 0, studioLocation: v.studioLocation || null, bio: v.bio || null });
      if (!r.ok) {
        setErrors(r.fieldErrors ?? {});
        if (!r.fieldErrors) setFormError(r.formError);
        return;
      }
      toast(t('mentors.myProfileSaved'), 'success');
      router.refresh();
    });
  };

  const field = (name: string, label: string, control: React.ReactNode) => (
    <label className="block text-sm">
      <span className="mb-1 block font-medium text-ink-800">{label}</span>
      {control}
      {err(name) ? <span className="mt-1 block text-sm text-red-700">{err(name)}</span> : null}
    </label>
  );

  return (
    <form onSubmit={submit} className="space-y-4" aria-label={t('mentors.myProfileTitle')} data-testid="my-mentor-form">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        {field('displayName', t('mentors.displayName'), <Input value={v.displayName} maxLength={40} onChange={(e) => set('displayName', e.target.value)} aria-invalid={err('displayName') ? true : undefined} required />)}
        {field(
          'district',
          t('mentors.district'),
          <Select value={v.district} onChange={(e) => set('district', e.target.value as typeof v.district)}>
            {JDZ_DISTRICT_OPTIONS.map((d) => (
              <option key={d} value={d}>
                {districtLabel(d, locale)}
              </option>
            ))}
          </Select>,
        )}
      </div>
      {field('studioLocation', t('mentors.studioLocation'), <Input value={v.studioLocation} maxLength={120} onChange={(e) => set('studioLocation', e.target.value)} />)}
      {field('bio', t('mentors.bio'), <Textarea rows={4} maxLength={2000} value={v.bio} onChange={(e) => set('bio', e.target.value)} />)}
      <div className="grid gap-4 sm:grid-cols-2">
        <label className="flex min-h-11 items-center gap-2 text-sm font-medium text-ink-800">
          <input type="checkbox" className="size-5" checked={v.acceptsApprentices} onChange={(e) => set('acceptsApprentices', e.target.checked)} />
          {t('mentors.acceptsApprentices')}
        </label>
        {field('maxApprentices', t('mentors.maxApprentices'), <Input type="number" inputMode="numeric" min={0} max={50} value={v.maxApprentices} onChange={(e) => set('maxApprentices', e.target.value)} aria-invalid={err('maxApprentices') ? true : undefined} />)}
      </div>
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {t('mentors.myProfileSave')}
      </Button>
    </form>
  );
}
