import type { MessageKey } from '@/lib/i18n';

export const PROBLEM_CODES = {
  VALIDATION_FAILED: 400,
  MALFORMED_JSON: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  WRONG_PASSWORD: 400,
  FORBIDDEN: 403,
  CROSS_ORIGIN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  INTERNAL: 500,
  // Party transfers (issue 9): stable codes the acceptance tests and clients branch on.
  LETTER_EXPIRED: 409,
  VALIDITY_TOO_LONG: 400,
  OPEN_CASE_EXISTS: 409,
  DUES_ARREARS: 409,
  PROBATION_EXPIRED: 409,
  ORG_DISSOLVED: 409,
  WRONG_ORG: 403,
  TRANSITION_NOT_ALLOWED: 409,
  NOT_ALLOWED: 403,
  // Party organisations: dissolution refused while members or active child organisations remain.
  ORG_NOT_EMPTY: 409,
  // 流动党员 (issue 10).
  DUES_MONTH_PAID: 409,
  BACKPAY_TOO_OLD: 400,
  QR_TOKEN_INVALID: 404,
  ALREADY_ACCEPTED: 409,
  OPEN_RECORD_EXISTS: 409,
  MAY_NOT_VOTE: 400,
  WRONG_REPORT_ORG: 400,
  REPORT_EXISTS: 409,
  // Mentors and 师带徒 (issue 12).
  MENTOR_FULL: 409,
  SELF_MENTORSHIP: 400,
  OPEN_REQUEST_EXISTS: 409,
  MENTOR_NOT_ACCEPTING: 409,
  MENTOR_EXISTS: 409,
  // Innovation-space bookings (issue 11 §8, "Bad input").
  SLOT_TAKEN: 409,
  END_BEFORE_START: 400,
  OUTSIDE_OPENING_HOURS: 400,
  OFF_SLOT_GRID: 400,
  BOOKING_TOO_SHORT: 400,
  BOOKING_TOO_LONG: 400,
  NOTICE_TOO_SHORT: 400,
  TOO_FAR_AHEAD: 400,
  CANCEL_CUTOFF_PASSED: 409,
  QUOTA_EXCEEDED: 409,
  NOT_ELIGIBLE_TO_BOOK: 403,
  CHECKIN_WRONG_SPACE: 400,
  CHECKIN_OUTSIDE_WINDOW: 409,
  SLOT_FULL: 409,
  ALREADY_IN_SLOT: 409,
} as const;
export type ProblemCode = keyof typeof PROBLEM_CODES;

export type FieldErrors = Record<string, string[]>;

/**
 * A failure that services raise and transports (server actions, route handlers) render: a stable upper-case code,
 * an HTTP status, optional localisable field errors (values are message keys or already-localised text).
 */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ProblemCode,
    readonly options: { detailKey?: MessageKey; fieldErrors?: FieldErrors; retryAfterSeconds?: number } = {},
  ) {
    super(code);
    this.name = 'AppError';
    this.status = PROBLEM_CODES[code];
  }
}

export const forbidden = () => new AppError('FORBIDDEN');
export const notFound = () => new AppError('NOT_FOUND');
export const unauthenticated = () => new AppError('UNAUTHENTICATED');
export const fieldError = (field: string, key: MessageKey) =>
  new AppError('VALIDATION_FAILED', { fieldErrors: { [field]: [key] } });

/** Drizzle wraps driver errors; the PostgreSQL SQLSTATE is on .cause.code (stack-notes §5.2). */
export function pgErrorCode(err: unknown): string | undefined {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  const code = e?.cause?.code ?? e?.code;
  return typeof code === 'string' ? code : undefined;
}
