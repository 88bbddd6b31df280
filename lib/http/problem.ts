import { translate, type Locale } from '@/lib/i18n';
import { localiseFieldErrors } from '@/lib/validation';
import { AppError, PROBLEM_CODES, type FieldErrors, type ProblemCode } from './errors';

/** RFC 9457 problem details: { type, title, status, code, detail, errors? }. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: ProblemCode;
  detail: string;
  errors?: FieldErrors;
}

/** Problem types are relative URI references (RFC 9457 §3.1.1), documented at /api-docs. */
export const PROBLEM_TYPE_BASE = '/api-docs#problem-';

export function problemBody(code: ProblemCode, locale: Locale, opts: { detail?: string; errors?: FieldErrors } = {}): ProblemBody {
  const title = translate(locale, `problem.${code}`);
  return {
    type: `${PROBLEM_TYPE_BASE}${code.toLowerCase().replace(/_/g, '-')}`,
    title,
    status: PROBLEM_CODES[code],
    code,
    detail: opts.detail ?? title,
    ...(opts.errors ? { errors: localiseFieldErrors(opts.errors, locale) } : {}),
  };
}

export function problemResponse(code: ProblemCode, locale: Locale, opts: { detail?: string; errors?: FieldErrors; headers?: HeadersInit } = {}): Response {
  const body = problemBody(code, locale, opts);
  const headers = new Headers(opts.headers);
  headers.set('content-type', 'application/problem+json; charset=utf-8');
  headers.set('cache-control', 'no-store');
  headers.set('content-language', locale);
  return new Response(JSON.stringify(body), { status: body.status, headers });
}

export function problemFromError(err: AppError, locale: Locale): Response {
  const headers: HeadersInit = err.options.retryAfterSeconds ? { 'retry-after': String(err.options.retryAfterSeconds) } : {};
  return problemResponse(err.code, locale, {
    detail: err.options.detailKey ? translate(locale, err.options.detailKey) : undefined,
    errors: err.options.fieldErrors,
    headers,
  });
}
