/**
 * What the signed-in actor may do, as `/api/auth/me` reports it from the permission table
 * (src/domain/auth/permissions.ts). The web app hides what is not allowed; the server refuses it anyway.
 */
import type { Action, Scope } from '../../src/domain/auth/permissions.js';
import type { SessionState } from './api/session.js';
import type { RouteId } from './routes.js';

export type { Action };

/** The scope the state grants for an action, or null when it does not allow it. */
export function scopeFor(state: SessionState, action: Action): Scope | null {
  return state.permissions.find((p) => p.action === action)?.scope ?? null;
}

export function can(state: SessionState, action: Action): boolean {
  return scopeFor(state, action) !== null;
}

/** The action a screen needs; null for screens everyone may open (sign-in). */
export const ROUTE_ACTIONS: Readonly<Record<RouteId, Action | null>> = {
  overview: 'published.read',
  indicator: 'published.read',
  map: 'published.read',
  planner: 'plan.read',
  entry: 'value.write',
  approval: 'data.read',
  import: 'value.import',
  validation: 'data.read',
  commune: 'published.read',
  agreement: 'published.read',
  admin: 'indicator.define',
  account: 'account.self',
  signIn: null,
};

export function mayOpen(state: SessionState, route: RouteId): boolean {
  const action = ROUTE_ACTIONS[route];
  return action === null || can(state, action);
}
