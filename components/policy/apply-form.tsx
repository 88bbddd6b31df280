'use client';

import { useRouter } from 'next/navigation';
import { useId, useMemo, useState } from 'react';
import { useFormContext } from 'react-hook-form';
import { z } from 'zod';
import { Form, FormMessage, SubmitButton, useZodForm } from '@/components/form/form';
import { useLocale, useT } from '@/components/i18n/provider';
import { applyAction } from '@/lib/policies/actions';
import { localiseMessage } from '@/lib/validation';
import { Textarea } from '@/components/ui/input';
import { problemMessage } from '@/components/talent/upload';
import { MATERIAL_ACCEPT, MATERIAL_MAX_BYTES } from '@/lib/policies/material-file';

/** A file already uploaded for a material (a draft, or one from an earlier application that may be reused). */
export interface MaterialFile {
  id: string;
  code: string;
  fileName: string;
  url: string;
}

export interface MaterialItem {
  code: string;
  name: { zh: string; en: string };
  alternatives: string[];
}

/**
 * The materials, one file each (uploaded as soon as it is chosen, to POST /api/v1/me/applications/materials), and an
 * optional note; submits the upload ids through applyAction. A file from an earlier application is reused only when
 * the talent says so.
 */
export function ApplyForm({ policyCode, title, materials, drafts = [], previous = [] }: { policyCode: string; title: string; materials: MaterialItem[]; drafts?: MaterialFile[]; previous?: MaterialFile[] }) {
  const t = useT();
  const router = useRouter();
  const [formError, setFormError] = useState<string | null>(null);
  const schema = useMemo(
    () =>
      z.object({
        materials: z.object(Object.fromEntries(materials.map((m) => [m.code, z.string('validation.materialFileRequired').min(1, 'validation.materialFileRequired')]))),
        note: z.string().trim().max(1000).optional(),
      }),
    [materials],
  );
  const form = useZodForm(schema, { defaultValues: { materials: Object.fromEntries(materials.map((m) => [m.code, drafts.find((d) => d.code === m.code)?.id ?? ''])), note: '' } as never });

  const onSubmit = async (values: z.output<typeof schema>) => {
    setFormError(null);
    const res = await applyAction({ policyCode, materials: materials.map((m) => ({ code: m.code, uploadId: values.materials[m.code] })), ...(values.note ? { note: values.note } : {}) });
    if (!res.ok) {
      let focused = false;
      for (const [k, msgs] of Object.entries(res.fieldErrors ?? {})) {
        form.setError(k as never, { type: 'server', message: msgs[0] }, { shouldFocus: !focused });
        focused = true;
      }
      setFormError(res.formError);
      return;
    }
    router.push(`/applications?submitted=${encodeURIComponent(policyCode)}`);
  };

  return (
    <Form form={form} onSubmit={onSubmit} aria-label={t('policyUi.applyTitle', { title })}>
      <fieldset className="space-y-2">
        <legend className="mb-2 font-semibold text-ink-900">{t('policyUi.materials')}</legend>
        {materials.length === 0 ? <p className="text-sm text-ink-600">{t('policyUi.noMaterials')}</p> : <p className="text-sm text-ink-600">{t('policyUi.materialHint')}</p>}
        {materials.map((m) => (
          <MaterialUpload key={m.code} item={m} policyCode={policyCode} draft={drafts.find((d) => d.code === m.code)} previous={previous.find((d) => d.code === m.code)} />
        ))}
      </fieldset>
      <NoteField />
      <FormMessage error={formError} />
      <SubmitButton pendingLabel={t('policyUi.submitting')} className="w-full sm:w-auto">
        {t('policyUi.submit')}
      </SubmitButton>
    </Form>
  );
}

function MaterialUpload({ item, policyCode, draft, previous }: { item: MaterialItem; policyCode: string; draft?: MaterialFile; previous?: MaterialFile }) {
  const t = useT();
  const locale = useLocale();
  const { setValue, watch, formState, clearErrors } = useFormContext();
  const name = `materials.${item.code}`;
  const value = watch(name) as string | undefined;
  const [file, setFile] = useState<MaterialFile | null>(draft ?? null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const err = (formState.errors.materials as Record<string, { message?: string }> | undefined)?.[item.code]?.message;
  const id = `mat-${item.code}`;
  const statusId = useId();
  const current = file && value === file.id ? file : previous && value === previous.id ? previous : null;

  const onChange = async (e: React.ChangeEvent<HTMLInputElement>) => {
    const chosen = e.currentTarget.files?.[0];
    e.currentTarget.value = '';
    if (!chosen) return;
    setProblem(null);
    if (chosen.size === 0) return setProblem(t('validation.fileEmpty'));
    if (chosen.size > MATERIAL_MAX_BYTES) return setProblem(t('validation.fileTooLarge'));
    const data = new FormData();
    data.append('policyCode', policyCode);
    data.append('code', item.code);
    data.append('file', chosen);
    setBusy(true);
    try {
      const res = await fetch('/api/v1/me/applications/materials', { method: 'POST', body: data, headers: { accept: 'application/json' } });
      if (!res.ok) {
        setProblem(await problemMessage(res, t('errors.errorBody')));
        return;
      }
      const uploaded = (await res.json()) as MaterialFile;
      setFile(uploaded);
      setValue(name, uploaded.id, { shouldDirty: true });
      clearErrors(name);
    } catch {
      setProblem(t('profile.uploadNetworkError'));
    } finally {
      setBusy(false);
    }
  };

  const invalid = !!(err || problem);
  return (
    <div className={`rounded-xl bg-white p-3 ring-1 ring-inset ${current ? 'ring-emerald-400' : invalid ? 'ring-red-300' : 'ring-ink-200'}`} data-testid="material" data-material={item.code}>
      <label htmlFor={id} className="block font-medium text-ink-900">
        {locale === 'en' ? item.name.en : item.name.zh}
      </label>
      {item.alternatives.length ? <span className="block text-xs text-ink-600">{item.alternatives.join(' / ')}</span> : null}
      <p id={statusId} className="mt-1 text-sm text-ink-700" role="status" aria-live="polite">
        {busy ? (
          t('policyUi.materialUploading')
        ) : current ? (
          <>
            <span className="text-emerald-800">✓ {t('policyUi.materialUploaded', { name: current.fileName })}</span>{' '}
            <a href={current.url} target="_blank" rel="noopener" className="font-medium text-brand-700 underline">
              {t('policyUi.materialOpen')}
            </a>
          </>
        ) : (
          t('policyUi.materialNoFile')
        )}
      </p>
      <input
        id={id}
        type="file"
        accept={MATERIAL_ACCEPT}
        disabled={busy}
        onChange={onChange}
        aria-invalid={invalid || undefined}
        aria-describedby={`${statusId}${invalid ? ` ${id}-err` : ''}`}
        data-testid={`material-file-${item.code}`}
        className="mt-2 block w-full text-sm text-ink-700 file:mr-3 file:min-h-10 file:rounded-lg file:border-0 file:bg-brand-700 file:px-3 file:text-sm file:font-medium file:text-white disabled:opacity-60"
      />
      {previous && !current ? (
        <button type="button" className="mt-2 min-h-10 text-left text-sm font-medium text-brand-700 underline" onClick={() => (setValue(name, previous.id, { shouldDirty: true }), clearErrors(name))}>
          {t('policyUi.materialReuse', { name: previous.fileName })}
        </button>
      ) : null}
      {invalid ? (
        <p id={`${id}-err`} className="mt-1 text-sm text-red-700">
          {problem ?? localiseMessage(locale, err!)}
        </p>
      ) : null}
    </div>
  );
}

function NoteField() {
  const t = useT();
  const { register } = useFormContext();
  return (
    <div>
      <label htmlFor="apply-note" className="mb-1.5 block text-sm font-medium text-ink-800">
        {t('policyUi.noteLabel')}
      </label>
      <Textarea id="apply-note" rows={3} maxLength={1000} aria-describedby="apply-note-hint" {...register('note')} />
      <p id="apply-note-hint" className="mt-1 text-sm text-ink-600">
        {t('policyUi.noteHint')}
      </p>
    </div>
  );
}
