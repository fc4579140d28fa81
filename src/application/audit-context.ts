import type { WriteContext } from '../db/audit-log.js';
import type { Actor } from '../domain/auth/actor.js';

/** What the audit log records of a write: the authenticated actor, the request, the reason and where it came from. */
export function auditContext(
  actor: Actor,
  requestId: string | null,
  reason: string | null,
  source: string,
): WriteContext {
  return { actor: actor.name, requestId, reason, source };
}
