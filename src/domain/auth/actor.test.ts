import { expect, it } from 'vitest';
import { ANONYMOUS, actorCan, actorScope, partyMayReport, scopeCoversUnit, systemActor, type Actor } from './actor.js';
import { ACTIONS, PERMISSIONS } from './permissions.js';

const user = (role: Actor['role'], unitIds: number[] | null = [7], party: string | null = null): Actor => ({
  kind: 'user',
  name: 'x',
  role,
  userId: 1,
  tokenId: null,
  party,
  unitIds,
  tokenActions: null,
});

it('gives admins and system jobs everything, the public only published figures', () => {
  for (const action of ACTIONS) {
    expect(actorScope(user('admin', null), action)).toBe('all');
    expect(actorScope(systemActor('cli'), action)).toBe('all');
  }
  expect(ACTIONS.filter((a) => actorCan(ANONYMOUS, a))).toEqual(['published.read']);
});

it('lets nobody but admins manage people, and keeps commune officers to their units', () => {
  for (const role of ['province_officer', 'partner_officer', 'commune_officer', 'viewer'] as const) {
    expect(PERMISSIONS[role]['user.manage']).toBeUndefined();
    expect(PERMISSIONS[role]['token.manage']).toBeUndefined();
  }
  expect(actorScope(user('commune_officer'), 'value.write')).toBe('assigned');
  expect(actorScope(user('commune_officer'), 'approval.approve')).toBeNull();
  expect(actorScope(user('viewer'), 'value.write')).toBeNull();
});

it('scopes assigned actions to the units assigned and everything below them', () => {
  const officer = user('commune_officer', [7]);
  expect(scopeCoversUnit(officer, 'assigned', [7, 3, 1])).toBe(true);
  expect(scopeCoversUnit(officer, 'assigned', [70, 3, 1])).toBe(false);
  expect(scopeCoversUnit(officer, 'all', [70])).toBe(true);
});

it('gives a token exactly its actions, plus what the public may do', () => {
  const token: Actor = { ...user(null), kind: 'token', tokenActions: ['value.import'] };
  expect(actorScope(token, 'value.import')).toBe('assigned');
  expect(actorScope(token, 'published.read')).toBe('all');
  expect(actorScope(token, 'value.write')).toBeNull();
});

it('keeps a party’s staff to their party’s indicators', () => {
  expect(partyMayReport(user('partner_officer', [1], 'VTL'), 'VTL')).toBe(true);
  expect(partyMayReport(user('partner_officer', [1], 'VTL'), 'GL')).toBe(false);
  expect(partyMayReport(user('province_officer', [1], null), 'VTL')).toBe(true);
});
