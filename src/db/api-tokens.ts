import type { Queryable } from './database.js';
import type { Action } from '../domain/auth/permissions.js';

export interface ApiTokenInfo {
  id: number;
  prefix: string;
  name: string;
  partyCode: string | null;
  permissions: Action[];
  units: string[];
  unitIds: number[];
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
  lastUsedAt: string | null;
  lastUsedAddress: string | null;
}

const ISO = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')`;

const SELECT_TOKEN = `select t.id, t.prefix, t.name, t.party_code as "partyCode", t.permissions, t.created_by as "createdBy",
    ${ISO('t.created_at')} as "createdAt", ${ISO('t.expires_at')} as "expiresAt", ${ISO('t.revoked_at')} as "revokedAt",
    ${ISO('t.last_used_at')} as "lastUsedAt", t.last_used_address as "lastUsedAddress",
    coalesce(array_agg(o.code order by o.code) filter (where o.id is not null), '{}') as units,
    coalesce(array_agg(o.id order by o.code) filter (where o.id is not null), '{}') as "unitIds"
  from api_token t left join api_token_unit a on a.token_id = t.id left join org_unit o on o.id = a.org_unit_id`;

export async function insertApiToken(
  tx: Queryable,
  token: {
    prefix: string;
    secretHash: string;
    name: string;
    partyCode: string | null;
    permissions: readonly Action[];
    unitIds: readonly number[];
    createdBy: string;
    expiresAt: Date;
  },
): Promise<number> {
  const [row] = await tx.query<{ id: number }>(
    `insert into api_token (prefix, secret_hash, name, party_code, permissions, created_by, expires_at)
     values ($1, $2, $3, $4, $5::text[], $6, $7) returning id`,
    [
      token.prefix,
      token.secretHash,
      token.name,
      token.partyCode,
      token.permissions,
      token.createdBy,
      token.expiresAt.toISOString(),
    ],
  );
  if (token.unitIds.length > 0)
    await tx.query('insert into api_token_unit (token_id, org_unit_id) select $1, unnest($2::int[])', [
      row!.id,
      token.unitIds,
    ]);
  return row!.id;
}

/** A token by its public prefix with its secret hash, whatever its state: the caller checks expiry and revocation. */
export async function findApiTokenByPrefix(
  db: Queryable,
  prefix: string,
): Promise<(ApiTokenInfo & { secretHash: string }) | null> {
  const [row] = await db.query<ApiTokenInfo & { secretHash: string }>(
    `${SELECT_TOKEN.replace('select t.id,', 'select t.secret_hash as "secretHash", t.id,')} where t.prefix = $1 group by t.id`,
    [prefix],
  );
  return row ?? null;
}

export async function findApiToken(db: Queryable, id: number): Promise<ApiTokenInfo | null> {
  const [row] = await db.query<ApiTokenInfo>(`${SELECT_TOKEN} where t.id = $1 group by t.id`, [id]);
  return row ?? null;
}

export async function listApiTokens(db: Queryable): Promise<ApiTokenInfo[]> {
  return db.query<ApiTokenInfo>(`${SELECT_TOKEN} group by t.id order by t.created_at desc, t.id desc`);
}

export async function revokeApiToken(tx: Queryable, id: number): Promise<boolean> {
  const rows = await tx.query(
    'update api_token set revoked_at = now() where id = $1 and revoked_at is null returning id',
    [id],
  );
  return rows.length === 1;
}

/** Records a use; at most once a minute per token, so that a busy partner system does not write on every call. */
export async function touchApiToken(db: Queryable, id: number, address: string): Promise<void> {
  await db.query(
    `update api_token set last_used_at = now(), last_used_address = $2
     where id = $1 and (last_used_at is null or last_used_at < now() - interval '1 minute' or last_used_address <> $2)`,
    [id, address],
  );
}
