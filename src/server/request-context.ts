import type { FastifyRequest } from 'fastify';
import type { WriteContext } from '../db/audit-log.js';

// Until sign-in exists, callers name themselves; the name and the request id go into the audit log.
const USER_HEADER = 'x-dx-user';

export function actorOf(request: FastifyRequest): string {
  const header = request.headers[USER_HEADER];
  const raw = (Array.isArray(header) ? header[0] : header)?.trim();
  if (!raw) return 'anonymous';
  // HTTP headers carry only Latin-1: browsers send Vietnamese names percent-encoded.
  let name = raw;
  try {
    name = decodeURIComponent(raw);
  } catch {
    // not percent-encoded after all: keep it as sent
  }
  return name.slice(0, 200);
}

export function writeContext(request: FastifyRequest, source: string, reason: string | null = null): WriteContext {
  return { actor: actorOf(request), requestId: request.id, reason, source };
}
