import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import {
  Conflict,
  DomainError,
  Forbidden,
  Invalid,
  NotFound,
  PreconditionFailed,
  TooLarge,
  TooManyRequests,
  Unauthorized,
  Unavailable,
  UnsupportedType,
  type ErrorCode,
  type FieldError,
  type MessageParams,
} from '../domain/errors.js';
import { preferredLanguage, type Language } from '../domain/messages/language.js';
import { localiseDetail } from '../domain/messages/problem-messages.js';

/** An RFC 9457 problem document. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  instance?: string;
  requestId?: string;
  errors?: readonly FieldError[];
  /** For 412: what is stored now, and who changed it. */
  current?: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  412: 'Precondition failed',
  413: 'Payload too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  431: 'Request header fields too large',
  500: 'Internal server error',
  503: 'Service unavailable',
};

function statusOf(error: DomainError): number {
  if (error instanceof NotFound) return 404;
  if (error instanceof Conflict) return 409;
  if (error instanceof TooLarge) return 413;
  if (error instanceof UnsupportedType) return 415;
  if (error instanceof Invalid) return 422;
  if (error instanceof Unauthorized) return 401;
  if (error instanceof Forbidden) return 403;
  if (error instanceof PreconditionFailed) return 412;
  if (error instanceof TooManyRequests) return 429;
  if (error instanceof Unavailable) return 503;
  return 400;
}

/** The language the client asked for (Accept-Language); English when it names neither of ours. */
export function requestLanguage(request: FastifyRequest): Language {
  const header = request.headers['accept-language'];
  return preferredLanguage(typeof header === 'string' ? header.slice(0, 200) : null) ?? 'en';
}

export function problemBody(
  status: number,
  code: ErrorCode,
  detail: string,
  request: FastifyRequest,
  errors?: readonly FieldError[],
  params?: MessageParams,
): Problem {
  return {
    type: `about:blank`,
    title: TITLES[status] ?? 'Error',
    status,
    detail: localiseDetail(code, params, requestLanguage(request), detail),
    code,
    instance: request.url.split('?')[0]!.slice(0, 500),
    requestId: request.id,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, body: Problem) {
  return reply
    .code(body.status)
    .type('application/problem+json; charset=utf-8')
    .header('content-language', requestLanguage(reply.request))
    .send(body);
}

/** Fastify's and its plugins' own 4xx codes, as stable codes of ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_BODY_TOO_LARGE: 'request.body_too_large',
  FST_REQ_FILE_TOO_LARGE: 'request.body_too_large',
  FST_PARTS_LIMIT: 'request.body_too_large',
  FST_FILES_LIMIT: 'request.body_too_large',
  FST_FIELDS_LIMIT: 'request.body_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'request.unsupported_media_type',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'request.unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'request.invalid',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'request.malformed_json',
  FST_ERR_CTP_INVALID_JSON_BODY: 'request.malformed_json',
  FST_PROTO_VIOLATION: 'request.malformed_json',
  FST_ERR_BAD_URL: 'request.invalid',
  FST_ERR_ASYNC_CONSTRAINT: 'request.invalid',
};

const CODE_BY_STATUS: Record<number, ErrorCode> = {
  413: 'request.body_too_large',
  415: 'request.unsupported_media_type',
  429: 'request.rate_limited',
  431: 'request.headers_too_large',
};

/** What the multipart parser says of a body cut short or malformed: the client's fault, not ours. */
const MALFORMED_MULTIPART =
  /^(Unexpected end of multipart data|Multipart: Boundary not found|Boundary required|Malformed part header|Unexpected file|Unsupported Content-Type\.|Missing Content-Type-header\.)/;

/** PostgreSQL errors caused by what a client sent (a NUL byte, a number out of range): the client's fault. */
const CLIENT_SQLSTATES = new Set(['22021', '22P05', '22003', '22008', '22007', '22P02', '54000']);

/** Maps every error once: domain errors by class, schema failures to 400 with field paths, the rest to 500. */
export function problemHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((issue) => ({
      path: [error.validationContext, ...String(issue.instancePath).split('/').filter(Boolean)].join('.'),
      message: issue.message ?? 'is invalid',
    }));
    const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    return sendProblem(reply, problemBody(400, 'request.invalid', detail, request, errors));
  }
  const domainError: unknown = error;
  if (domainError instanceof DomainError) {
    const status = statusOf(domainError);
    if (domainError instanceof TooManyRequests || domainError instanceof Unavailable)
      reply.header('retry-after', String(domainError.retryAfterSeconds));
    const body = problemBody(
      status,
      domainError.code,
      domainError.message,
      request,
      domainError.details,
      domainError.params,
    );
    if (domainError instanceof PreconditionFailed) body.current = domainError.current;
    return sendProblem(reply, body);
  }
  if (!error.statusCode && MALFORMED_MULTIPART.test(error.message ?? '')) {
    return sendProblem(
      reply,
      problemBody(
        400,
        'request.malformed_multipart',
        `The upload is malformed or cut short: ${error.message}`,
        request,
      ),
    );
  }
  const sqlState = (error as { code?: unknown }).code;
  if (typeof sqlState === 'string' && CLIENT_SQLSTATES.has(sqlState) && !error.statusCode) {
    request.log.warn({ err: error }, 'database refused a value from the request');
    return sendProblem(
      reply,
      problemBody(400, 'request.invalid', 'A value in the request cannot be stored or compared', request),
    );
  }
  const status =
    typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500) {
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      reply,
      problemBody(500, 'internal', `Something went wrong on our side; quote request id ${request.id}`, request),
    );
  }
  // Fastify's own 4xx (malformed JSON, wrong content type, body too large): its message is safe to show.
  const code =
    (error.code ? FASTIFY_CODES[error.code] : undefined) ??
    CODE_BY_STATUS[status] ??
    (error.code?.startsWith('FST_') && /multipart|part|boundary|form/i.test(error.message)
      ? 'request.malformed_multipart'
      : 'request.invalid');
  if (status === 429) reply.header('retry-after', reply.getHeader('retry-after') ?? '60');
  return sendProblem(reply, problemBody(status, code, error.message, request));
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return sendProblem(
    reply,
    problemBody(
      404,
      'route.not_found',
      `No route ${request.method} ${request.url.split('?')[0]!.slice(0, 300)}`,
      request,
    ),
  );
}
