'use client';

import { useId, type InputHTMLAttributes, type ReactNode, type TextareaHTMLAttributes } from 'react';
import { get, useFormContext, type RegisterOptions } from 'react-hook-form';
import { useLocale } from '@/components/i18n/provider';
import { Input, Select, Textarea } from '@/components/ui/input';
import { localiseMessage } from '@/lib/validation';

/**
 * Fields of the transfer forms on top of the form kit (components/form/form.tsx): the same label / hint / error wiring
 * (aria-invalid, aria-describedby), plus what the kit's fields do not take — register options (numbers), option
 * groups and text areas.
 */

function useField(name: string) {
  const id = useId();
  const { register, formState } = useFormContext();
  const locale = useLocale();
  const error = get(formState.errors, name) as { message?: string } | undefined;
  const message = error?.message ? localiseMessage(locale, error.message) : undefined;
  return { id, register, message };
}

function Shell({ id, label, hint, message, required, children }: { id: string; label: string; hint?: ReactNode; message?: string; required?: boolean; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-ink-800">
        {label}
        {required ? (
          <span aria-hidden className="ml-0.5 text-red-700">
            *
          </span>
        ) : null}
      </label>
      {children}
      {hint ? (
        <p id={`${id}-hint`} className="mt-1 text-sm text-ink-600">
          {hint}
        </p>
      ) : null}
      {message ? (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {message}
        </p>
      ) : null}
    </div>
  );
}

const describedBy = (id: string, message?: string, hint?: ReactNode) => [message ? `${id}-error` : null, hint ? `${id}-hint` : null].filter(Boolean).join(' ') || undefined;

export function FieldText({ name, label, hint, required, options, ...props }: { name: string; label: string; hint?: ReactNode; required?: boolean; options?: RegisterOptions } & Omit<InputHTMLAttributes<HTMLInputElement>, 'name'>) {
  const { id, register, message } = useField(name);
  return (
    <Shell id={id} label={label} hint={hint} message={message} required={required}>
      <Input id={id} aria-invalid={message ? true : undefined} aria-required={required || undefined} aria-describedby={describedBy(id, message, hint)} {...props} {...register(name, options)} />
    </Shell>
  );
}

export function FieldArea({ name, label, hint, required, ...props }: { name: string; label: string; hint?: ReactNode; required?: boolean } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'name'>) {
  const { id, register, message } = useField(name);
  return (
    <Shell id={id} label={label} hint={hint} message={message} required={required}>
      <Textarea id={id} rows={2} aria-invalid={message ? true : undefined} aria-required={required || undefined} aria-describedby={describedBy(id, message, hint)} {...props} {...register(name)} />
    </Shell>
  );
}

export interface OptionGroup {
  label: string;
  options: { value: string; label: string }[];
}

export function FieldSelect({
  name,
  label,
  hint,
  required,
  placeholder,
  options = [],
  groups,
  registerOptions,
}: {
  name: string;
  label: string;
  hint?: ReactNode;
  required?: boolean;
  placeholder?: string;
  options?: { value: string; label: string }[];
  groups?: OptionGroup[];
  registerOptions?: RegisterOptions;
}) {
  const { id, register, message } = useField(name);
  return (
    <Shell id={id} label={label} hint={hint} message={message} required={required}>
      <Select id={id} aria-invalid={message ? true : undefined} aria-required={required || undefined} aria-describedby={describedBy(id, message, hint)} {...register(name, registerOptions)}>
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
        {groups?.map((g) => (
          <optgroup key={g.label} label={g.label}>
            {g.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </optgroup>
        ))}
      </Select>
    </Shell>
  );
}
