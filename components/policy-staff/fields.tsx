'use client';

import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes, type TextareaHTMLAttributes } from 'react';
import { Input, Select, Textarea } from '@/components/ui/input';
import { cn } from '@/components/ui/cn';

/** Small labelled controls for the policy builder (controlled inputs; the builder keeps one state object). */

export function Issues({ id, messages, announce }: { id?: string; messages: string[]; announce?: boolean }) {
  if (!messages.length) return null;
  return (
    <ul id={id} role={announce ? 'alert' : undefined} className="mt-1 space-y-0.5 text-sm text-red-700">
      {messages.map((m, i) => (
        <li key={i}>{m}</li>
      ))}
    </ul>
  );
}

function Shell({ id, label, hint, errors, announce, children, className }: { id: string; label: string; hint?: string; errors?: string[]; announce?: boolean; children: ReactNode; className?: string }) {
  return (
    <div className={cn('min-w-0', className)}>
      <label htmlFor={id} className="mb-1 block text-sm font-medium text-ink-800">
        {label}
      </label>
      {children}
      {hint && !errors?.length ? (
        <p id={`${id}-hint`} className="mt-1 text-xs text-ink-600">
          {hint}
        </p>
      ) : null}
      <Issues id={`${id}-error`} messages={errors ?? []} announce={announce} />
    </div>
  );
}

const describedBy = (id: string, hint?: string, errors?: string[]) => (errors?.length ? `${id}-error` : hint ? `${id}-hint` : undefined);

export function TextInput({
  label,
  hint,
  errors,
  value,
  onValue,
  className,
  ...props
}: { label: string; hint?: string; errors?: string[]; value: string; onValue: (v: string) => void; className?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'value' | 'onChange' | 'className'>) {
  const id = useId();
  return (
    <Shell id={id} label={label} hint={hint} errors={errors} className={className}>
      <Input id={id} value={value} onChange={(e) => onValue(e.target.value)} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} {...props} />
    </Shell>
  );
}

export function TextArea({
  label,
  hint,
  errors,
  announce,
  value,
  onValue,
  className,
  ...props
}: { label: string; hint?: string; errors?: string[]; announce?: boolean; value: string; onValue: (v: string) => void; className?: string } & Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'value' | 'onChange' | 'className'>) {
  const id = useId();
  return (
    <Shell id={id} label={label} hint={hint} errors={errors} announce={announce} className={className}>
      <Textarea id={id} value={value} onChange={(e) => onValue(e.target.value)} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} {...props} />
    </Shell>
  );
}

export interface Option {
  value: string;
  label: string;
}

export function SelectInput({
  label,
  hint,
  errors,
  value,
  onValue,
  options,
  groups,
  className,
  ...props
}: {
  label: string;
  hint?: string;
  errors?: string[];
  value: string;
  onValue: (v: string) => void;
  options?: Option[];
  groups?: { label: string; options: Option[] }[];
  className?: string;
} & Omit<SelectHTMLAttributes<HTMLSelectElement>, 'value' | 'onChange' | 'className'>) {
  const id = useId();
  return (
    <Shell id={id} label={label} hint={hint} errors={errors} className={className}>
      <Select id={id} value={value} onChange={(e) => onValue(e.target.value)} aria-invalid={errors?.length ? true : undefined} aria-describedby={describedBy(id, hint, errors)} {...props}>
        {options?.map((o) => (
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

export function CheckboxInput({ label, hint, checked, onChecked }: { label: string; hint?: string; checked: boolean; onChecked: (v: boolean) => void }) {
  const id = useId();
  return (
    <div className="flex items-start gap-2">
      <input id={id} type="checkbox" checked={checked} onChange={(e) => onChecked(e.target.checked)} className="mt-1 size-4 accent-brand-700" aria-describedby={hint ? `${id}-hint` : undefined} />
      <div>
        <label htmlFor={id} className="text-sm font-medium text-ink-800">
          {label}
        </label>
        {hint ? (
          <p id={`${id}-hint`} className="text-xs text-ink-600">
            {hint}
          </p>
        ) : null}
      </div>
    </div>
  );
}

export function CheckboxGroup({ legend, options, values, onValues, errors }: { legend: string; options: Option[]; values: string[]; onValues: (v: string[]) => void; errors?: string[] }) {
  const id = useId();
  return (
    <fieldset className="min-w-0" aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend className="mb-1 block text-sm font-medium text-ink-800">{legend}</legend>
      <div className="flex flex-wrap gap-2">
        {options.map((o) => {
          const on = values.includes(o.value);
          return (
            <label key={o.value} className={cn('inline-flex min-h-9 cursor-pointer items-center gap-1.5 rounded-lg px-3 text-sm ring-1 ring-inset', on ? 'bg-brand-50 text-brand-900 ring-brand-300' : 'bg-white text-ink-800 ring-ink-300')}>
              <input type="checkbox" className="size-4 accent-brand-700" checked={on} onChange={(e) => onValues(e.target.checked ? [...values, o.value] : values.filter((x) => x !== o.value))} />
              {o.label}
            </label>
          );
        })}
      </div>
      <Issues id={`${id}-error`} messages={errors ?? []} />
    </fieldset>
  );
}
