'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useId, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';
import {
  FormProvider,
  get,
  useForm,
  useFormContext,
  type FieldValues,
  type Path,
  type Resolver,
  type SubmitHandler,
  type UseFormProps,
  type UseFormReturn,
} from 'react-hook-form';
import type { z } from 'zod';
import { useLocale } from '@/components/i18n/provider';
import type { Locale } from '@/lib/i18n';
import { Alert } from '@/components/ui/card';
import { Button, type ButtonVariant } from '@/components/ui/button';
import { Input, Select } from '@/components/ui/input';
import type { ActionResult } from '@/lib/actions/result';
import { localiseMessage, zodLocaleError } from '@/lib/validation';

/**
 * The form kit: react-hook-form with zodResolver over the same schema the server action parses. Field messages are
 * i18n keys or zod's own messages, shown in the user's language on both sides.
 */
export function useZodForm<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, options: Omit<UseFormProps<z.input<S>, unknown, z.output<S>>, 'resolver'> = {}) {
  const locale = useLocale();
  return useForm<z.input<S>, unknown, z.output<S>>({
    resolver: localisedZodResolver(schema, locale) as never,
    mode: 'onTouched',
    ...options,
  });
}

/**
 * zodResolver keeps only each issue's message, so keys with bounds ("validation.passwordTooShort" → "至少 {min} 位")
 * lost their numbers in the browser. When validation fails, the issues' bounds are localised into the messages here,
 * exactly as the server does (fieldErrorsFromZod).
 */
function localisedZodResolver<S extends z.ZodType<FieldValues, FieldValues>>(schema: S, locale: Locale): Resolver<FieldValues> {
  const base = zodResolver(schema as never, { error: zodLocaleError(locale) }) as unknown as Resolver<FieldValues>;
  return async (values, context, options) => {
    const result = await base(values, context, options);
    if (Object.keys(result.errors).length === 0) return result;
    const parsed = await schema.safeParseAsync(values, { error: zodLocaleError(locale) });
    if (parsed.success) return result;
    for (const issue of parsed.error.issues) {
      const error = get(result.errors, issue.path.map(String).join('.')) as { message?: string } | undefined;
      if (error?.message === issue.message) error.message = localiseMessage(locale, issue.message, issue as never);
    }
    return result;
  };
}

/** Copies a failed action result's field errors into the form; returns the form-level message. */
export function applyActionResult<T extends FieldValues>(form: UseFormReturn<T, unknown, unknown>, result: ActionResult<unknown>): string | null {
  if (result.ok) return null;
  let focused = false;
  for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
    if (field === '_') continue;
    form.setError(field as Path<T>, { type: 'server', message: messages[0] }, { shouldFocus: !focused });
    focused = true;
  }
  return result.formError;
}

export function Form<T extends FieldValues>({
  form,
  onSubmit,
  children,
  className,
  'aria-label': ariaLabel,
  'data-testid': testId,
}: {
  form: UseFormReturn<T, unknown, unknown>;
  onSubmit: SubmitHandler<T>;
  children: ReactNode;
  className?: string;
  'aria-label'?: string;
  'data-testid'?: string;
}) {
  return (
    <FormProvider {...(form as UseFormReturn<T>)}>
      {/* method="post": a submit before hydration (slow phone, failed script) must not put fields such as passwords in the URL. */}
      <form method="post" noValidate aria-label={ariaLabel} data-testid={testId} className={className ?? 'space-y-4'} onSubmit={form.handleSubmit(onSubmit as never)}>
        {children}
      </form>
    </FormProvider>
  );
}

function useFieldState(name: string) {
  const { formState } = useFormContext();
  const locale = useLocale();
  const error = get(formState.errors, name) as { message?: string } | undefined;
  return { message: error?.message ? localiseMessage(locale, error.message) : undefined };
}

function FieldShell({ id, label, hint, message, children }: { id: string; label: string; hint?: string; message?: string; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="mb-1.5 block text-sm font-medium text-ink-800">
        {label}
      </label>
      {children}
      {hint && !message ? (
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

export function TextField({ name, label, hint, setValueAs, ...props }: { name: string; label: string; hint?: string; setValueAs?: (v: unknown) => unknown } & InputHTMLAttributes<HTMLInputElement>) {
  const id = useId();
  const { register } = useFormContext();
  const { message } = useFieldState(name);
  return (
    <FieldShell id={id} label={label} hint={hint} message={message}>
      <Input id={id} aria-invalid={message ? true : undefined} aria-describedby={message ? `${id}-error` : hint ? `${id}-hint` : undefined} {...props} {...register(name, setValueAs ? { setValueAs } : undefined)} />
    </FieldShell>
  );
}

/** A whole number that reaches the schema as a number (the shared schemas say z.number()); an empty box is 0. */
const wholeNumber = (v: unknown) => (v === '' || v === null || v === undefined ? 0 : Number(v));

export function NumberField(props: { name: string; label: string; hint?: string } & Omit<InputHTMLAttributes<HTMLInputElement>, 'name' | 'type'>) {
  return <TextField type="number" inputMode="numeric" setValueAs={wholeNumber} {...props} />;
}

export function SelectField({ name, label, hint, options, ...props }: { name: string; label: string; hint?: string; options: { value: string; label: string }[] } & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  const { register } = useFormContext();
  const { message } = useFieldState(name);
  return (
    <FieldShell id={id} label={label} hint={hint} message={message}>
      <Select id={id} aria-invalid={message ? true : undefined} aria-describedby={message ? `${id}-error` : hint ? `${id}-hint` : undefined} {...props} {...register(name)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </Select>
    </FieldShell>
  );
}

export function FormMessage({ error, success }: { error?: string | null; success?: string | null }) {
  if (error) return <Alert tone="error">{error}</Alert>;
  if (success) return <Alert tone="success">{success}</Alert>;
  return null;
}

export function SubmitButton({ children, pendingLabel, className, variant }: { children: ReactNode; pendingLabel?: string; className?: string; variant?: ButtonVariant }) {
  const { formState } = useFormContext();
  return (
    <Button type="submit" variant={variant} disabled={formState.isSubmitting} aria-busy={formState.isSubmitting} className={className}>
      {formState.isSubmitting && pendingLabel ? pendingLabel : children}
    </Button>
  );
}
