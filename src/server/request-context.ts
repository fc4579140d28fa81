import type { FastifyRequest } from 'fastify';
import type { WriteContext } from '../db/audit-log.js';

// Until sign-in exists, callers name themselves; the name and the request id go into the audit log.
const USER_HEADER = 'x-dx-user';

export function actorOf(request: FastifyRequest): string {
  const header = request.headers[USER_HEADER];
  const name = (Array.isArray(header) ? header[0] : header)?.trim();
  return name ? name.slice(0, 200) : 'anonymous';
}

export function writeContext(request: FastifyRequest, source: string, reason: string | null = null): WriteContext {
  return { actor: actorOf(request), requestId: request.id, reason, source };
}
