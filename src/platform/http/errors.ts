import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, ERRORS, isAppError, type ErrorCode } from '../errors/catalogue.js';
import { t } from '../i18n/index.js';

// Fastify's own error codes for malformed requests, mapped onto the catalogue.
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.invalid',
  FST_ERR_VALIDATION: 'request.invalid',
};

/** The JSON error body every client sees. Never a stack trace. */
export function errorBody(req: FastifyRequest, code: ErrorCode, details?: unknown, params?: Record<string, string | number>) {
  return { error: { code, message: t(req.lang ?? 'ru', ERRORS[code].key, params), ...(details !== undefined ? { details } : {}) } };
}

export function sendError(req: FastifyRequest, reply: FastifyReply, err: AppError): FastifyReply {
  return reply.status(err.status).type('application/json; charset=utf-8').send(errorBody(req, err.code, err.details, err.params));
}

/** Fastify error handler: known failures become catalogue errors, the rest a logged 500. */
export function handleError(err: FastifyError, req: FastifyRequest, reply: FastifyReply) {
  if (isAppError(err)) return sendError(req, reply, err);
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = err.validation.map((v) => ({ path: v.instancePath || '/', message: v.message, where: err.validationContext }));
    return sendError(req, reply, new AppError('request.invalid', details));
  }
  const mapped = err.code ? FASTIFY_CODES[err.code] : undefined;
  if (mapped) return sendError(req, reply, new AppError(mapped));
  if (err instanceof SyntaxError) return sendError(req, reply, new AppError('request.malformed_json'));
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) {
    return sendError(req, reply, new AppError(err.statusCode === 413 ? 'request.too_large' : err.statusCode === 415 ? 'request.unsupported_media_type' : 'request.invalid'));
  }
  req.log.error({ err }, 'unhandled error');
  return sendError(req, reply, new AppError('server.internal'));
}
