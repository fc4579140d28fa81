import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { Conflict, DomainError, Invalid, NotFound, type FieldError } from '../domain/errors.js';

/** An RFC 9457 problem document. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: string;
  instance?: string;
  requestId?: string;
  errors?: readonly FieldError[];
}

const TITLES: Record<number, string> = {
  400: 'Bad request',
  404: 'Not found',
  409: 'Conflict',
  413: 'Payload too large',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
};

function statusOf(error: DomainError): number {
  if (error instanceof NotFound) return 404;
  if (error instanceof Conflict) return 409;
  if (error instanceof Invalid) return 422;
  return 400;
}

function problem(
  status: number,
  code: string,
  detail: string,
  request: FastifyRequest,
  errors?: readonly FieldError[],
): Problem {
  return {
    type: `about:blank`,
    title: TITLES[status] ?? 'Error',
    status,
    detail,
    code,
    instance: request.url,
    requestId: request.id,
    ...(errors && errors.length > 0 ? { errors } : {}),
  };
}

export function sendProblem(reply: FastifyReply, body: Problem) {
  return reply.code(body.status).type('application/problem+json; charset=utf-8').send(body);
}

/** Maps every error once: domain errors by class, schema failures to 400 with field paths, the rest to 500. */
export function problemHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((issue) => ({
      path: [error.validationContext, ...String(issue.instancePath).split('/').filter(Boolean)].join('.'),
      message: issue.message ?? 'is invalid',
    }));
    const detail = errors.map((e) => `${e.path}: ${e.message}`).join('; ');
    return sendProblem(reply, problem(400, 'request.invalid', detail, request, errors));
  }
  const domainError: unknown = error;
  if (domainError instanceof DomainError) {
    return sendProblem(
      reply,
      problem(statusOf(domainError), domainError.code, domainError.message, request, domainError.details),
    );
  }
  const status =
    typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
  if (status === 500) {
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(
      reply,
      problem(500, 'internal', `Something went wrong on our side; quote request id ${request.id}`, request),
    );
  }
  // Fastify's own 4xx (malformed JSON, wrong content type, body too large): its message is safe to show.
  const code = error.code ? error.code.toLowerCase().replace(/^fst_err_/, 'request.') : 'request.invalid';
  return sendProblem(reply, problem(status, code, error.message, request));
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return sendProblem(
    reply,
    problem(404, 'route.not_found', `No route ${request.method} ${request.url.split('?')[0]}`, request),
  );
}
