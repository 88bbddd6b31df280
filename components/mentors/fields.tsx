'use client';

import { useId, type InputHTMLAttributes, type ReactNode } from 'react';
import { useFormContext, type FieldValues } from 'react-hook-form';
import { FieldMessage, useFieldError } from '@/components/talent/fields';
import { Button, type ButtonVariant } from '@/components/ui/button';
import { Input } from '@/components/ui/input';

/**
 * Mentor form fields on top of the form kit (components/form/form.tsx, components/talent/fields.tsx): a whole-number
 * field whose value reaches the schema as a number (the shared schemas say z.number(); an empty box is 0, as before
 * the forms used react-hook-form), and a submit button that keeps the form's variant.
 */
export function NumberField({ name, label, ...props }: { name: string; label: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'type'>) {
  const id = useId();
  const { register } = useFormContext();
  const message = useFieldError(name);
  return (
    <div>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-ink-800">
        {label}
      </label>
      <Input
        id={id}
        type="number"
        inputMode="numeric"
        aria-invalid={message ? true : undefined}
        aria-describedby={message ? `${id}-error` : undefined}
        {...props}
        {...register(name, { setValueAs: (v: unknown) => (v === '' || v === null || v === undefined ? 0 : Number(v)) })}
      />
      <FieldMessage id={id} message={message} />
    </div>
  );
}

export function FormSubmit({ children, variant }: { children: ReactNode; variant?: ButtonVariant }) {
  const { formState } = useFormContext<FieldValues>();
  return (
    <Button type="submit" variant={variant} disabled={formState.isSubmitting} aria-busy={formState.isSubmitting}>
      {children}
    </Button>
  );
}
