import { z } from 'zod';
import { isMessageKey, translate, type Locale } from '@/lib/i18n';
import type { FieldErrors } from '@/lib/http/errors';

/** zod's built-in messages in the user's language; our own messages are i18n keys translated afterwards. */
export function zodLocaleError(locale: Locale) {
  return (locale === 'en' ? z.locales.en() : z.locales.zhCN()).localeError;
}

export function issuePath(path: readonly PropertyKey[]): string {
  return path.length ? path.map(String).join('.') : '_';
}

/** Localised messages for one issue; keys in messages ("validation.required") are translated with its bounds. */
export function localiseMessage(locale: Locale, message: string, issue?: Partial<{ minimum: unknown; maximum: unknown }>): string {
  // Services may attach parameters to a key: "validation.passwordTooShort?min=12".
  const [key = message, query] = message.split('?');
  if (!isMessageKey(key)) return message;
  const params: Record<string, string | number> = Object.fromEntries(new URLSearchParams(query ?? ''));
  if (issue?.minimum !== undefined) params.min = Number(issue.minimum);
  if (issue?.maximum !== undefined) params.max = Number(issue.maximum);
  return translate(locale, key, params);
}

/**
 * Field paths come from the input ("__proto__", "constructor" as unknown keys), so they are collected in a Map and
 * written as own properties: never looked up on a plain object, where they would find Object.prototype.
 */
export function fieldErrorsFromZod(error: z.ZodError, locale: Locale): FieldErrors {
  const out = new Map<string, string[]>();
  for (const issue of error.issues) {
    const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
    for (const p of paths) {
      const key = issuePath(p);
      const list = out.get(key) ?? [];
      list.push(localiseMessage(locale, issue.message, issue as never));
      out.set(key, list);
    }
  }
  return Object.fromEntries(out);
}

export function localiseFieldErrors(errors: FieldErrors, locale: Locale): FieldErrors {
  return Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, v.map((m) => localiseMessage(locale, m))]));
}

export function safeParseLocalised<S extends z.ZodType>(schema: S, input: unknown, locale: Locale) {
  return schema.safeParse(input, { error: zodLocaleError(locale) });
}
