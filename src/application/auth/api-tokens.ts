import { randomBytes } from 'node:crypto';
import type { Database } from '../../db/database.js';
import {
  findApiToken,
  findApiTokenByPrefix,
  insertApiToken,
  listApiTokens,
  revokeApiToken,
  touchApiToken,
  type ApiTokenInfo,
} from '../../db/api-tokens.js';
import { appendAudit } from '../../db/audit-log.js';
import { TOKEN_ACTIONS, type TokenAction } from '../../domain/auth/permissions.js';
import type { Actor } from '../../domain/auth/actor.js';
import { Invalid, NotFound, Unauthorized } from '../../domain/errors.js';
import { constantTimeEqual, randomToken, sha256Hex } from './secrets.js';
import { requireAction } from '../authorize.js';
import { resolveUnitCodes } from '../units.js';
import { auditContext } from '../audit-context.js';

const TOKEN_PATTERN = /^dxc_([0-9a-f]{12})_([A-Za-z0-9_-]{43})$/;
export const MAX_TOKEN_DAYS = 366;

export interface NewTokenInput {
  name: string;
  party: string | null;
  units: readonly string[];
  permissions: readonly TokenAction[];
  expiresInDays: number;
}

/** Creates a token for a partner system; the token itself is returned once and never stored. */
export async function createApiToken(
  db: Database,
  actor: Actor,
  input: NewTokenInput,
  requestId: string | null,
): Promise<{ token: string; info: ApiTokenInfo }> {
  requireAction(actor, 'token.manage');
  const unknown = input.permissions.filter((p) => !(TOKEN_ACTIONS as readonly string[]).includes(p));
  if (unknown.length > 0)
    throw new Invalid('auth.token_permissions', `A token cannot be given: ${unknown.join(', ')}`, [
      { path: 'body.permissions', message: `allowed: ${TOKEN_ACTIONS.join(', ')}` },
    ]);
  if (!(input.expiresInDays >= 1 && input.expiresInDays <= MAX_TOKEN_DAYS))
    throw new Invalid('auth.token_invalid', `A token expires within 1 to ${MAX_TOKEN_DAYS} days`, [
      { path: 'body.expiresInDays', message: `1–${MAX_TOKEN_DAYS}` },
    ]);
  const unitIds = await resolveUnitCodes(db, input.units, 'body.units');
  const prefix = randomBytes(6).toString('hex');
  const secret = randomToken(32);
  const token = `dxc_${prefix}_${secret}`;
  const expiresAt = new Date(Date.now() + input.expiresInDays * 86_400_000);
  const id = await db.transaction(async (tx) => {
    const tokenId = await insertApiToken(tx, {
      prefix,
      secretHash: sha256Hex(token),
      name: input.name,
      partyCode: input.party,
      permissions: input.permissions,
      unitIds,
      createdBy: actor.name,
      expiresAt,
    });
    await appendAudit(tx, auditContext(actor, requestId, null, 'api'), [
      {
        action: 'token.create',
        entity: 'api_token',
        entityKey: { prefix },
        oldValue: null,
        newValue: {
          name: input.name,
          party: input.party,
          units: [...input.units],
          permissions: [...input.permissions],
          expiresAt: expiresAt.toISOString(),
        },
      },
    ]);
    return tokenId;
  });
  return { token, info: (await findApiToken(db, id))! };
}

export async function revokeToken(db: Database, actor: Actor, id: number, requestId: string | null): Promise<void> {
  requireAction(actor, 'token.manage');
  const token = await findApiToken(db, id);
  if (!token) throw new NotFound('token.not_found', `No API token has the id ${id}`, undefined, { id });
  await db.transaction(async (tx) => {
    if (!(await revokeApiToken(tx, id))) return;
    await appendAudit(tx, auditContext(actor, requestId, null, 'api'), [
      {
        action: 'token.revoke',
        entity: 'api_token',
        entityKey: { prefix: token.prefix },
        oldValue: { revokedAt: null },
        newValue: { revoked: true },
      },
    ]);
  });
}

export async function listTokens(db: Database, actor: Actor): Promise<ApiTokenInfo[]> {
  requireAction(actor, 'token.manage');
  return listApiTokens(db);
}

/** The token a request presents, if it is known, unexpired and not revoked; its use is recorded. */
export async function resolveApiToken(db: Database, presented: string, address: string): Promise<ApiTokenInfo> {
  const match = TOKEN_PATTERN.exec(presented);
  const stored = match ? await findApiTokenByPrefix(db, match[1]!) : null;
  if (!stored || !constantTimeEqual(stored.secretHash, sha256Hex(presented)))
    throw new Unauthorized('auth.token_invalid', 'The API token is not valid');
  if (stored.revokedAt) throw new Unauthorized('auth.token_revoked', 'The API token was revoked');
  if (Date.parse(stored.expiresAt) <= Date.now())
    throw new Unauthorized('auth.token_expired', `The API token expired on ${stored.expiresAt}`);
  await touchApiToken(db, stored.id, address);
  const { secretHash: _s, ...info } = stored;
  return info;
}
