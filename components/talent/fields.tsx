'use client';

import { CraftOptions } from './craft-options';
import { useId, useState, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { get, useController, useFormContext, useFormState, useWatch } from 'react-hook-form';
import { useLocale, useT } from '@/components/i18n/provider';
import { Input, Select, Textarea } from '@/components/ui/input';
import { cn } from '@/components/ui/cn';
import type { Translator } from '@/lib/i18n';
import { JDZ_DISTRICT_OPTIONS } from '@/lib/talent/zones';
import { localiseMessage } from '@/lib/validation';
import { craftGroupLabel, craftLabel, craftsByGroup, districtLabel } from './labels';

/**
 * Extra fields for the form kit (components/form/form.tsx): checkbox, textarea, district picker and craft chips.
 * Same look, labels and error wiring as TextField / SelectField.
 */
export function useFieldError(name: string): string | undefined {
  const { errors } = useFormState({ name });
  const locale = useLocale();
  const error = get(errors, name) as { message?: string } | undefined;
  return error?.message ? localiseMessage(locale, error.message) : undefined;
}

export function FieldMessage({ id, message, hint }: { id: string; message?: string; hint?: string }) {
  if (message)
    return (
      <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
        {message}
      </p>
    );
  if (hint)
    return (
      <p id={`${id}-hint`} className="mt-1 text-sm text-ink-600">
        {hint}
      </p>
    );
  return null;
}

const describedBy = (id: string, message?: string, hint?: string) => (message ? `${id}-error` : hint ? `${id}-hint` : undefined);

export function CheckboxField({ name, label, hint, children }: { name: string; label: ReactNode; hint?: string; children?: ReactNode }) {
  const id = useId();
  const { register } = useFormContext();
  const message = useFieldError(name);
  return (
    <div>
      <div className="flex items-start gap-3">
        <input
          id={id}
          type="checkbox"
          className="mt-1 size-5 shrink-0 rounded border-ink-300 accent-brand-700"
          aria-invalid={message ? true : undefined}
          aria-describedby={describedBy(id, message, hint)}
          {...register(name)}
        />
        <label htmlFor={id} className="text-sm font-medium text-ink-800">
          {label}
        </label>
      </div>
      {children}
      <div className="pl-8">
        <FieldMessage id={id} message={message} hint={hint} />
      </div>
    </div>
  );
}

export function TextAreaField({ name, label, hint, ...props }: { name: string; label: string; hint?: string } & TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  const { register } = useFormContext();
  const message = useFieldError(name);
  return (
    <div>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-ink-800">
        {label}
      </label>
      <Textarea
        id={id}
        rows={4}
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy(id, message, hint)}
        {...props}
        {...register(name)}
      />
      <FieldMessage id={id} message={message} hint={hint} />
    </div>
  );
}

const OTHER = '__other';

/** A Jingdezhen district from the configured list, or any other place typed in. The value is the district name. */
export function DistrictField({ name, label, hint }: { name: string; label: string; hint?: string }) {
  const id = useId();
  const t: Translator = useT();
  const locale = useLocale();
  const { register, setValue } = useFormContext();
  const value = (useWatch({ name }) as string | undefined) ?? '';
  const known = (JDZ_DISTRICT_OPTIONS as readonly string[]).includes(value);
  const [other, setOther] = useState(value !== '' && !known);
  const message = useFieldError(name);
  return (
    <div>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-ink-800">
        {label}
      </label>
      <Select
        id={id}
        value={other ? OTHER : value}
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy(id, message, hint)}
        onChange={(e) => {
          const v = e.target.value;
          if (v === OTHER) {
            setOther(true);
            if (known) setValue(name, '', { shouldDirty: true });
          } else {
            setOther(false);
            setValue(name, v, { shouldDirty: true, shouldValidate: true });
          }
        }}
      >
        <option value="">{t('wizard.notAnswered')}</option>
        {JDZ_DISTRICT_OPTIONS.map((d) => (
          <option key={d} value={d}>
            {districtLabel(d, locale)}
          </option>
        ))}
        <option value={OTHER}>{t('wizard.otherPlace')}</option>
      </Select>
      {other ? (
        <Input className="mt-2" aria-label={`${label} · ${t('wizard.otherPlace')}`} placeholder={t('wizard.otherPlaceHint')} maxLength={20} {...register(name)} />
      ) : null}
      <FieldMessage id={id} message={message} hint={hint} />
    </div>
  );
}

/** Multi-select chips, grouped by the 工种 taxonomy; real checkboxes underneath (keyboard and screen readers). */
export function CraftChipsField({ name, label, hint, max = 30 }: { name: string; label: string; hint?: string; max?: number }) {
  const locale = useLocale();
  const { field } = useController({ name });
  const message = useFieldError(name);
  const selected: string[] = Array.isArray(field.value) ? (field.value as string[]) : [];
  const toggle = (code: string) => {
    const next = selected.includes(code) ? selected.filter((c) => c !== code) : selected.length < max ? [...selected, code] : selected;
    field.onChange(next);
  };
  return (
    <fieldset>
      <legend className="mb-1.5 block text-sm font-medium text-ink-800">{label}</legend>
      {hint ? <p className="mb-2 text-sm text-ink-600">{hint}</p> : null}
      <div className="space-y-3">
        {craftsByGroup().map(({ group, crafts }) => (
          <div key={group} role="group" aria-label={craftGroupLabel(group, locale)}>
            <p className="mb-1 text-xs font-medium uppercase tracking-wide text-ink-600">{craftGroupLabel(group, locale)}</p>
            <div className="flex flex-wrap gap-2">
              {crafts.map((c) => {
                const on = selected.includes(c.code);
                return (
                  <label
                    key={c.code}
                    className={cn(
                      'relative inline-flex min-h-9 cursor-pointer items-center rounded-full px-3 text-sm ring-1 ring-inset transition-colors has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-brand-700',
                      on ? 'bg-brand-700 text-white ring-brand-700' : 'bg-white text-ink-800 ring-ink-300 hover:bg-ink-50',
                    )}
                  >
                    <input type="checkbox" className="absolute inset-0 size-full cursor-pointer opacity-0" checked={on} onChange={() => toggle(c.code)} onBlur={field.onBlur} />
                    {on ? <span aria-hidden className="mr-1">✓</span> : null}
                    {craftLabel(c.code, locale)}
                  </label>
                );
              })}
            </div>
          </div>
        ))}
      </div>
      {message ? <p className="mt-1 text-sm text-red-700">{message}</p> : null}
    </fieldset>
  );
}

/** A plain input bound to the form, for rows in lists (label given, compact). */
export function RowInput({ name, label, ...props }: { name: string; label: string } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const { register } = useFormContext();
  const message = useFieldError(name);
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-ink-700">
        {label}
      </label>
      <Input id={id} aria-invalid={message ? true : undefined} aria-describedby={message ? `${id}-error` : undefined} {...props} {...register(name)} />
      <FieldMessage id={id} message={message} />
    </div>
  );
}

/** A compact labelled <select> for list rows; the options are its children. */
function RowSelectShell({ name, label, children }: { name: string; label: string; children: ReactNode }) {
  const id = useId();
  const { register } = useFormContext();
  const message = useFieldError(name);
  return (
    <div className="min-w-0">
      <label htmlFor={id} className="mb-1 block text-xs font-medium text-ink-700">
        {label}
      </label>
      <Select id={id} aria-invalid={message ? true : undefined} aria-describedby={message ? `${id}-error` : undefined} {...register(name)}>
        {children}
      </Select>
      <FieldMessage id={id} message={message} />
    </div>
  );
}

export function RowSelect({ name, label, options }: { name: string; label: string; options: { value: string; label: string }[] }) {
  return (
    <RowSelectShell name={name} label={label}>
      {options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </RowSelectShell>
  );
}

/** One craft (工种) from the taxonomy, grouped with <optgroup>. */
export function CraftSelect({ name, label, blank }: { name: string; label: string; blank: string }) {
  const locale = useLocale();
  return (
    <RowSelectShell name={name} label={label}>
      <option value="">{blank}</option>
      <CraftOptions locale={locale} />
    </RowSelectShell>
  );
}
