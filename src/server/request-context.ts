import type { FastifyRequest } from 'fastify';
import type { WriteContext } from '../db/audit-log.js';
import { auditContext } from '../application/audit-context.js';

/** The audit context of a request's writes: its authenticated actor (user or token) and request id. */
export function writeContext(request: FastifyRequest, source: string, reason: string | null = null): WriteContext {
  return auditContext(request.actor, request.id, reason, source);
}
