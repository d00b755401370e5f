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
  'auth.person_required': { status: 403, key: 'errors.auth.person_required' },
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
  'rating.invalid_input': { status: 400, key: 'errors.rating.invalid_input' },
  'rating.self_approval': { status: 403, key: 'errors.rating.self_approval' },
  'rating.source_unavailable': { status: 409, key: 'errors.rating.source_unavailable' },
  'situation.invalid_value': { status: 400, key: 'errors.situation.invalid_value' },
  'situation.import_rejected': { status: 422, key: 'errors.situation.import_rejected' },
  'situation.import_unreadable': { status: 400, key: 'errors.situation.import_unreadable' },
  'situation.import_too_large': { status: 413, key: 'errors.situation.import_too_large' },
  'situation.already_accepted': { status: 409, key: 'errors.situation.already_accepted' },
  'situation.national_review': { status: 403, key: 'errors.situation.national_review' },
  'situation.own_submission': { status: 403, key: 'errors.situation.own_submission' },
  'plan.import_invalid': { status: 422, key: 'errors.plan.import_invalid' },
  'plan.not_executor': { status: 403, key: 'errors.plan.not_executor' },
  'plan.self_review': { status: 403, key: 'errors.plan.self_review' },
  'plan.report_pending': { status: 409, key: 'errors.plan.report_pending' },
  'plan.attachment_too_large': { status: 413, key: 'errors.plan.attachment_too_large' },
  'plan.executor_invalid': { status: 400, key: 'errors.plan.executor_invalid' },
  'monitor.batch_too_large': { status: 413, key: 'errors.monitor.batch_too_large' },
  'monitor.import_unreadable': { status: 400, key: 'errors.monitor.import_unreadable' },
  'monitor.upload_too_large': { status: 413, key: 'errors.monitor.upload_too_large' },
  'monitor.request_self_approval': { status: 403, key: 'errors.monitor.request_self_approval' },
  'monitor.request_nothing': { status: 422, key: 'errors.monitor.request_nothing' },
  'monitor.request_region_required': { status: 400, key: 'errors.monitor.request_region_required' },
  'monitor.review_not_detected': { status: 409, key: 'errors.monitor.review_not_detected' },
  'monitor.duplicate_out_of_scope': { status: 409, key: 'errors.monitor.duplicate_out_of_scope' },
  'finance.invalid_address': { status: 400, key: 'errors.finance.invalid_address' },
  'finance.import_unreadable': { status: 400, key: 'errors.finance.import_unreadable' },
  'finance.import_rejected': { status: 422, key: 'errors.finance.import_rejected' },
  'finance.region_required': { status: 400, key: 'errors.finance.region_required' },
  'finance.nothing_to_request': { status: 422, key: 'errors.finance.nothing_to_request' },
  'finance.adapter_disabled': { status: 409, key: 'errors.finance.adapter_disabled' },
  'finance.upstream_failed': { status: 502, key: 'errors.finance.upstream_failed' },
  'finance.upstream_invalid': { status: 502, key: 'errors.finance.upstream_invalid' },
  'finance.unsupported': { status: 400, key: 'errors.finance.unsupported' },
  'finance.seed_invalid': { status: 400, key: 'errors.finance.seed_invalid' },
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
