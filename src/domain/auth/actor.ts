import { ACTIONS, PERMISSIONS, scopeOf, type Action, type Audience, type Role, type Scope } from './permissions.js';

/** Who a request or a job acts as: what the permission table is asked about and what the audit log records. */
export interface Actor {
  kind: 'user' | 'token' | 'anonymous' | 'system';
  /** Recorded in the audit log and as `updated_by`: a username, `token:<prefix> <name>`, or `system:<job>`. */
  name: string;
  /** A user's role; a token acts with its own list of actions instead. */
  role: Role | null;
  userId: number | null;
  tokenId: number | null;
  /** The agreement party the actor works for; their writes are limited to the indicators that party reports. */
  party: string | null;
  /** The units assigned (their descendants included when checked); null for no limit (admins, system jobs). */
  unitIds: readonly number[] | null;
  /** A token's actions; null for users (their role's row of the table). */
  tokenActions: readonly Action[] | null;
}

export const ANONYMOUS: Actor = {
  kind: 'anonymous',
  name: 'anonymous',
  role: null,
  userId: null,
  tokenId: null,
  party: null,
  unitIds: [],
  tokenActions: null,
};

/** The CLI, the demo seed and background jobs: every action, everywhere, recorded under their own name. */
export function systemActor(job: string): Actor {
  return {
    kind: 'system',
    name: `system:${job}`,
    role: 'admin',
    userId: null,
    tokenId: null,
    party: null,
    unitIds: null,
    tokenActions: null,
  };
}

/** The row of the permission table that applies: the role's, or 'anonymous'. Tokens have their own list. */
export function audienceOf(actor: Actor): Audience {
  return actor.role ?? 'anonymous';
}

/** The scope the actor has for an action, or null when it is not allowed at all. */
export function actorScope(actor: Actor, action: Action): Scope | null {
  if (actor.kind === 'system') return 'all';
  if (actor.kind === 'token') {
    if (scopeOf('anonymous', action, PERMISSIONS)) return 'all'; // what the public may do, a token may too
    return actor.tokenActions?.includes(action) ? 'assigned' : null;
  }
  return scopeOf(audienceOf(actor), action, PERMISSIONS);
}

export function actorCan(actor: Actor, action: Action): boolean {
  return actorScope(actor, action) !== null;
}

/** Every action the actor may take with its scope: what `/api/auth/me` tells the web app. */
export function actorPermissions(actor: Actor): { action: Action; scope: Scope }[] {
  return ACTIONS.flatMap((action) => {
    const scope = actorScope(actor, action);
    return scope ? [{ action, scope }] : [];
  });
}

/**
 * True when an action in `scope` may touch a unit: `all` anywhere; `assigned` when one of the actor's units is the
 * unit itself or one of its ancestors (`lineage` lists the unit and its ancestors' ids).
 */
export function scopeCoversUnit(actor: Actor, scope: Scope, lineage: readonly number[]): boolean {
  if (scope === 'all' || actor.unitIds === null) return true;
  return lineage.some((id) => actor.unitIds!.includes(id));
}

/** True when the actor's party may report an indicator (a party's staff only report their party's indicators). */
export function partyMayReport(actor: Actor, reportingParty: string | null): boolean {
  return actor.party === null || reportingParty === null || actor.party === reportingParty;
}
