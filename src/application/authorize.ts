import type { Queryable } from '../db/database.js';
import { unitLineages } from '../db/org-units.js';
import { actorScope, partyMayReport, scopeCoversUnit, type Actor } from '../domain/auth/actor.js';
import type { Action, Scope } from '../domain/auth/permissions.js';
import { Forbidden, Unauthorized } from '../domain/errors.js';

/** The actor's scope for an action; refuses (401 when not signed in, else 403) when the table does not allow it. */
export function requireAction(actor: Actor, action: Action): Scope {
  const scope = actorScope(actor, action);
  if (scope) return scope;
  if (actor.kind === 'anonymous') throw new Unauthorized('auth.required', 'Sign in to do this', undefined, { action });
  throw new Forbidden('auth.forbidden', `${actor.name} may not ${action}`, undefined, { action });
}

/** Refuses when any of the units lies outside the actor's units for this action, naming them. */
export async function requireUnits(
  db: Queryable,
  actor: Actor,
  action: Action,
  units: readonly { id: number; code: string }[],
): Promise<void> {
  const scope = requireAction(actor, action);
  if (scope === 'all' || actor.unitIds === null || units.length === 0) return;
  const distinct = [...new Map(units.map((u) => [u.id, u])).values()];
  const lineages = await unitLineages(
    db,
    distinct.map((u) => u.id),
  );
  const outside = distinct.filter((u) => !scopeCoversUnit(actor, scope, lineages.get(u.id) ?? [u.id]));
  if (outside.length > 0)
    throw new Forbidden(
      'auth.unit_scope',
      `${actor.name} may not ${action} for ${outside.map((u) => u.code).join(', ')}: outside the units assigned`,
      outside.map((u) => ({ path: u.code, message: 'outside the units assigned' })),
      { units: outside.map((u) => u.code).join(', '), action },
    );
}

/** Refuses when the actor's party does not report one of the indicators. */
export function requireParty(
  actor: Actor,
  indicators: readonly { code: string; reportingParty: string | null }[],
): void {
  const foreign = [...new Map(indicators.map((i) => [i.code, i])).values()].filter(
    (i) => !partyMayReport(actor, i.reportingParty),
  );
  if (foreign.length > 0)
    throw new Forbidden(
      'auth.party_scope',
      `${actor.name} (${actor.party}) does not report ${foreign.map((i) => `${i.code} (${i.reportingParty})`).join(', ')}`,
      foreign.map((i) => ({ path: i.code, message: `reported by ${i.reportingParty}` })),
      { indicators: foreign.map((i) => i.code).join(', ') },
    );
}
