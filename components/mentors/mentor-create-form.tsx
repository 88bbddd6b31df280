'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { useLocale, useT } from '@/components/i18n/provider';
import { CraftOptions } from '@/components/talent/craft-options';
import { districtLabel } from '@/components/talent/labels';
import { Button } from '@/components/ui/button';
import { Alert } from '@/components/ui/card';
import { Input, Select, Textarea } from '@/components/ui/input';
import { useToast } from '@/components/ui/toast';
import { createMentorAction } from '@/lib/mentors/actions';
import type { MentorInput } from '@/lib/mentors/schemas';
import { JDZ_DISTRICT_OPTIONS } from '@/lib/talent/zones';

/** Staff record a mentor without an account: credentials are entered one per line and shown as recorded, not verified. */
export function MentorCreateForm() {
  const t = useT();
  const locale = useLocale();
  const router = useRouter();
  const toast = useToast();
  const empty = { displayName: '', district: '珠山区' as MentorInput['district'], craft: '', studioLocation: '', bio: '', credentials: '', acceptsApprentices: true, maxApprentices: '2', demo: false };
  const [v, setV] = useState(empty);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [pending, start] = useTransition();
  const set = <K extends keyof typeof v>(k: K, value: (typeof v)[K]) => setV((x) => ({ ...x, [k]: value }));
  const err = (k: string) => errors[k]?.[0] ?? Object.entries(errors).find(([key]) => key.startsWith(`${k}.`))?.[1][0];

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    start(async () => {
      setErrors({});
      setFormError(null);
      const r = await createMentorAction({
        displayName: v.displayName,
        district: v.district,
        crafts: v.craft ? [v.craft] : [],
        studioLocation: v.studioLocation || null,
        bio: v.bio || null,
        credentials: v.credentials
          .split('\n')
          .map((l) => l.trim())
          .filter(Boolean)
          .map((label) => ({ kind: 'honour' as const, label })),
        works: [],
        acceptsApprentices: v.acceptsApprentices,
        maxApprentices: Number(v.maxApprentices) || 0,
        demo: v.demo,
      });
      if (!r.ok) {
        setErrors(r.fieldErrors ?? {});
        if (!r.fieldErrors) setFormError(r.formError);
        return;
      }
      toast(t('mentors.staffCreated'), 'success');
      setV(empty);
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
    <form onSubmit={submit} className="space-y-4" aria-label={t('mentors.staffNew')} data-testid="mentor-create-form">
      {formError ? <Alert tone="error">{formError}</Alert> : null}
      <div className="grid gap-4 sm:grid-cols-3">
        {field('displayName', t('mentors.displayName'), <Input value={v.displayName} maxLength={40} onChange={(e) => set('displayName', e.target.value)} required />)}
        {field(
          'district',
          t('mentors.district'),
          <Select value={v.district} onChange={(e) => set('district', e.target.value as MentorInput['district'])}>
            {JDZ_DISTRICT_OPTIONS.map((d) => (
              <option key={d} value={d}>
                {districtLabel(d, locale)}
              </option>
            ))}
          </Select>,
        )}
        {field(
          'crafts',
          t('mentors.crafts'),
          <Select value={v.craft} onChange={(e) => set('craft', e.target.value)} required>
            <option value="">—</option>
            <CraftOptions locale={locale} />
          </Select>,
        )}
      </div>
      {field('studioLocation', t('mentors.studioLocation'), <Input value={v.studioLocation} maxLength={120} onChange={(e) => set('studioLocation', e.target.value)} />)}
      {field('credentials', t('mentors.staffCredential'), <Textarea rows={2} value={v.credentials} onChange={(e) => set('credentials', e.target.value)} />)}
      {field('bio', t('mentors.bio'), <Textarea rows={3} maxLength={2000} value={v.bio} onChange={(e) => set('bio', e.target.value)} />)}
      <div className="grid gap-4 sm:grid-cols-3">
        <label className="flex min-h-11 items-center gap-2 text-sm font-medium text-ink-800">
          <input type="checkbox" className="size-5" checked={v.acceptsApprentices} onChange={(e) => set('acceptsApprentices', e.target.checked)} />
          {t('mentors.acceptsApprentices')}
        </label>
        {field('maxApprentices', t('mentors.maxApprentices'), <Input type="number" inputMode="numeric" min={0} max={50} value={v.maxApprentices} onChange={(e) => set('maxApprentices', e.target.value)} />)}
        <label className="flex min-h-11 items-center gap-2 text-sm font-medium text-ink-800">
          <input type="checkbox" className="size-5" checked={v.demo} onChange={(e) => set('demo', e.target.checked)} />
          {t('mentors.staffDemo')}
        </label>
      </div>
      <Button type="submit" disabled={pending} aria-busy={pending}>
        {t('mentors.staffNew')}
      </Button>
    </form>
  );
}
