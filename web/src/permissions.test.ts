import { expect, it } from 'vitest';
import { actorPermissions, ANONYMOUS, type Actor } from '../../src/domain/auth/actor.js';
import { ROLES, type Role } from '../../src/domain/auth/permissions.js';
import { ANONYMOUS_STATE, type SessionState } from './api/session.js';
import { can, mayOpen, scopeFor } from './permissions.js';
import { NAV_ROUTES } from './routes.js';

/** The state /api/auth/me sends for a signed-in role: its permissions come from the one table. */
function stateOf(role: Role | null): SessionState {
  const actor: Actor = role ? { ...ANONYMOUS, kind: 'user', name: role, role, userId: 1 } : ANONYMOUS;
  return { ...ANONYMOUS_STATE, signedIn: role !== null, permissions: actorPermissions(actor) };
}

const navFor = (role: Role | null) => NAV_ROUTES.filter((id) => mayOpen(stateOf(role), id));

it('shows each role the screens the permission table allows it', () => {
  expect(navFor(null)).toEqual(['overview', 'map', 'agreement']);
  expect(navFor('viewer')).toEqual(['overview', 'map', 'approval', 'validation', 'agreement']);
  expect(navFor('commune_officer')).toEqual([
    'overview',
    'map',
    'entry',
    'approval',
    'import',
    'validation',
    'agreement',
  ]);
  expect(navFor('partner_officer')).toEqual([
    'overview',
    'map',
    'planner',
    'entry',
    'approval',
    'import',
    'validation',
    'agreement',
  ]);
  for (const role of ['admin', 'province_officer'] as const) {
    expect(navFor(role), role).toEqual([
      'overview',
      'map',
      'planner',
      'entry',
      'approval',
      'import',
      'validation',
      'agreement',
      'admin',
    ]);
  }
  expect(ROLES).toHaveLength(5); // a new role gets a line above
});

it('reads actions and their scope from the state, never from the role', () => {
  const officer = stateOf('commune_officer');
  expect(scopeFor(officer, 'value.import')).toBe('assigned');
  expect(can(officer, 'approval.approve')).toBe(false);
  expect(can(stateOf('province_officer'), 'coverage.run')).toBe(true);
  expect(can(stateOf('viewer'), 'coverage.run')).toBe(false);
  expect(can(stateOf('viewer'), 'data.read')).toBe(true);
  expect(can(ANONYMOUS_STATE, 'data.read')).toBe(false);
  expect(can(ANONYMOUS_STATE, 'published.read')).toBe(true);
  // A signed-in user's state without the action (a token's narrower list, say) hides it too.
  expect(can({ ...stateOf('admin'), permissions: [{ action: 'published.read', scope: 'all' }] }, 'value.import')).toBe(
    false,
  );
  expect(mayOpen(ANONYMOUS_STATE, 'signIn')).toBe(true);
});
