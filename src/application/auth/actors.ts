import type { Account } from '../../db/accounts.js';
import type { ApiTokenInfo } from '../../db/api-tokens.js';
import type { Actor } from '../../domain/auth/actor.js';

/** A signed-in user acts with their role, party and units; an admin's units do not limit them. */
export function actorForAccount(account: Account): Actor {
  return {
    kind: 'user',
    name: account.username,
    role: account.role,
    userId: account.id,
    tokenId: null,
    party: account.partyCode,
    unitIds: account.role === 'admin' ? null : account.unitIds,
    tokenActions: null,
  };
}

/** A partner system acts with exactly the token's actions, party and units. */
export function actorForToken(token: ApiTokenInfo): Actor {
  return {
    kind: 'token',
    name: `token:${token.prefix} ${token.name}`.slice(0, 200),
    role: null,
    userId: null,
    tokenId: token.id,
    party: token.partyCode,
    unitIds: token.unitIds,
    tokenActions: token.permissions,
  };
}
