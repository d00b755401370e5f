/**
 * The one error catalogue: every error a client can see has a stable code, an HTTP status and
 * a message key translated in kk/ru/en (src/platform/i18n/messages). Add codes here, never
 * ad hoc in routes.
 */
export const ERRORS = {
  'request.invalid': { status: 400, key: 'errors.request.invalid' },
  'request.malformed_json': { status: 400, key: 'errors.request.malformed_json' },
  'request.bad_encoding': { status: 400, key: 'errors.request.bad_encoding' },
  'request.too_large': { status: 413, key: 'errors.request.too_large' },
  'request.unsupported_media_type': { status: 415, key: 'errors.request.unsupported_media_type' },
  'request.not_found': { status: 404, key: 'errors.request.not_found' },
  'request.rate_limited': { status: 429, key: 'errors.request.rate_limited' },
  'auth.required': { status: 401, key: 'errors.auth.required' },
  'auth.invalid_credentials': { status: 401, key: 'errors.auth.invalid_credentials' },
  'auth.mfa_required': { status: 401, key: 'errors.auth.mfa_required' },
  'auth.mfa_invalid': { status: 401, key: 'errors.auth.mfa_invalid' },
  'auth.locked': { status: 423, key: 'errors.auth.locked' },
  'auth.disabled': { status: 403, key: 'errors.auth.disabled' },
  'auth.csrf': { status: 403, key: 'errors.auth.csrf' },
  'auth.forbidden': { status: 403, key: 'errors.auth.forbidden' },
  'auth.region_forbidden': { status: 403, key: 'errors.auth.region_forbidden' },
  'auth.token_invalid': { status: 401, key: 'errors.auth.token_invalid' },
  'auth.weak_password': { status: 400, key: 'errors.auth.weak_password' },
  'auth.mfa_not_pending': { status: 409, key: 'errors.auth.mfa_not_pending' },
  'user.exists': { status: 409, key: 'errors.user.exists' },
  'user.not_found': { status: 404, key: 'errors.user.not_found' },
  'user.self_lockout': { status: 409, key: 'errors.user.self_lockout' },
  'token.not_found': { status: 404, key: 'errors.token.not_found' },
  'region.invalid': { status: 400, key: 'errors.region.invalid' },
  'record.not_found': { status: 404, key: 'errors.record.not_found' },
  'record.conflict': { status: 409, key: 'errors.record.conflict' },
  'record.invalid_state': { status: 409, key: 'errors.record.invalid_state' },
  'traces.unknown_type': { status: 400, key: 'errors.traces.unknown_type' },
  'traces.invalid_value': { status: 400, key: 'errors.traces.invalid_value' },
  'traces.batch_too_large': { status: 413, key: 'errors.traces.batch_too_large' },
  'server.unavailable': { status: 503, key: 'errors.server.unavailable' },
  'server.internal': { status: 500, key: 'errors.server.internal' },
} as const satisfies Record<string, { status: number; key: string }>;

/** A code from the catalogue. */
export type ErrorCode = keyof typeof ERRORS;

/**
 * The only error type services throw for expected failures. Routes never build error
 * responses themselves: the HTTP layer maps AppError to `{"error":{code,message,details}}`.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details?: unknown;
  /** Extra values interpolated into the translated message, e.g. {minutes}. */
  readonly params?: Record<string, string | number>;
  constructor(code: ErrorCode, details?: unknown, params?: Record<string, string | number>) {
    super(code);
    this.name = 'AppError';
    this.code = code;
    this.status = ERRORS[code].status;
    this.details = details;
    this.params = params;
  }
}

export const isAppError = (e: unknown): e is AppError => e instanceof AppError;
