import type { Locale } from './config';
import en from './messages.en';
import zhCN, { type Messages } from './messages.zh-CN';

export * from './config';
export type { Messages };

const dictionaries: Record<Locale, Messages> = { 'zh-CN': zhCN, en };

type Join<K, P> = K extends string ? (P extends string ? `${K}.${P}` : never) : never;
type Paths<T> = { [K in keyof T]: T[K] extends string ? K : Join<K, Paths<T[K]>> }[keyof T];
export type MessageKey = Paths<Messages>;

export function messagesFor(locale: Locale): Messages {
  return dictionaries[locale];
}

export function isMessageKey(key: string): key is MessageKey {
  const [ns, leaf] = key.split('.');
  const group = (zhCN as unknown as Record<string, Record<string, string>>)[ns ?? ''];
  return !!group && typeof group[leaf ?? ''] === 'string';
}

/** Translates a key with {placeholders}. Unknown keys are returned unchanged (and fail the dictionary test). */
export function translate(locale: Locale, key: MessageKey | string, params?: Record<string, string | number>): string {
  const [ns, leaf] = key.split('.');
  const group = (dictionaries[locale] as unknown as Record<string, Record<string, string>>)[ns ?? ''];
  const template = group?.[leaf ?? ''] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export type Translator = (key: MessageKey, params?: Record<string, string | number>) => string;
export function translator(locale: Locale): Translator {
  return (key, params) => translate(locale, key, params);
}
