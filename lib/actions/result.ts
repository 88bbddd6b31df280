import type { FieldErrors, ProblemCode } from '@/lib/http/errors';

/** What every server action returns: typed data, or a code with a localised form message and per-field errors. */
export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; code: ProblemCode; formError: string; fieldErrors?: FieldErrors };
